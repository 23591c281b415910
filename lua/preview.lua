-- preview.lua: a playback-friendly JPEG per checkpoint (checkpoint_post_script hook).
--
-- After every checkpoint set, writes a tone-mapped 8-bit sRGB JPEG of the set's first
-- image, numbered by the checkpoint serial so that the previews of one render form an
-- image sequence a player can play (every frame has the same size: the longest side is
-- RT_PREVIEW_SIZE, both sides even):
--
--   <dir>/<stem>.<serial, 5 digits>.jpg    e.g. /renders/shot/checkpoint.00003.jpg
--   <dir>/<stem>.latest.jpg                a copy of the newest one, for a review page
--
-- The source is checkpoint.filename[1] (the first regular checkpoint file); a set without
-- checkpoint files (a final set of a render without checkpoints) uses the first .exr of
-- checkpoint.outputs. <stem> is the source's file name without its extension. Both files
-- are written atomically (.part, fsync, rename) by the renderer, so a player or a web page
-- never sees half a JPEG.
--
-- Configuration (environment variables, so that a farm job can set them per render):
--   RT_PREVIEW_DIR       where the previews go; must exist (default: the source's folder)
--   RT_PREVIEW_SIZE      longest side in pixels, 16..16384 (default 1280)
--   RT_PREVIEW_EXPOSURE  exposure in stops applied before tone mapping (default 0)
--
-- Example:
--   RT_PREVIEW_DIR=/shows/review/shot010 renderer_cmd -in scene.rdla -out frame.exr \
--       -checkpoint 5m -scene_var checkpoint_post_script lua/preview.lua
--
-- A failure (no image in the set, a bad setting, an unwritable folder) raises an error:
-- the renderer logs it with this file's name and the render goes on. See
-- doc/HOOK_SCRIPTS.md.

-- Shared helpers (fail, info, env, paths), loaded from this script's own folder.
local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local util = dofile(here .. "hook_util.lua")
local fail, info, env = util.fail, util.info, util.env
local dirname, basename, joinPath = util.dirname, util.basename, util.joinPath
local directoryProblem = util.directoryProblem

local DEFAULT_SIZE = 1280

-- "checkpoint.exr" -> "checkpoint"; "a.b.exr" -> "a.b"; "noext" -> "noext"
local function stem(path)
    local name = basename(path)
    return name:match("^(.+)%.[^.]*$") or name
end

local function exposureSetting()
    local text = env("RT_PREVIEW_EXPOSURE")
    if text == nil then return 0.0 end
    local stops = tonumber(text)
    if stops == nil or stops ~= stops or stops == math.huge or stops == -math.huge then
        fail("RT_PREVIEW_EXPOSURE must be a number of stops, not '" .. text .. "'")
    end
    return stops + 0.0
end

local function main()
    local cp = util.checkpointTable()
    local source = util.jpegSource(cp)
    local serial = math.tointeger(cp.serial)
    if serial == nil or serial < 0 then
        fail("checkpoint.serial is not a whole number >= 0: " .. tostring(cp.serial))
    end

    local size = util.longestSide("RT_PREVIEW_SIZE", DEFAULT_SIZE)
    local exposure = exposureSetting()
    local dir = env("RT_PREVIEW_DIR") or dirname(source)
    local problem = directoryProblem(dir)
    if problem then
        fail("preview folder '" .. dir .. "' " .. problem ..
            (env("RT_PREVIEW_DIR") and " (RT_PREVIEW_DIR)" or ""))
    end

    local name = stem(source)
    local preview = joinPath(dir, string.format("%s.%05d.jpg", name, serial))
    local latest = joinPath(dir, name .. ".latest.jpg")

    local ok, err = renderer.write_preview(source, preview,
        { max_size = size, exposure = exposure })
    if not ok then
        fail("cannot write '" .. preview .. "' from '" .. source .. "': " .. tostring(err))
    end
    ok, err = renderer.copy_file(preview, latest)
    if not ok then
        fail("wrote '" .. preview .. "' but cannot update '" .. latest .. "': " ..
            tostring(err))
    end
    info("wrote '" .. preview .. "' (checkpoint " .. serial .. ", " ..
        tostring(cp.reason) .. ")")
end

main()
