-- archive.lua: copies each recoverable checkpoint to a central folder
-- (checkpoint_post_script hook).
--
-- After every resumable checkpoint set, copies the files a resume needs to
--
--   $RT_ARCHIVE_DIR/<renderId>/<file name>       e.g. /archive/3f2a9c0b1e/checkpoint.exr
--   $RT_ARCHIVE_DIR/<renderId>/manifest.txt      what the folder holds (below)
--
-- so that a render whose node died, or whose scratch disk was wiped, resumes on another
-- machine from the archive (copy the folder back, or point resume_file_name at it). The
-- render id is the same in every run of one render and different between renders, so
-- renders never collide; each set replaces the previous one of the same render.
--
-- What is copied: every file of checkpoint.filename (the regular checkpoint files); a set
-- without checkpoint files whose outputs hold the resume state (a final set written with
-- checkpoint_asfinal / resumable_output and no checkpoints) copies checkpoint.outputs
-- instead. Sets without the resume state (the final images of a plain render) are skipped
-- with a log line: there is nothing to recover from them.
--
-- Every copy is atomic (the renderer writes <file>.part, fsyncs and renames), so the archive
-- never holds half a file. The manifest is removed before the copies and written last,
-- through a temporary name renamed in the same folder: a folder with a manifest holds
-- exactly the set the manifest names. (Each file also carries its render id and checkpoint
-- serial, so a resume refuses a mixed set in any case.)
--
-- manifest.txt, one "key = value" per line:
--   render_id = 3f2a9c0b1e
--   serial = 7
--   reason = checkpoint
--   elapsed = 312.400
--   progress = 0.4375
--   spp_min = 16
--   spp_mean = 16.000
--   spp_max = 16
--   host = farm-017
--   written_at = 2026-11-21T10:17:00Z
--   file = checkpoint.exr
--
-- Sequences (RT_ARCHIVE_LAYOUT=frame, as scripts/render-farm sets it): one folder per
-- frame and one per set, so that a restarted task finds its frame's newest set without
-- knowing the render id, and the previous set stays whole while the next is copied:
--
--   $RT_ARCHIVE_DIR/frame.0012/serial.000007/<file name>, manifest.txt
--
-- The set is copied into serial.000007.part/, its manifest written, the folder renamed to
-- serial.000007, and only then are the frame's other sets removed: at every moment the
-- frame has at least one complete set (a folder serial.N with its manifest). The manifest
-- also has `frame = 12` and, after each `file`, `source = <path the renderer wrote>`, which
-- is where `render-farm restore` copies it back (doc/FARM.md).
--
-- Configuration (environment variables):
--   RT_ARCHIVE_DIR     the central folder; required, must exist (the <renderId> folder in
--                      it is created)
--   RT_ARCHIVE_LAYOUT  `render` (default: <renderId>/) or `frame` (above)
--
-- Example:
--   RT_ARCHIVE_DIR=/net/archive/checkpoints renderer_cmd -in scene.rdla -out frame.exr \
--       -checkpoint 15m -scene_var checkpoint_post_script lua/archive.lua
--
-- A failure (RT_ARCHIVE_DIR unset or not a folder, a failed copy) raises an error: the
-- renderer logs it with this file's name and the render goes on. See doc/HOOK_SCRIPTS.md.

-- Shared helpers (fail, info, env, paths), loaded from this script's own folder.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local util = dofile(here .. "hook_util.lua")
local fail, info, env = util.fail, util.info, util.env
local basename, joinPath = util.basename, util.joinPath
local directoryProblem = util.directoryProblem

local MANIFEST = "manifest.txt"

local function shellQuote(text)
    return "'" .. text:gsub("'", "'\\''") .. "'"
end

-- Creates `path` (one level, its parent exists) unless it is already a directory.
local function ensureDirectory(path)
    if directoryProblem(path) == nil then return end
    local ok, how, code = os.execute("mkdir -p -- " .. shellQuote(path) .. " 2>/dev/null")
    if not ok then
        fail("cannot create the folder '" .. path .. "' (mkdir " .. tostring(how) .. " " ..
            tostring(code) .. ")")
    end
    local problem = directoryProblem(path)
    if problem then fail("cannot use the folder '" .. path .. "': " .. problem) end
end

-- A render id as a single, harmless path component.
local function folderName(renderId)
    if type(renderId) ~= "string" or renderId == "" then
        fail("checkpoint.renderId is empty: cannot name the archive folder")
    end
    local name = renderId:gsub("[^%w%._%-]", "_")
    if name == "." or name == ".." then name = name:gsub("%.", "_") end
    return name
end

-- The files a resume needs, or nil when the set holds no resume state.
local function filesToCopy(cp)
    local files = {}
    if type(cp.filename) == "table" then
        for _, file in ipairs(cp.filename) do files[#files + 1] = file end
    end
    if #files == 0 and cp.resumable and type(cp.outputs) == "table" then
        for _, file in ipairs(cp.outputs) do files[#files + 1] = file end
    end
    return files
end

local function number(value, format)
    if type(value) ~= "number" then return "" end
    return string.format(format, value)
end

local function manifestText(cp, names, sources)
    local spp = type(cp.spp) == "table" and cp.spp or {}
    local lines = {
        "# checkpoint archive manifest, written by lua/archive.lua",
        "render_id = " .. tostring(cp.renderId),
        "frame = " .. tostring(math.tointeger(cp.frame) or cp.frame),
        "serial = " .. tostring(cp.serial),
        "reason = " .. tostring(cp.reason),
        "elapsed = " .. number(cp.elapsed, "%.3f"),
        "progress = " .. number(cp.progress, "%.4f"),
        "spp_min = " .. tostring(spp.min),
        "spp_mean = " .. number(spp.mean, "%.3f"),
        "spp_max = " .. tostring(spp.max),
        "host = " .. tostring(cp.host),
        "written_at = " .. util.utcTimestamp(),
    }
    for i, name in ipairs(names) do
        lines[#lines + 1] = "file = " .. name
        if sources then lines[#lines + 1] = "source = " .. sources[i] end
    end
    -- Values are single-line: a newline in a host name would forge a key.
    for i, line in ipairs(lines) do lines[i] = line:gsub("[\r\n]", " ") end
    return table.concat(lines, "\n") .. "\n"
end

-- Writes `text` to dir/name through a temporary file renamed in the same folder.
local function writeAtomically(dir, name, text)
    local final = joinPath(dir, name)
    local temp = joinPath(dir, "." .. name .. ".tmp")
    local out, message = io.open(temp, "wb")
    if not out then fail("cannot create '" .. temp .. "': " .. tostring(message)) end
    local written, writeError = out:write(text)
    local closed, closeError = out:close()
    if not written or not closed then
        os.remove(temp)
        fail("cannot write '" .. temp .. "': " .. tostring(writeError or closeError))
    end
    local renamed, renameError = os.rename(temp, final)
    if not renamed then
        os.remove(temp)
        fail("cannot rename '" .. temp .. "' to '" .. final .. "': " .. tostring(renameError))
    end
end

local function copyAll(files, dir, names)
    for i, file in ipairs(files) do
        local target = joinPath(dir, names[i])
        local ok, err = renderer.copy_file(file, target)
        if not ok then
            fail("cannot copy '" .. file .. "' to '" .. target .. "': " .. tostring(err))
        end
    end
end

local function removeTree(path)
    os.execute("rm -rf -- " .. shellQuote(path) .. " 2>/dev/null")
end

-- The frame layout: a new folder per set, renamed into place once whole, then the
-- frame's older sets removed. Returns the set's folder.
local function archiveFrameSet(root, cp, files, names)
    if type(cp.frame) ~= "number" or cp.frame < 0 or cp.frame ~= math.floor(cp.frame) then
        fail("checkpoint.frame " .. tostring(cp.frame) .. " is not a whole frame number")
    end
    if type(cp.serial) ~= "number" then fail("checkpoint.serial is not a number") end
    local frameDir = joinPath(root, string.format("frame.%04d", math.tointeger(cp.frame)))
    ensureDirectory(frameDir)
    local setName = string.format("serial.%06d", math.tointeger(cp.serial))
    local final = joinPath(frameDir, setName)
    local temp = final .. ".part"
    removeTree(temp)
    ensureDirectory(temp)
    local copied, copyError = pcall(function()
        copyAll(files, temp, names)
        writeAtomically(temp, MANIFEST, manifestText(cp, names, files))
    end)
    if not copied then
        removeTree(temp)  -- no half set left behind; the older sets are untouched
        fail(copyError)
    end
    removeTree(final)  -- a set of this serial left by a run that died after its rename
    local renamed, renameError = os.rename(temp, final)
    if not renamed then
        fail("cannot rename '" .. temp .. "' to '" .. final .. "': " .. tostring(renameError))
    end
    local listing = io.popen("ls -1 -- " .. shellQuote(frameDir) .. " 2>/dev/null")
    if listing then
        for entry in listing:lines() do
            -- Every other set goes, whatever its serial: the set just written is the newest,
            -- and a set of an earlier render of the frame (serials restart at 1 with a new
            -- render) must not look newer to a restore.
            local isSet = entry:match("^serial%.%d+$") or entry:match("^serial%.%d+%.part$")
            if isSet and entry ~= setName then removeTree(joinPath(frameDir, entry)) end
        end
        listing:close()
    end
    return final
end

local function main()
    local cp = util.checkpointTable()
    if type(renderer) ~= "table" or type(renderer.copy_file) ~= "function" then
        fail("the renderer API (renderer.copy_file) is not available")
    end

    local root = env("RT_ARCHIVE_DIR")
    if root == nil then
        fail("RT_ARCHIVE_DIR is not set: set it to the central folder for checkpoints")
    end
    local problem = directoryProblem(root)
    if problem then fail("RT_ARCHIVE_DIR '" .. root .. "' " .. problem) end

    if not cp.resumable then
        info("skipped checkpoint " .. tostring(cp.serial) .. " (" .. tostring(cp.reason) ..
            "): its files hold no resume state")
        return
    end
    local files = filesToCopy(cp)
    if #files == 0 then
        info("skipped checkpoint " .. tostring(cp.serial) .. " (" .. tostring(cp.reason) ..
            "): the set lists no files")
        return
    end

    local names, seen = {}, {}
    for i, file in ipairs(files) do
        local name = basename(file)
        if name == "" then fail("'" .. file .. "' is not a file name") end
        if seen[name] then
            fail("'" .. seen[name] .. "' and '" .. file ..
                "' have the same name: they cannot share one archive folder")
        end
        seen[name] = file
        names[i] = name
    end

    local layout = env("RT_ARCHIVE_LAYOUT") or "render"
    local dir
    if layout == "frame" then
        dir = archiveFrameSet(root, cp, files, names)
    elseif layout == "render" then
        dir = joinPath(root, folderName(cp.renderId))
        ensureDirectory(dir)
        -- Until the new manifest is written, the folder does not claim to hold a whole set.
        os.remove(joinPath(dir, MANIFEST))
        copyAll(files, dir, names)
        writeAtomically(dir, MANIFEST, manifestText(cp, names))
    else
        fail("RT_ARCHIVE_LAYOUT '" .. layout .. "' is not 'render' or 'frame'")
    end
    info("archived checkpoint " .. tostring(cp.serial) .. " (" .. tostring(cp.reason) ..
        ", " .. #files .. " file" .. (#files == 1 and "" or "s") .. ") to '" .. dir .. "'")
end

main()
