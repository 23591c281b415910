-- playblast.lua: one playback-friendly JPEG per frame of a sequence, kept up to date as
-- the frames are drafted and refined (checkpoint_post_script hook; doc/SEQUENCES.md).
--
-- After every checkpoint set of a frame, writes a tone-mapped 8-bit sRGB JPEG of the
-- set's image, named by the frame, so that the folder always holds the newest state of
-- every frame as an image sequence a player (or ffmpeg) can play:
--
--   <dir>/<name>.<frame, 4 digits>.jpg     e.g. /review/shot010/playblast.0012.jpg
--
-- Every frame of a shot has the same size (the longest side is RT_PLAYBLAST_SIZE, both
-- sides even). The file is written atomically (.part, fsync, rename): a player reading
-- the folder while the sequence renders never sees half a JPEG.
-- scripts/playblast-movie turns the folder into an H.264 movie where ffmpeg is installed.
--
-- Configuration (environment variables, so that a farm job can set them per shot):
--   RT_PLAYBLAST_DIR       where the JPEGs go; must exist (default: the image's folder)
--   RT_PLAYBLAST_NAME      the file name before the frame (default "playblast")
--   RT_PLAYBLAST_SIZE      longest side in pixels, 16..16384 (default 1280)
--
-- Example:
--   RT_PLAYBLAST_DIR=review renderer_cmd -in rdl_scenes/animated_shot.rdla -frames 1-24 \
--       -checkpoint 1m -checkpoint_sample_cap 16 \
--       -scene_var checkpoint_post_script lua/playblast.lua
--
-- A failure (no image in the set, no frame, a bad setting, an unwritable folder) raises an
-- error: the renderer logs it with this file's name and the render goes on.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local util = dofile(here .. "hook_util.lua")
local fail, info, env = util.fail, util.info, util.env

local function nameSetting()
    local name = env("RT_PLAYBLAST_NAME") or "playblast"
    if name == "" or name:find("/", 1, true) then
        fail("RT_PLAYBLAST_NAME must be a file name without '/', not '" .. name .. "'")
    end
    return name
end

local function main()
    local cp = util.checkpointTable()
    local source = util.jpegSource(cp)
    local frame = math.tointeger(cp.frame)
    if frame == nil or frame < 0 then
        fail("checkpoint.frame is not a whole frame number >= 0: " .. tostring(cp.frame))
    end
    local dir = env("RT_PLAYBLAST_DIR") or util.dirname(source)
    local problem = util.directoryProblem(dir)
    if problem then
        fail("playblast folder '" .. dir .. "' " .. problem ..
            (env("RT_PLAYBLAST_DIR") and " (RT_PLAYBLAST_DIR)" or ""))
    end
    local jpeg = util.joinPath(dir, string.format("%s.%04d.jpg", nameSetting(), frame))
    local ok, err = renderer.write_preview(source, jpeg,
        { max_size = util.longestSide("RT_PLAYBLAST_SIZE", 1280) })
    if not ok then
        fail("cannot write '" .. jpeg .. "' from '" .. source .. "': " .. tostring(err))
    end
    info("frame " .. frame .. ": wrote '" .. jpeg .. "' (" .. tostring(cp.reason) .. ", " ..
        string.format("%.1f", cp.spp and cp.spp.mean or 0) .. " spp)")
end

main()
