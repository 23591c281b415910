// The time limit of hook scripts (HookOptions): endless Lua loops end with an error at
// their line, scripts stuck in C code are abandoned and finish in the background, and
// everything else behaves as without a limit.
#include <gtest/gtest.h>

#include <chrono>
#include <limits>
#include <string>
#include <thread>

#include "SceneTestUtil.h"
#include "lua/HookScript.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

using test::TempDir;
using test::writeBytes;

HookResult runWithLimit(const TempDir& dir, const std::string& name, const std::string& text,
                        double seconds) {
    const std::string script = dir.file(name);
    writeBytes(script, text);
    HookOptions options;
    options.timeoutSeconds = seconds;
    return runHookScript(script, "checkpoint", ScriptValue(1), options);
}

// Polls until no abandoned script is left; false after `seconds`.
bool waitForAbandonedScripts(double seconds) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (abandonedHookScripts() != 0) {
        if (std::chrono::steady_clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

TEST(HookTimeout, EndlessLoopEndsAtItsLine) {
    TempDir dir;
    const HookResult result =
        runWithLimit(dir, "loop.lua", "local n = 0\nwhile true do\n  n = n + 1\nend\n", 0.5);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.timedOut);
    EXPECT_FALSE(result.abandoned);
    EXPECT_EQ(result.error.substr(0, result.error.find(" line ")),
              "hook script '" + dir.file("loop.lua") + "'");
    EXPECT_CONTAINS(result.error, ": timed out after 0.5 s");
    // The loop's instructions are on lines 2 to 4.
    EXPECT_TRUE(result.error.find("' line 2: ") != std::string::npos ||
                result.error.find("' line 3: ") != std::string::npos ||
                result.error.find("' line 4: ") != std::string::npos)
        << result.error;
    EXPECT_GE(result.seconds, 0.5);
    EXPECT_LT(result.seconds, 1.5);  // the limit plus 1 s at most
    EXPECT_EQ(abandonedHookScripts(), 0u);

    // The renderer goes on: the next hook runs normally.
    const HookResult next = runWithLimit(dir, "next.lua", "local x = checkpoint + 1\n", 0.5);
    EXPECT_TRUE(next.ok) << next.error;
    EXPECT_FALSE(next.timedOut);
}

TEST(HookTimeout, WholeSecondsAreWrittenPlainly) {
    TempDir dir;
    const HookResult result = runWithLimit(dir, "loop.lua", "while true do end\n", 1.0);
    EXPECT_EQ(result.error,
              "hook script '" + dir.file("loop.lua") + "' line 1: timed out after 1 s");
    EXPECT_LT(result.seconds, 2.0);
}

TEST(HookTimeout, CatchingTheErrorDoesNotHelp) {
    TempDir dir;
    HookResult result = runWithLimit(dir, "catch.lua", R"(
local function spin() while true do end end
while true do
  local ok, message = pcall(spin)
end
)",
                                     0.3);
    EXPECT_TRUE(result.timedOut) << result.error;
    EXPECT_FALSE(result.abandoned);
    EXPECT_CONTAINS(result.error, "timed out after 0.3 s");
    EXPECT_LT(result.seconds, 1.5);

    // Nor does looping in a coroutine.
    result = runWithLimit(dir, "coroutine.lua", R"(
local co = coroutine.wrap(function() while true do end end)
while true do pcall(co) end
)",
                          0.3);
    EXPECT_TRUE(result.timedOut) << result.error;
    EXPECT_FALSE(result.abandoned);
    EXPECT_LT(result.seconds, 1.5);
}

TEST(HookTimeout, ScriptBlockedInCIsAbandoned) {
    if (!test::commandExists("sleep")) GTEST_SKIP() << "no sleep command";
    TempDir dir;
    const std::string marker = dir.file("after_sleep.txt");
    const HookResult result =
        runWithLimit(dir, "blocked.lua",
                     "os.execute('sleep 3')\nfor i = 1, 1e10 do end\nlocal f = io.open('" + marker +
                         "', 'w')\nf:close()\n",
                     0.5);
    EXPECT_FALSE(result.ok);
    EXPECT_TRUE(result.timedOut);
    EXPECT_TRUE(result.abandoned);
    EXPECT_EQ(result.error, "hook script '" + dir.file("blocked.lua") +
                                "': timed out after 0.5 s; abandoned (still running in the "
                                "background)");
    // The deadline plus the grace of 0.5 s, long before the sleep ends.
    EXPECT_GE(result.seconds, 0.9);
    EXPECT_LT(result.seconds, 2.5);
    EXPECT_EQ(abandonedHookScripts(), 1u);

    // Meanwhile other hooks run normally.
    const HookResult fast = runWithLimit(dir, "fast.lua", "local t = {1, 2, 3}\n", 0.5);
    EXPECT_TRUE(fast.ok) << fast.error;
    EXPECT_FALSE(fast.timedOut);
    EXPECT_FALSE(fast.abandoned);

    // When the sleep ends, the script stops in the loop that follows it.
    EXPECT_TRUE(waitForAbandonedScripts(10.0));
    EXPECT_EQ(abandonedHookScripts(), 0u);
    EXPECT_FALSE(test::exists(marker));
}

TEST(HookTimeout, CCallThatEndsWithinTheGraceIsNotAbandoned) {
    if (!test::commandExists("sleep")) GTEST_SKIP() << "no sleep command";
    TempDir dir;
    const HookResult result =
        runWithLimit(dir, "short.lua", "\nos.execute('sleep 0.4')\nfor i = 1, 1e10 do end\n", 0.3);
    EXPECT_TRUE(result.timedOut) << result.error;
    EXPECT_FALSE(result.abandoned);
    // Stopped in the loop after the sleep.
    EXPECT_EQ(result.error,
              "hook script '" + dir.file("short.lua") + "' line 3: timed out after 0.3 s");
    EXPECT_EQ(abandonedHookScripts(), 0u);

    // With nothing left to do after the call, the script ends before the hook looks again:
    // its work is done, so it succeeds.
    const HookResult done = runWithLimit(dir, "done.lua", "os.execute('sleep 0.4')\n", 0.3);
    EXPECT_TRUE(done.ok) << done.error;
    EXPECT_FALSE(done.timedOut);
    EXPECT_GE(done.seconds, 0.4);
}

TEST(HookTimeout, FastScriptsAreUnaffected) {
    TempDir dir;
    const std::string out = dir.file("out.txt");
    const HookResult result =
        runWithLimit(dir, "fast.lua",
                     "local f = assert(io.open('" + out +
                         "', 'w'))\n"
                         "local sum = 0\nfor i = 1, 100000 do sum = sum + i end\n"
                         "f:write(tostring(sum), ' ', tostring(checkpoint))\nf:close()\n",
                     30.0);
    EXPECT_TRUE(result.ok) << result.error;
    EXPECT_EQ(result.error, "");
    EXPECT_FALSE(result.timedOut);
    EXPECT_FALSE(result.abandoned);
    EXPECT_EQ(test::readBytes(out), "5000050000 1");
}

TEST(HookTimeout, ErrorsAreReportedAsWithoutALimit) {
    TempDir dir;
    const std::string path = dir.file("exit.lua");
    HookResult result = runWithLimit(dir, "exit.lua", "local a = 1\nos.exit(1)\n", 5.0);
    EXPECT_FALSE(result.ok);
    EXPECT_FALSE(result.timedOut);
    EXPECT_EQ(result.error,
              "hook script '" + path + "' line 2: os.exit is not allowed in hook scripts");

    result = runWithLimit(dir, "runtime.lua", "\n\nmissing_function()\n", 5.0);
    EXPECT_EQ(result.error,
              "hook script '" + dir.file("runtime.lua") +
                  "' line 3: attempt to call a nil value (global 'missing_function')");
    EXPECT_FALSE(result.timedOut);

    result = runWithLimit(dir, "syntax.lua", "local = 1\n", 5.0);
    EXPECT_CONTAINS(result.error, "line 1: syntax error");

    HookOptions options;
    options.timeoutSeconds = 5.0;
    result = runHookScript(dir.file("missing.lua"), "checkpoint", ScriptValue(), options);
    EXPECT_CONTAINS(result.error, "no such file");
    EXPECT_FALSE(result.timedOut);
}

TEST(HookTimeout, NoLimitRunsInline) {
    TempDir dir;
    // A script that would time out at once with any positive limit this small.
    const std::string spin = "local t = os.clock()\nwhile os.clock() - t < 0.2 do end\n";
    for (const double none : {0.0, -1.0, std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::quiet_NaN(), 1e12}) {
        const HookResult result = runWithLimit(dir, "spin.lua", spin, none);
        EXPECT_TRUE(result.ok) << none << ": " << result.error;
        EXPECT_FALSE(result.timedOut);
    }
    const HookResult limited = runWithLimit(dir, "spin.lua", spin, 0.05);
    EXPECT_TRUE(limited.timedOut) << limited.error;
}

}  // namespace
}  // namespace rt
