// The `checkpoint` table of checkpoint_post_script: MoonRay's names and ours, with the
// Lua types a script sees.
#include <gtest/gtest.h>

#include <string>

#include "checkpoint/CheckpointEvent.h"
#include "lua/CheckpointTable.h"
#include "lua/HookScript.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

CheckpointEvent signalEvent() {
    CheckpointEvent event;
    event.serial = 4;
    event.reason = "signal";
    event.signal = "SIGTERM";
    event.signalInterruption = true;
    event.tileSampleTotal = 5000000000ull;  // beyond 32 bits
    event.files = {"/renders/checkpoint.exr", "/renders/aovs_checkpoint.exr"};
    event.versionedFiles = {"/renders/checkpoint_000320.exr"};
    event.outputs = {};
    event.sppMin = 3;
    event.sppMax = 9;
    event.sppMean = 5.5;
    event.elapsedSeconds = 12.0;
    event.progress = 0.25;
    event.meanError = 0.0125;
    event.frame = 101.0;
    event.resumable = true;
    event.renderId = "3f2a9c0b1e";
    event.host = "farm-017";
    return event;
}

TEST(CheckpointTable, FieldsHaveTheirLuaTypesAndValues) {
    test::TempDir dir;
    const std::string out = dir.file("out.txt");
    const std::string script = dir.file("post.lua");
    test::writeBytes(script, "local f = assert(io.open('" + out + "', 'w'))\n" + R"(
local function put(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    t[i] = tostring(v) .. ":" .. (math.type(v) or type(v))
  end
  f:write(table.concat(t, " ", 1, t.n), "\n")
end
local c = checkpoint
put(c.tileSampleTotal, #c.filename, c.filename[1], c.filename[2])
put(#c.multiVersionFilename, c.multiVersionFilename[1], #c.outputs, type(c.outputs))
put(c.spp.min, c.spp.mean, c.spp.max)
put(c.elapsed, c.reason, c.progress, c.frame, c.signalInterruption)
put(c.serial, c.signal, c.error, c.host, c.renderId, c.resumable)
f:close()
)");
    const HookResult result = runHookScript(script, "checkpoint", checkpointTable(signalEvent()));
    ASSERT_TRUE(result.ok) << result.error;
    EXPECT_EQ(test::readBytes(out),
              "5000000000:integer 2:integer /renders/checkpoint.exr:string "
              "/renders/aovs_checkpoint.exr:string\n"
              "1:integer /renders/checkpoint_000320.exr:string 0:integer table:string\n"
              "3:integer 5.5:float 9:integer\n"
              "12.0:float signal:string 0.25:float 101.0:float true:boolean\n"
              "4:integer SIGTERM:string 0.0125:float farm-017:string 3f2a9c0b1e:string "
              "true:boolean\n");
}

TEST(CheckpointTable, AnOrdinaryCheckpointHasNoSignal) {
    CheckpointEvent event;
    event.serial = 1;
    event.reason = "final";
    event.outputs = {"/renders/beauty.exr"};
    const ScriptValue table = checkpointTable(event);
    EXPECT_EQ(*table.find("signal"), ScriptValue(""));
    EXPECT_EQ(*table.find("signalInterruption"), ScriptValue(false));
    EXPECT_EQ(*table.find("reason"), ScriptValue("final"));
    EXPECT_EQ(*table.find("outputs"), ScriptValue::array({"/renders/beauty.exr"}));
    EXPECT_EQ(*table.find("filename"), ScriptValue::array());
    EXPECT_EQ(*table.find("multiVersionFilename"), ScriptValue::array());
    EXPECT_EQ(*table.find("spp"), ScriptValue::table({{"min", 0}, {"mean", 0.0}, {"max", 0}}));
    EXPECT_EQ(*table.find("tileSampleTotal"), ScriptValue(0));
    EXPECT_EQ(*table.find("error"), ScriptValue(0.0));
    EXPECT_EQ(*table.find("resumable"), ScriptValue(false));
}

}  // namespace
}  // namespace rt
