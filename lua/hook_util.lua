-- hook_util.lua: helpers shared by the shipped hook scripts (preview.lua, archive.lua,
-- stats_db.lua). Not a hook itself: it returns a table of functions and has no effect when
-- loaded. Each script loads it from its own folder, so keep this file next to them:
--
--   local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
--   local util = dofile(here .. "hook_util.lua")
--
-- Functions:
--   fail(message)            raises `message` as the script's error, without a position
--   info(message)            one line in the renderer's log ("<script name>: <message>")
--   checkpointTable()        the global `checkpoint`, or fails when the script is not run as a
--                            checkpoint_post_script
--   env(name)                the environment variable `name`, nil when unset or empty
--   dirname(path)            "/a/b/c.exr" -> "/a/b"; "c.exr" -> "."; "/c.exr" -> "/"
--   basename(path)           "/a/b/c.exr" -> "c.exr"
--   joinPath(dir, name)      dir .. "/" .. name, without doubling a trailing "/"
--   directoryProblem(path)   nil when `path` is a directory we can open, else why not
--   utcTimestamp()           the current time, UTC, ISO 8601 (2026-11-21T10:17:00Z)
--
-- See doc/HOOK_SCRIPTS.md.

local util = {}

-- The renderer reports the error as "hook script '<path>': <message>" and goes on.
function util.fail(message)
    error(message, 0)
end

function util.info(message)
    if type(renderer) == "table" and type(renderer.log) == "function" then
        renderer.log(message)  -- logged as "<script name>: <message>"
    else
        print(message)
    end
end

function util.checkpointTable()
    local cp = checkpoint
    if type(cp) ~= "table" then
        util.fail("no 'checkpoint' table: run this script as checkpoint_post_script")
    end
    return cp
end

function util.env(name)
    local value = os.getenv(name)
    if value == nil or value == "" then return nil end
    return value
end

-- "/a/b/c.exr" -> "/a/b"; "c.exr" -> "."; "/c.exr" -> "/"
function util.dirname(path)
    local dir = path:match("^(.*)/[^/]*$")
    if dir == nil then return "." end
    if dir == "" then return "/" end
    return dir
end

function util.basename(path)
    return path:match("([^/]*)$")
end

function util.joinPath(dir, name)
    if dir:sub(-1) == "/" then return dir .. name end
    return dir .. "/" .. name
end

-- nil when `path` is a directory we can open, else why not.
function util.directoryProblem(path)
    local handle, message, code = io.open(util.joinPath(path, "."), "r")
    if handle then
        handle:close()
        return nil
    end
    if code == 2 then return "does not exist" end
    if code == 20 then return "is not a directory" end
    return tostring(message)
end

-- The image of a checkpoint set to look at: the first checkpoint file, else the first
-- EXR output (a final set of a render without checkpoint files); nil when it has neither.
function util.imageOfSet(cp)
    if type(cp.filename) == "table" and type(cp.filename[1]) == "string" then
        return cp.filename[1]
    end
    if type(cp.outputs) == "table" then
        for _, file in ipairs(cp.outputs) do
            if type(file) == "string" and file:lower():match("%.exr$") then return file end
        end
    end
    return nil
end

-- The image a JPEG of this set is made from (util.imageOfSet), once the renderer API that
-- writes JPEGs is known to be there; fails naming what is missing.
function util.jpegSource(cp)
    if type(renderer) ~= "table" or type(renderer.write_preview) ~= "function" then
        util.fail("the renderer API (renderer.write_preview) is not available")
    end
    local source = util.imageOfSet(cp)
    if source == nil then
        util.fail("checkpoint " .. tostring(cp.serial) .. " (" .. tostring(cp.reason) ..
            ") has no checkpoint file and no EXR output to show")
    end
    return source
end

-- The longest side of a JPEG from environment variable `name`, 16..16384, else `default`.
function util.longestSide(name, default)
    local text = util.env(name)
    if text == nil then return default end
    local size = math.tointeger(tonumber(text))
    if size == nil or size < 16 or size > 16384 then
        util.fail(name .. " must be a whole number of pixels from 16 to 16384, not '" ..
            text .. "'")
    end
    return size
end

function util.utcTimestamp()
    return os.date("!%Y-%m-%dT%H:%M:%SZ")
end

return util
