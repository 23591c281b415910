-- stats_db.lua: one row per checkpoint in a SQLite database (checkpoint_post_script hook).
--
-- After every checkpoint set, appends a row to the table `checkpoints` of a SQLite
-- database (created on first use), so that a production can follow its renders with SQL:
-- samples, error and progress over time, per render and per host.
--
--   CREATE TABLE checkpoints (
--       id INTEGER PRIMARY KEY,
--       render_id TEXT,      -- checkpoint.renderId, the same in every run of one render
--       serial INTEGER,      -- checkpoint serial, continued across runs
--       reason TEXT,         -- checkpoint, final, exitat, samplecap, signal
--       spp_min INTEGER, spp_mean REAL, spp_max INTEGER,
--       elapsed REAL,        -- seconds of sampling, earlier runs included
--       progress REAL,       -- 0..1
--       error REAL,          -- mean per-pixel error estimate
--       host TEXT,
--       files TEXT,          -- JSON array of the files of the set (use json_each)
--       written_at TEXT)     -- UTC, ISO 8601
--
-- Several renders may share one database (a farm): the connection waits up to
-- RT_STATS_BUSY_MS for a lock held by another writer, and a statement that still finds
-- the database busy is retried a few times. The connection is always closed, also after
-- an error. The database is reached through LuaSQL (Debian package lua-sql-sqlite3).
--
-- Configuration (environment variables):
--   RT_STATS_DB        the database file (default: render_stats.sqlite in the folder of the
--                      set's first file)
--   RT_STATS_BUSY_MS   how long to wait for a locked database, milliseconds (default 5000)
--
-- Example:
--   RT_STATS_DB=/net/stats/renders.sqlite renderer_cmd -in scene.rdla -out frame.exr \
--       -checkpoint 5m -scene_var checkpoint_post_script lua/stats_db.lua
--   sqlite3 /net/stats/renders.sqlite \
--       "SELECT serial, reason, spp_mean, elapsed FROM checkpoints WHERE render_id = '...'"
--
-- A failure (LuaSQL missing, a database that cannot be opened or written) raises an error:
-- the renderer logs it with this file's name and the render goes on. See
-- doc/HOOK_SCRIPTS.md.

-- Shared helpers (fail, info, env, paths), loaded from this script's own folder.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local util = dofile(here .. "hook_util.lua")
local fail, info, env = util.fail, util.info, util.env
local dirname, joinPath = util.dirname, util.joinPath

local DEFAULT_DB = "render_stats.sqlite"
local DEFAULT_BUSY_MS = 5000
local ATTEMPTS = 3  -- per statement, each waiting up to the busy timeout

local SCHEMA = [[
CREATE TABLE IF NOT EXISTS checkpoints (
    id INTEGER PRIMARY KEY,
    render_id TEXT,
    serial INTEGER,
    reason TEXT,
    spp_min INTEGER,
    spp_mean REAL,
    spp_max INTEGER,
    elapsed REAL,
    progress REAL,
    error REAL,
    host TEXT,
    files TEXT,
    written_at TEXT
)]]
local INDEX = "CREATE INDEX IF NOT EXISTS checkpoints_render ON checkpoints (render_id, serial)"

local function busyMilliseconds()
    local text = env("RT_STATS_BUSY_MS")
    if text == nil then return DEFAULT_BUSY_MS end
    local ms = math.tointeger(tonumber(text))
    if ms == nil or ms < 0 then
        fail("RT_STATS_BUSY_MS must be a whole number of milliseconds >= 0, not '" .. text .. "'")
    end
    return ms
end

-- Every file of the set: checkpoint files, versioned copies, outputs.
local function setFiles(cp)
    local files = {}
    for _, key in ipairs({ "filename", "multiVersionFilename", "outputs" }) do
        if type(cp[key]) == "table" then
            for _, file in ipairs(cp[key]) do
                if type(file) == "string" then files[#files + 1] = file end
            end
        end
    end
    return files
end

local function databasePath(cp)
    local path = env("RT_STATS_DB")
    if path then return path end
    local first = setFiles(cp)[1]
    if first == nil then
        fail("checkpoint " .. tostring(cp.serial) ..
            " lists no files to put the database next to: set RT_STATS_DB")
    end
    return joinPath(dirname(first), DEFAULT_DB)
end

-- SQL literals. Strings are quoted by doubling every quote (what SQLite's %q does), so
-- a quote in a host name or render id is data, never SQL.
local function sqlText(value)
    if value == nil then return "NULL" end
    local text = tostring(value):gsub("%z", "")
    return "'" .. text:gsub("'", "''") .. "'"
end

local function sqlReal(value)
    if type(value) ~= "number" or value ~= value or value == math.huge or value == -math.huge then
        return "NULL"
    end
    return string.format("%.17g", value)
end

local function sqlInteger(value)
    if type(value) ~= "number" or value ~= value or value == math.huge or value == -math.huge then
        return "NULL"
    end
    local whole = math.tointeger(math.floor(value))
    if whole == nil then return sqlReal(value) end  -- beyond 64 bits
    return string.format("%d", whole)
end

local function jsonString(text)
    local escaped = text:gsub('[%c"\\]', function(c)
        if c == '"' then return '\\"' end
        if c == "\\" then return "\\\\" end
        return string.format("\\u%04x", c:byte())
    end)
    return '"' .. escaped .. '"'
end

local function jsonArray(items)
    local parts = {}
    for i, item in ipairs(items) do parts[i] = jsonString(item) end
    return "[" .. table.concat(parts, ",") .. "]"
end

local function insertStatement(cp)
    local spp = type(cp.spp) == "table" and cp.spp or {}
    local values = {
        sqlText(cp.renderId),
        sqlInteger(cp.serial),
        sqlText(cp.reason),
        sqlInteger(spp.min),
        sqlReal(spp.mean),
        sqlInteger(spp.max),
        sqlReal(cp.elapsed),
        sqlReal(cp.progress),
        sqlReal(cp.error),
        sqlText(cp.host),
        sqlText(jsonArray(setFiles(cp))),
        sqlText(util.utcTimestamp()),
    }
    return "INSERT INTO checkpoints (render_id, serial, reason, spp_min, spp_mean, spp_max, " ..
        "elapsed, progress, error, host, files, written_at) VALUES (" ..
        table.concat(values, ", ") .. ")"
end

local function isBusy(message)
    local text = tostring(message):lower()
    return text:find("locked", 1, true) ~= nil or text:find("busy", 1, true) ~= nil
end

-- Runs one statement, retrying while another writer holds the database. A statement
-- that returns rows (a PRAGMA) has its cursor closed at once.
local function execute(conn, sql, what)
    local result, message
    for _ = 1, ATTEMPTS do
        result, message = conn:execute(sql)
        if result ~= nil then
            if type(result) == "userdata" then result:close() end
            return
        end
        if not isBusy(message) then break end
    end
    fail(what .. " failed: " .. tostring(message))
end

local function record(driver, path, busyMs, cp)
    local sqlEnv = driver.sqlite3()
    if sqlEnv == nil then fail("cannot create a LuaSQL SQLite environment") end
    local conn
    local ok, err = pcall(function()
        local message
        conn, message = sqlEnv:connect(path)
        if conn == nil then
            fail("cannot open the database '" .. path .. "': " .. tostring(message))
        end
        execute(conn, "PRAGMA busy_timeout = " .. busyMs, "setting the busy timeout")
        execute(conn, SCHEMA, "creating the table checkpoints in '" .. path .. "'")
        execute(conn, INDEX, "creating the index of '" .. path .. "'")
        execute(conn, insertStatement(cp), "adding a row to '" .. path .. "'")
    end)
    if conn ~= nil then conn:close() end
    sqlEnv:close()
    if not ok then error(err, 0) end
end

local function main()
    local cp = util.checkpointTable()
    local loaded, driver = pcall(require, "luasql.sqlite3")
    if not loaded then
        fail("cannot load LuaSQL for SQLite (Debian package lua-sql-sqlite3): " ..
            tostring(driver))
    end
    local path = databasePath(cp)
    record(driver, path, busyMilliseconds(), cp)
    info("recorded checkpoint " .. tostring(cp.serial) .. " (" .. tostring(cp.reason) ..
        ") of render " .. tostring(cp.renderId) .. " in '" .. path .. "'")
end

main()
