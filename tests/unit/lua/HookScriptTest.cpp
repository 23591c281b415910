// User Lua hook scripts (on_resume_script): values passed in, errors reported with file
// and line, all standard libraries but no os.exit, a fresh state per run.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "SceneTestUtil.h"
#include "checkpoint/ResumeState.h"
#include "lua/HookScript.h"
#include "lua/ResumeTable.h"
#include "lua/ScriptValue.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

using test::readBytes;
using test::TempDir;
using test::writeBytes;

// Runs `body` after two lines that open `out` for writing and define put(...), which
// writes its arguments (through tostring) on one line, separated by spaces.
// Returns what the script wrote.
std::string outputOf(const TempDir& dir, const std::string& body, const std::string& global,
                     const ScriptValue& value) {
    const std::string outPath = dir.file("out.txt");
    const std::string script = dir.file("hook.lua");
    writeBytes(script, "local out = assert(io.open(\"" + outPath +
                           "\", \"w\"))\n"
                           "local function put(...) local t = {} for i = 1, select('#', ...) do "
                           "t[i] = tostring((select(i, ...))) end "
                           "out:write(table.concat(t, ' '), '\\n') end\n" +
                           body + "\nout:close()\n");
    const HookResult run = runHookScript(script, global, value);
    EXPECT_TRUE(run.ok) << run.error;
    EXPECT_EQ(run.error, "");
    return readBytes(outPath);
}

HookResult runText(const TempDir& dir, const std::string& name, const std::string& text,
                   const ScriptValue& value = {}) {
    const std::string script = dir.file(name);
    writeBytes(script, text);
    return runHookScript(script, "resume", value);
}

ResumeReport resumedReport() {
    ResumeReport report;
    report.resumed = true;
    report.reason = "";
    report.files = {"/renders/shot.exr", "/renders/shot_aovs.exr"};
    ResumeHeader& h = report.header;
    h.fingerprint = 0x00ab12cd34ef5678ull;
    h.width = 1920;
    h.height = 1080;
    h.sampling.adaptive = true;
    h.sampling.minSamples = 16;
    h.sampling.maxSamples = 1024;
    h.sampling.targetError = 0.01f;
    h.sampling.sampleCap = 256;
    h.renderId = "2f9c0b1e";
    h.serial = 7;
    h.elapsedSeconds = 125.5;
    h.tileSamples = 5000000000ull;  // beyond 32 bits
    h.complete = false;
    h.history = {
        {"farm-017", 64, "2026-11-21T10:15:00Z", "2026-11-21T10:17:00Z", 120.0, 0, 4000000000ull,
         "SIGTERM"},
        {"farm-023", 32, "2026-11-21T11:00:00Z", "2026-11-21T11:00:05Z", 5.5, 4000000000ull,
         5000000000ull, "checkpoint"},
    };
    report.sppMin = 12;
    report.sppMax = 96;
    report.sppMean = 40.25;
    return report;
}

// ---------------------------------------------------------------------------------------
// Values

TEST(HookScript, ScalarsArriveWithTheirLuaTypes) {
    TempDir dir;
    const ScriptValue value = ScriptValue::table({
        {"i", 3},
        {"negative", -42},
        {"big", int64_t{1} << 53},
        {"u", std::numeric_limits<uint64_t>::max()},  // beyond a Lua integer: a float
        {"f", 2.5},
        {"whole", 3.0},
        {"flag", true},
        {"off", false},
        {"s", "text with \"quotes\""},
        {"empty", ""},
        {"nothing", nullptr},
    });
    const std::string out = outputOf(dir, R"(
local v = value
put(v.i, math.type(v.i), v.negative, math.type(v.negative))
put(v.big, math.type(v.big), math.type(v.u), v.u == 2^64)
put(v.f, math.type(v.f), v.whole, math.type(v.whole))
put(v.flag, type(v.flag), v.off, type(v.off))
put(v.s, #v.empty, type(v.empty), v.nothing, rawget(v, "nothing") == nil)
)",
                                     "value", value);
    EXPECT_EQ(out,
              "3 integer -42 integer\n"
              "9007199254740992 integer float true\n"
              "2.5 float 3.0 float\n"
              "true boolean false boolean\n"
              "text with \"quotes\" 0 string nil true\n");
}

TEST(HookScript, NestedArraysAndTables) {
    TempDir dir;
    ScriptValue value = ScriptValue::table({
        {"list", ScriptValue::array({1, "two", 3.5, ScriptValue::array({"x", "y"})})},
        {"empty", ScriptValue::array()},
        {"strings", std::vector<std::string>{"a", "b", "c"}},
        {"deep", ScriptValue::table({{"inner", ScriptValue::table({{"n", 9}})}})},
    });
    value.set("added", ScriptValue().push(10).push(20));
    const std::string out = outputOf(dir, R"(
local v = value
put(#v.list, v.list[1], math.type(v.list[1]), v.list[2], v.list[3], #v.list[4], v.list[4][2])
put(#v.empty, type(v.empty), next(v.empty))
put(#v.strings, table.concat(v.strings, ","))
put(v.deep.inner.n, math.type(v.deep.inner.n))
put(#v.added, v.added[1] + v.added[2])
local keys = {}
for k in pairs(v) do keys[#keys + 1] = k end
table.sort(keys)
put(table.concat(keys, ","))
)",
                                     "value", value);
    EXPECT_EQ(out,
              "4 1 integer two 3.5 2 y\n"
              "0 table nil\n"
              "3 a,b,c\n"
              "9 integer\n"
              "2 30\n"
              "added,deep,empty,list,strings\n");
}

TEST(HookScript, GlobalNameAndNonTableValues) {
    TempDir dir;
    EXPECT_EQ(outputOf(dir, "put(checkpoint, math.type(checkpoint), resume)", "checkpoint",
                       ScriptValue(12)),
              "12 integer nil\n");
    EXPECT_EQ(outputOf(dir, "put(type(resume))", "resume", ScriptValue()), "nil\n");
}

TEST(HookScript, ScriptValueBuilding) {
    const ScriptValue t = ScriptValue::table({{"a", 1}, {"b", "x"}, {"a", 2}});
    EXPECT_EQ(t.kind(), ScriptValue::Kind::Table);
    ASSERT_NE(t.find("a"), nullptr);
    EXPECT_EQ(*t.find("a"), ScriptValue(2));  // the later value wins, as in Lua
    EXPECT_EQ(t.find("missing"), nullptr);
    EXPECT_EQ(ScriptValue(uint32_t{7}).kind(), ScriptValue::Kind::Integer);
    EXPECT_EQ(ScriptValue(1.5f).kind(), ScriptValue::Kind::Number);
    EXPECT_EQ(ScriptValue("s").kind(), ScriptValue::Kind::String);
    EXPECT_EQ(ScriptValue(true).kind(), ScriptValue::Kind::Bool);
    EXPECT_TRUE(ScriptValue().isNil());
    EXPECT_EQ(ScriptValue(std::numeric_limits<uint64_t>::max()).kind(), ScriptValue::Kind::Number);
    EXPECT_EQ(ScriptValue(uint64_t{5}), ScriptValue(int64_t{5}));
    EXPECT_EQ(ScriptValue(std::vector<int>{1, 2}), ScriptValue::array({1, 2}));
}

TEST(HookScript, TooDeepAValueFailsCleanly) {
    TempDir dir;
    ScriptValue value = 1;
    for (int i = 0; i < 1000; ++i) value = ScriptValue::array({value});
    const HookResult result = runText(dir, "deep.lua", "put = 1\n", value);
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "nested more than");
}

// ---------------------------------------------------------------------------------------
// The resume table

TEST(HookScript, ResumeTableOfAResumedRender) {
    TempDir dir;
    const std::string out = outputOf(dir, R"(
put(resume.status, resume.resumed, resume.reason == "", resume.resumeStartStatus)
put(#resume.files, resume.files[2], #resume.resumeFiles, resume.resumeFiles[1])
local p = resume.parameters
put(p.renderId, p.serial, math.type(p.serial), p.fingerprint, p.width, p.height)
put(p.elapsedSeconds, math.type(p.elapsedSeconds), p.tileSamples, math.type(p.tileSamples))
put(p.complete, type(p.complete), p.samplingMode, p.uniformSamples, p.minSamples, p.maxSamples)
put(p.targetError, math.type(p.targetError), p.sampleCap, p.sppMin, p.sppMax, p.sppMean)
put(#resume.history, resume.history[1].host, resume.history[2].host)
local r = resume.history[1]
put(r.threads, math.type(r.threads), r.startTime, r.endTime, r.seconds, math.type(r.seconds))
put(r.samplesBefore, r.samplesAfter, math.type(r.samplesAfter), r.ended, resume.history[2].ended)
)",
                                     "resume", resumeTable(resumedReport()));
    EXPECT_EQ(out,
              "resumed true true true\n"
              "2 /renders/shot_aovs.exr 2 /renders/shot.exr\n"
              "2f9c0b1e 7 integer 00ab12cd34ef5678 1920 1080\n"
              "125.5 float 5000000000 integer\n"
              "false boolean adaptive 0 16 1024\n"
              "0.01 float 256 12 96 40.25\n"
              "2 farm-017 farm-023\n"
              "64 integer 2026-11-21T10:15:00Z 2026-11-21T10:17:00Z 120.0 float\n"
              "0 4000000000 integer SIGTERM checkpoint\n");
}

TEST(HookScript, ResumeTableOfAFreshStart) {
    ResumeReport report;
    report.resumed = false;
    report.reason = "the scene changed (fingerprint 1f in the file, 2a now)";
    report.files = {"/renders/shot.exr"};
    const ScriptValue table = resumeTable(report);
    ASSERT_NE(table.find("status"), nullptr);
    EXPECT_EQ(*table.find("status"), ScriptValue("fresh"));
    EXPECT_EQ(*table.find("resumed"), ScriptValue(false));
    EXPECT_EQ(*table.find("resumeStartStatus"), ScriptValue(false));
    EXPECT_EQ(*table.find("reason"), ScriptValue(report.reason));
    EXPECT_EQ(*table.find("files"), ScriptValue::array({"/renders/shot.exr"}));
    EXPECT_EQ(*table.find("resumeFiles"), *table.find("files"));
    EXPECT_EQ(*table.find("history"), ScriptValue::array());
    const ScriptValue* parameters = table.find("parameters");
    ASSERT_NE(parameters, nullptr);
    EXPECT_EQ(*parameters->find("fingerprint"), ScriptValue("0000000000000000"));
    EXPECT_EQ(*parameters->find("samplingMode"), ScriptValue("uniform"));
    EXPECT_EQ(*parameters->find("serial"), ScriptValue(0));

    TempDir dir;
    const std::string out = outputOf(dir, R"(
put(resume.status, resume.resumed, resume.resumeStartStatus, resume.reason)
put(#resume.files, resume.files[1], #resume.history, resume.parameters.complete)
if not resume.resumed then put("starting over") end
)",
                                     "resume", table);
    EXPECT_EQ(out,
              "fresh false false the scene changed (fingerprint 1f in the file, 2a now)\n"
              "1 /renders/shot.exr 0 false\n"
              "starting over\n");
}

TEST(HookScript, ResumedReportHasNoReason) {
    ResumeReport report = resumedReport();
    report.reason = "stale text";
    EXPECT_EQ(*resumeTable(report).find("reason"), ScriptValue(""));
}

// ---------------------------------------------------------------------------------------
// Errors

TEST(HookScript, SyntaxErrorNamesFileAndLine) {
    TempDir dir;
    const HookResult result = runText(dir, "syntax.lua", "local a = 1\nlocal b = = 2\n");
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "hook script '" + dir.file("syntax.lua") + "' line 2: ");
    EXPECT_CONTAINS(result.error, "syntax error");
    EXPECT_GE(result.seconds, 0.0);
}

TEST(HookScript, RuntimeErrorNamesFileAndLine) {
    TempDir dir;
    const std::string path = dir.file("runtime.lua");
    HookResult result = runText(dir, "runtime.lua", "local a = 1\n\nmissing_function(a)\n");
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error,
              "hook script '" + path +
                  "' line 3: attempt to call a nil value (global 'missing_function')");

    result = runText(dir, "runtime.lua", "local t\nlocal x = t.field\n");
    EXPECT_EQ(result.error,
              "hook script '" + path + "' line 2: attempt to index a nil value (local 't')");

    result = runText(dir, "runtime.lua", "\nerror('copy failed')\n");
    EXPECT_EQ(result.error, "hook script '" + path + "' line 2: copy failed");

    result = runText(dir, "runtime.lua", "error('no position', 0)\n");
    EXPECT_EQ(result.error, "hook script '" + path + "': no position");
}

TEST(HookScript, LongPathsKeepTheLine) {
    // Lua shortens chunk names over 60 characters to "...<tail>".
    TempDir dir;
    const std::filesystem::path deep =
        dir.path() / std::string(40, 'a') / std::string(40, 'b') / std::string(40, 'c');
    std::filesystem::create_directories(deep);
    const std::string path = (deep / "hook.lua").string();
    writeBytes(path, "local x = 1\nx()\n");
    const HookResult result = runHookScript(path, "resume", ScriptValue());
    EXPECT_EQ(result.error,
              "hook script '" + path + "' line 2: attempt to call a number value (local 'x')");
}

TEST(HookScript, ErrorsInOtherFilesKeepTheirLocation) {
    TempDir dir;
    const std::string helper = dir.file("helper.lua");
    writeBytes(helper, "\n\nerror('from helper')\n");
    const HookResult result = runText(dir, "main.lua", "dofile('" + helper + "')\n");
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "hook script '" + dir.file("main.lua") + "': ");
    EXPECT_CONTAINS(result.error, "helper.lua:3: from helper");
}

TEST(HookScript, NonStringErrorValues) {
    TempDir dir;
    const std::string path = dir.file("value.lua");
    HookResult result = runText(dir, "value.lua", "local a = 1\nerror({code = 3})\n");
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error, "hook script '" + path + "' line 2: error object is a table value");

    result = runText(dir, "value.lua", "error(nil)\n");
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error, "hook script '" + path + "' line 1: error object is a nil value");

    result = runText(dir, "value.lua",
                     "error(setmetatable({}, {__tostring = function() return 'custom' end}))\n");
    EXPECT_EQ(result.error, "hook script '" + path + "' line 1: custom");

    result = runText(dir, "value.lua",
                     "error(setmetatable({}, {__tostring = function() return {} end}))\n");
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "hook script '" + path + "'");

    result = runText(dir, "value.lua", "\n\nerror(42)\n");
    EXPECT_EQ(result.error, "hook script '" + path + "' line 3: 42");
}

TEST(HookScript, MissingOrUnreadableFile) {
    TempDir dir;
    const std::string missing = dir.file("missing.lua");
    HookResult result = runHookScript(missing, "resume", ScriptValue());
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "hook script '" + missing + "'");
    EXPECT_CONTAINS(result.error, "no such file");

    result = runHookScript(dir.path().string(), "resume", ScriptValue());
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "not a regular file");

    const std::string binary = dir.file("binary.lua");
    writeBytes(binary, std::string("\x1bLua\x54\x00garbage", 12));
    result = runHookScript(binary, "resume", ScriptValue());
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "hook script '" + binary + "'");
}

TEST(HookScript, OsExitIsAnErrorNotAnExit) {
    TempDir dir;
    const std::string marker = dir.file("before_exit.txt");
    const std::string path = dir.file("exit.lua");
    HookResult result =
        runText(dir, "exit.lua",
                "io.open('" + marker + "', 'w'):close()\nos.exit(1)\nerror('not reached')\n");
    // Still running: the test process was not ended.
    EXPECT_FALSE(result.ok);
    EXPECT_EQ(result.error,
              "hook script '" + path + "' line 2: os.exit is not allowed in hook scripts");
    EXPECT_TRUE(test::exists(marker));

    result = runText(dir, "exit.lua", "os.exit(true, true)\n");
    EXPECT_FALSE(result.ok);
    EXPECT_CONTAINS(result.error, "os.exit is not allowed in hook scripts");

    // require("os") is the same table.
    result = runText(dir, "exit.lua", "local os2 = require('os')\nos2.exit(0)\n");
    EXPECT_CONTAINS(result.error, "line 2: os.exit is not allowed in hook scripts");

    // A script may catch it like any other error.
    const std::string out = outputOf(dir, "put(pcall(os.exit, 3))", "resume", ScriptValue());
    EXPECT_CONTAINS(out, "false");
    EXPECT_CONTAINS(out, "os.exit is not allowed in hook scripts");
}

// The process's virtual memory size in bytes, 0 when unknown.
size_t virtualMemorySize() {
    std::ifstream statm("/proc/self/statm");
    size_t pages = 0;
    if (!(statm >> pages)) return 0;
    return pages * static_cast<size_t>(::sysconf(_SC_PAGESIZE));
}

TEST(HookScript, RunningOutOfMemoryIsAnError) {
    TempDir dir;
    const std::string path = dir.file("hog.lua");
    writeBytes(path,
               "local s = string.rep('x', 1 << 20)\n"
               "local t = {}\n"
               "for i = 1, 1e9 do t[i] = s .. i end\n");
    // In a child process whose address space is capped 256 MiB above what it uses now.
    EXPECT_EXIT(
        {
            const size_t used = virtualMemorySize();
            rlimit limit{};
            limit.rlim_cur = limit.rlim_max = used + (size_t{256} << 20);
            if (used == 0 || ::setrlimit(RLIMIT_AS, &limit) != 0) std::_Exit(3);
            const HookResult result = runHookScript(path, "resume", ScriptValue());
            std::fprintf(stderr, "%s\n", result.error.c_str());
            // The renderer goes on: the next hook runs normally.
            const HookResult next = runText(dir, "small.lua", "local x = {1, 2, 3}\n");
            std::_Exit(!result.ok && next.ok ? 0 : 1);
        },
        ::testing::ExitedWithCode(0), "hook script '.*hog.lua': out of memory");
}

// ---------------------------------------------------------------------------------------
// Environment

TEST(HookScript, AllStandardLibrariesAreOpen) {
    TempDir dir;
    ASSERT_EQ(::setenv("RT_HOOK_TEST_VARIABLE", "from the renderer", 1), 0);
    const std::string copy = dir.file("copied.txt");
    writeBytes(dir.file("source.txt"), "payload");
    const std::string out = outputOf(dir,
                                     R"(
put(os.getenv("RT_HOOK_TEST_VARIABLE"))
put(os.execute("exit 3"))
put(os.execute("cp ')" + dir.file("source.txt") +
                                         "' '" + copy + R"('"))
put(type(io.popen), type(require), type(debug.traceback), type(package.path), type(loadfile))
put(type(coroutine.wrap), utf8.char(72), string.format("%5.2f", math.pi))
)",
                                     "resume", ScriptValue());
    EXPECT_EQ(out,
              "from the renderer\n"
              "nil exit 3\n"
              "true exit 0\n"
              "function function function string function\n"
              "function H  3.14\n");
    EXPECT_EQ(readBytes(copy), "payload");
    ::unsetenv("RT_HOOK_TEST_VARIABLE");
}

std::atomic<int> g_sigints{0};
extern "C" void countSigint(int) {
    ++g_sigints;
}

TEST(HookScript, OsExecuteKeepsLuaResultsAndTheRenderersSignals) {
    // system() would ignore SIGINT in this process while its command runs; the hook's
    // os.execute must not, or a Ctrl-C during a hook would be lost.
    TempDir dir;
    struct sigaction count {
    }, previous{};
    count.sa_handler = countSigint;
    sigemptyset(&count.sa_mask);
    ASSERT_EQ(::sigaction(SIGINT, &count, &previous), 0);
    g_sigints = 0;
    const std::string out = outputOf(dir, R"(
put(os.execute())
put(os.execute("true"))
put(os.execute("exit 7"))
put(os.execute("kill -TERM $$"))
put(os.execute("kill -INT $PPID; sleep 0.2"))
)",
                                     "checkpoint", ScriptValue());
    ::sigaction(SIGINT, &previous, nullptr);
    EXPECT_EQ(out,
              "true\n"
              "true exit 0\n"
              "nil exit 7\n"
              "nil signal 15\n"
              "true exit 0\n");
    EXPECT_EQ(g_sigints.load(), 1) << "the SIGINT sent during the command reached the renderer";
}

TEST(HookScript, EachRunHasAFreshState) {
    TempDir dir;
    const std::string first = outputOf(dir, R"(
leaked = "first run"
string.leaked = true
package.loaded.leaked = true
print = nil
put("ok")
)",
                                       "resume", ScriptValue(1));
    EXPECT_EQ(first, "ok\n");
    const std::string second = outputOf(dir, R"(
put(leaked, string.leaked, package.loaded.leaked, type(print), resume)
)",
                                        "resume", ScriptValue(2));
    EXPECT_EQ(second, "nil nil nil function 2\n");
}

TEST(HookScript, PrintGoesToTheLog) {
    TempDir dir;
    testing::internal::CaptureStdout();
    testing::internal::CaptureStderr();
    const HookResult result = runText(dir, "notify.lua", "print('copied', 3, nil, 2.5)\nprint()\n");
    const std::string out = testing::internal::GetCapturedStdout();
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_TRUE(result.ok) << result.error;
    EXPECT_EQ(out, "");
    EXPECT_CONTAINS(err, "notify.lua: copied\t3\tnil\t2.5\n");
    EXPECT_CONTAINS(err, "notify.lua: \n");
    EXPECT_EQ(err.find(dir.path().string()), std::string::npos) << err;  // the name, not the path
}

TEST(HookScript, ReportsTheTimeTaken) {
    TempDir dir;
    const HookResult result =
        runText(dir, "slow.lua", "local t = os.clock()\nwhile os.clock() - t < 0.05 do end\n");
    EXPECT_TRUE(result.ok) << result.error;
    EXPECT_GE(result.seconds, 0.04);
    EXPECT_LT(result.seconds, 30.0);
}

}  // namespace
}  // namespace rt
