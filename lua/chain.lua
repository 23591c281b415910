-- chain.lua: runs several checkpoint_post_script hooks in turn (checkpoint_post_script
-- takes one file).
--
-- RT_HOOK_CHAIN lists the scripts, separated by ':' (as PATH), e.g.
--
--   RT_HOOK_CHAIN=/opt/rt/lua/archive.lua:/opt/rt/lua/playblast.lua \
--   renderer_cmd ... -scene_var checkpoint_post_script /opt/rt/lua/chain.lua
--
-- Each runs in this Lua state with the same globals (`checkpoint`, `renderer`). A failing
-- script does not keep the next from running: every script runs, and then the failures
-- are raised together, one per line, each with its script's name, so the renderer logs
-- them (and the render goes on, as for any hook error). scripts/render-farm uses this for
-- archive.lua and playblast.lua. See doc/HOOK_SCRIPTS.md.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
local util = dofile(here .. "hook_util.lua")

local list = util.env("RT_HOOK_CHAIN")
if list == nil then
    util.fail("RT_HOOK_CHAIN is not set: list the hook scripts to run, separated by ':'")
end

local failures = {}
for script in list:gmatch("[^:]+") do
    local ok, err = pcall(dofile, script)
    if not ok then failures[#failures + 1] = "'" .. script .. "': " .. tostring(err) end
end
if #failures > 0 then util.fail(table.concat(failures, "\n")) end
