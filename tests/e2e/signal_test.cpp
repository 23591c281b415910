// Signals end to end (doc/CHECKPOINTING.md, "Signals"): renderer_cmd runs as a child
// process and receives what a user or a farm's queueing system sends. SIGINT, SIGUSR1
// and SIGTERM write a resumable checkpoint of that moment and exit 4; the render resumed
// from it ends identical, bit for bit, to one never interrupted. SIGHUP checkpoints and
// goes on. A second SIGINT during the dump, or any stop signal during scene loading,
// exits 5 at once without a partial file under a final name.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "ChildProcess.h"
#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::ChildProcess;
using test::expectIdentical;
using test::freshDir;
using test::intOf;
using test::readFile;
using test::scenePath;
using test::textOf;

constexpr int kInterrupted = 4;
constexpr int kInterruptedNoCheckpoint = 5;

// 1024 spp at 48x36: long enough (a few seconds) to be interrupted.
std::vector<std::string> longRender(std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"-in",
                                  scenePath("cornell_box.rdla"),
                                  "-size",
                                  "48",
                                  "36",
                                  "-scene_var",
                                  "pixel_samples",
                                  "32",
                                  "-out",
                                  "out.exr",
                                  "-info"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

std::string joined(const std::vector<std::string>& args) {
    std::string text;
    for (const std::string& a : args) text += " '" + a + "'";
    return text;
}

// The same render, never interrupted, in dir/full.
fs::path reference(const fs::path& dir, const std::vector<std::string>& args) {
    const fs::path full = dir / "full";
    fs::create_directories(full);
    const test::CommandResult r = test::runRenderer(joined(args), full.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    return full / "out.exr";
}

// Starts `args` in `dir`, waits until sampling runs, sends `signal`, returns the exit code.
int interrupt(const fs::path& dir, const std::vector<std::string>& args, int signal,
              std::string& log) {
    ChildProcess render(args, dir);
    EXPECT_TRUE(render.waitForLog("Sampling starts")) << render.log();
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
    render.signal(signal);
    const int code = render.wait();
    log = render.log();
    return code;
}

TEST(Signals, SigintWritesACheckpointThatResumesToTheUninterruptedImage) {
    const fs::path dir = freshDir("signal_sigint_resume");
    const std::vector<std::string> args = longRender({"-checkpoint", "-checkpoint_asfinal"});
    const fs::path full = reference(dir, args);
    std::string log;
    ASSERT_EQ(interrupt(dir, args, SIGINT, log), kInterrupted) << log;
    EXPECT_NE(log.find("SIGINT: sampling stopped"), std::string::npos) << log;
    EXPECT_NE(log.find("SIGINT: checkpoint written"), std::string::npos) << log;
    const test::Exr checkpoint = readFile(dir / "checkpoint.exr");
    EXPECT_EQ(textOf(checkpoint, "checkpointReason"), "signal");
    EXPECT_EQ(intOf(checkpoint, "renderComplete"), 0);
    EXPECT_LT(intOf(checkpoint, "samplesPerPixelMax"), 1024) << "interrupted too late";
    // Written uncompressed, for speed: at least 2 bytes per pixel for each of its half
    // channels (a zip file of this noisy image is well under that).
    for (const char* file : {"checkpoint.exr", "out.exr"}) {
        const test::Exr exr = readFile(dir / file);
        EXPECT_GE(fs::file_size(dir / file), exr.image.pixelCount() * exr.image.channels.size() * 2)
            << file;
    }
    // The stop is at tile granularity: the checkpoint may hold part of a pass.
    const test::CommandResult resumed =
        test::runRenderer(joined(args) + " -resume_render", dir.string());
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    EXPECT_NE(resumed.output.find("Resuming render"), std::string::npos) << resumed.output;
    expectIdentical(full, dir / "out.exr");
}

TEST(Signals, StopSignalsWithoutCheckpointingKeepTheStateInTheOutputs) {
    // No checkpoint files: the outputs of the interrupted render hold the state.
    const fs::path dir = freshDir("signal_no_checkpointing");
    const std::vector<std::string> args = longRender();
    const fs::path full = reference(dir, longRender({"-checkpoint_asfinal"}));
    std::string log;
    ASSERT_EQ(interrupt(dir, args, SIGTERM, log), kInterrupted) << log;
    EXPECT_FALSE(fs::exists(dir / "checkpoint.exr"));
    EXPECT_EQ(textOf(readFile(dir / "out.exr"), "checkpointReason"), "signal");
    const test::CommandResult resumed =
        test::runRenderer(joined(args) + " -resume_render -checkpoint_asfinal", dir.string());
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    expectIdentical(full, dir / "out.exr");
}

TEST(Signals, Sigusr1AndSigtermCheckpointAndExit) {
    for (const int signal : {SIGUSR1, SIGTERM}) {
        const std::string name = signal == SIGUSR1 ? "SIGUSR1" : "SIGTERM";
        const fs::path dir = freshDir("signal_" + name);
        std::string log;
        ASSERT_EQ(interrupt(dir, longRender({"-checkpoint"}), signal, log), kInterrupted) << log;
        EXPECT_NE(log.find(name + ": checkpoint written"), std::string::npos) << log;
        const test::Exr checkpoint = readFile(dir / "checkpoint.exr");
        EXPECT_EQ(textOf(checkpoint, "checkpointReason"), "signal");
        EXPECT_NE(textOf(checkpoint, "resumeHistory").find(name), std::string::npos);
        EXPECT_EQ(textOf(readFile(dir / "out.exr"), "checkpointReason"), "signal");
    }
}

TEST(Signals, SighupCheckpointsAndTheRenderGoesOn) {
    const fs::path dir = freshDir("signal_sighup");
    const std::vector<std::string> args = longRender({"-checkpoint", "-checkpoint_asfinal"});
    const fs::path full = reference(dir, args);
    ChildProcess render(args, dir);
    ASSERT_TRUE(render.waitForLog("Sampling starts")) << render.log();
    render.signal(SIGHUP);
    ASSERT_TRUE(render.waitForLog("for SIGHUP")) << render.log();
    EXPECT_EQ(render.wait(), 0) << render.log();
    const std::string log = render.log();
    EXPECT_NE(log.find("SIGHUP received: writing a checkpoint, then going on"), std::string::npos);
    EXPECT_EQ(textOf(readFile(dir / "out.exr"), "checkpointReason"), "final");
    // A checkpoint changes when the image is seen, never the image.
    expectIdentical(full, dir / "out.exr");
}

TEST(Signals, SecondSigintDuringTheDumpExitsAtOnce) {
    // A post script that sleeps keeps the dump busy after the checkpoint files are
    // final; the second SIGINT must not wait for it.
    const fs::path dir = freshDir("signal_double_sigint");
    test::writeFile(dir / "slow.lua", "os.execute('sleep 20')\n");
    const std::vector<std::string> args =
        longRender({"-checkpoint", "-scene_var", "checkpoint_post_script", "slow.lua"});
    ChildProcess render(args, dir);
    ASSERT_TRUE(render.waitForLog("Sampling starts")) << render.log();
    render.signal(SIGINT);
    ASSERT_TRUE(render.waitForLog("SIGINT: checkpoint written")) << render.log();
    const auto start = std::chrono::steady_clock::now();
    render.signal(SIGINT);
    EXPECT_EQ(render.wait(), kInterruptedNoCheckpoint) << render.log();
    EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 5.0);
    EXPECT_NE(render.log().find("SIGINT received: exiting now"), std::string::npos);
    EXPECT_EQ(textOf(readFile(dir / "checkpoint.exr"), "checkpointReason"), "signal");
}

TEST(Signals, SecondSigintRightAfterTheFirstLeavesOnlyCompleteFiles) {
    // Whenever the second SIGINT lands (snapshot, .part writes, renames), the final
    // names hold complete files of one checkpoint, and the render resumes exactly.
    const fs::path dir = freshDir("signal_double_sigint_early");
    const std::vector<std::string> args =
        longRender({"-checkpoint", "-checkpoint_asfinal", "-checkpoint_interval", "0.002"});
    const fs::path full = reference(dir, args);
    {
        ChildProcess render(args, dir);
        ASSERT_TRUE(render.waitForLog("Checkpoint 2 ")) << render.log();
        render.signal(SIGINT);
        ASSERT_TRUE(render.waitForLog("SIGINT: sampling stopped")) << render.log();
        render.signal(SIGINT);
        const int code = render.wait();
        EXPECT_TRUE(code == kInterruptedNoCheckpoint || code == kInterrupted) << render.log();
    }
    // The outputs exist only if the final set was committed, and then with its checkpoint.
    const test::Exr checkpoint = readFile(dir / "checkpoint.exr");
    if (fs::exists(dir / "out.exr")) {
        EXPECT_EQ(intOf(checkpoint, "checkpointSerial"),
                  intOf(readFile(dir / "out.exr"), "checkpointSerial"));
    }
    const test::CommandResult resumed =
        test::runRenderer(joined(args) + " -resume_render -resume_strict", dir.string());
    ASSERT_EQ(resumed.exitCode, 0) << resumed.output;
    expectIdentical(full, dir / "out.exr");
}

TEST(Signals, StopSignalDuringSceneLoadingExitsWithoutOutput) {
    // The scene spends seconds in Lua before it defines anything.
    for (const int signal : {SIGINT, SIGTERM}) {
        const fs::path dir =
            freshDir(signal == SIGINT ? "signal_loading_int" : "signal_loading_term");
        const std::string scene =
            test::writeFile(dir / "slow.rdla", "local x = 0\nfor i = 1, 2e9 do x = x + i end\n");
        ChildProcess render({"-in", scene, "-in", scenePath("cornell_box.rdla"), "-size", "16",
                             "16", "-out", "out.exr", "-checkpoint", "-info"},
                            dir);
        ASSERT_TRUE(render.waitForLog("Loading")) << render.log();
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const auto start = std::chrono::steady_clock::now();
        render.signal(signal);
        EXPECT_EQ(render.wait(), kInterruptedNoCheckpoint) << render.log();
        EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                  2.0);
        EXPECT_NE(render.log().find("exiting now"), std::string::npos) << render.log();
        EXPECT_FALSE(fs::exists(dir / "out.exr"));
        EXPECT_FALSE(fs::exists(dir / "checkpoint.exr"));
    }
}

TEST(Signals, SighupDuringLoadingIsIgnored) {
    const fs::path dir = freshDir("signal_loading_hup");
    const std::string scene =
        test::writeFile(dir / "slow.rdla", "local x = 0\nfor i = 1, 1e8 do x = x + i end\n");
    ChildProcess render({"-in", scene, "-in", scenePath("cornell_box.rdla"), "-size", "16", "16",
                         "-scene_var", "pixel_samples", "1", "-out", "out.exr", "-info"},
                        dir);
    ASSERT_TRUE(render.waitForLog("Loading")) << render.log();
    render.signal(SIGHUP);
    EXPECT_EQ(render.wait(), 0) << render.log();
    EXPECT_NE(render.log().find("SIGHUP received: ignored (nothing to checkpoint yet)"),
              std::string::npos)
        << render.log();
    EXPECT_TRUE(fs::exists(dir / "out.exr"));
}

}  // namespace
}  // namespace rt
