// Resume end to end through renderer_cmd (doc/RESUME.md): renders interrupted by caps,
// time caps and kill -9, resumed one or more times on other thread counts, must end with
// pixels, AOVs, accumulators and sample counts identical, bit for bit, to the same render
// run without interruption. Damaged or mismatched files fall back with their reason, or
// exit 3 with -resume_strict.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "ExrFiles.h"
#include "RunCommand.h"
#include "io/ExrFile.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::freshDir;
using test::runRenderer;
using test::scenePath;

using test::expectIdentical;
using test::Exr;
using test::intOf;
using test::readFile;

// Whether some pixel of a checkpoint was cut part way through a pass.
bool cutMidPass(const fs::path& checkpoint) {
    const test::FileState state = test::readState(checkpoint);
    EXPECT_TRUE(state.ok) << state.error;
    for (size_t i = 0; i < state.passTargets.size(); ++i) {
        if (state.passTargets[i] > state.film.pixels()[i].sampleCount) return true;
    }
    return false;
}

// Adaptive, with AOVs (the Cornell box writes depth, normal and albedo with its beauty):
// some pixels stop early, others run to the maximum.
std::string adaptive(int width, int height, int maxSamples) {
    return "-in " + scenePath("cornell_box.rdla") + " -size " + std::to_string(width) + " " +
           std::to_string(height) +
           " -scene_var sampling_mode 2 -scene_var min_adaptive_samples 4"
           " -scene_var max_adaptive_samples " +
           std::to_string(maxSamples) +
           " -scene_var target_adaptive_error 1000 -out out.exr -checkpoint_asfinal";
}

const std::string kUniform = "-in " + scenePath("cornell_box.rdla") +
                             " -size 32 24 -scene_var pixel_samples 4 -out out.exr"
                             " -checkpoint_asfinal";

test::CommandResult runOk(const std::string& args, const fs::path& dir) {
    const test::CommandResult r = runRenderer(args, dir.string());
    EXPECT_EQ(r.exitCode, 0) << args << "\n" << r.output;
    return r;
}

// The uninterrupted render of `args` in dir/full.
fs::path reference(const fs::path& dir, const std::string& args) {
    const fs::path full = dir / "full";
    fs::create_directories(full);
    runOk(args + " -checkpoint", full);
    return full / "out.exr";
}

TEST(ResumeRender, UniformCappedTwiceOnOtherThreadCountsEqualsUninterrupted) {
    const fs::path dir = freshDir("resume_uniform");
    const fs::path full = reference(dir, kUniform);
    runOk(kUniform + " -threads 1 -checkpoint_sample_cap 3", dir);
    EXPECT_EQ(intOf(readFile(dir / "checkpoint.exr"), "samplesPerPixelMax"), 3);
    const auto second =
        runOk(kUniform + " -threads 2 -checkpoint_sample_cap 9 -resume_render", dir);
    EXPECT_NE(second.output.find("Resuming render"), std::string::npos) << second.output;
    EXPECT_EQ(intOf(readFile(dir / "checkpoint.exr"), "samplesPerPixelMax"), 9);
    runOk(kUniform + " -threads 3 -checkpoint -resume_render", dir);
    const Exr last = readFile(dir / "out.exr");
    EXPECT_EQ(intOf(last, "renderComplete"), 1);
    expectIdentical(full, dir / "out.exr");
}

TEST(ResumeRender, AdaptiveCutMidPassBySampleCapEqualsUninterrupted) {
    const fs::path dir = freshDir("resume_adaptive_cap");
    const std::string args = adaptive(40, 30, 64);
    const fs::path full = reference(dir, args);
    const Exr fullExr = readFile(full);
    ASSERT_LT(intOf(fullExr, "samplesPerPixelMin"), intOf(fullExr, "samplesPerPixelMax"))
        << "the test needs pixels that stop early";
    // 30 is not a step of the table (29, 41): the pass 29 -> 41 is cut at 30.
    runOk(args + " -threads 2 -checkpoint_sample_cap 30", dir);
    ASSERT_TRUE(cutMidPass(dir / "checkpoint.exr"));
    EXPECT_EQ(intOf(readFile(dir / "checkpoint.exr"), "renderComplete"), 0);
    runOk(args + " -threads 1 -checkpoint -resume_render", dir);
    expectIdentical(full, dir / "out.exr");
    expectIdentical(full, dir / "checkpoint.exr");
}

TEST(ResumeRender, AdaptiveTimeSlicesEqualUninterrupted) {
    // RenderMan's time slices: each run has a longer time cap than the last (the cap
    // counts the sampling time of every run), and stops mid-pass wherever it is. The caps
    // grow geometrically from 0.06 s, so that a fast machine is still interrupted twice
    // and a slow one needs few runs.
    const fs::path dir = freshDir("resume_time_slices");
    const std::string args = adaptive(96, 72, 128);
    const fs::path full = reference(dir, args);
    int runs = 0;
    bool sawMidPass = false;
    for (double cap = 0.001; runs < 40; cap *= 1.5, ++runs) {
        char option[64];
        std::snprintf(option, sizeof option, " -checkpoint_time_cap %.5f", cap);
        runOk(args + option + " -threads " + std::to_string(1 + runs % 2) +
                  (runs > 0 ? " -resume_render" : ""),
              dir);
        if (intOf(readFile(dir / "checkpoint.exr"), "renderComplete") == 1) break;
        sawMidPass = sawMidPass || cutMidPass(dir / "checkpoint.exr");
    }
    EXPECT_GE(runs, 2) << "the render must have been interrupted at least twice";
    EXPECT_TRUE(sawMidPass) << "at least one time cap must land part way through a pass";
    expectIdentical(full, dir / "out.exr");
}

TEST(ResumeRender, TenRestartsOnOtherThreadCountsEqualUninterrupted) {
    // 11 runs, each capped one sample further (the last to the end), alternating thread
    // counts; every run reads the state the one before wrote.
    const fs::path dir = freshDir("resume_ten_restarts");
    const fs::path full = reference(dir, kUniform);
    for (int run = 1; run <= 11; ++run) {
        const std::string cap =
            run <= 10 ? " -checkpoint_sample_cap " + std::to_string(run) : " -checkpoint";
        const auto r = runOk(kUniform + cap + " -threads " + std::to_string(1 + run % 3) +
                                 (run > 1 ? " -resume_render" : ""),
                             dir);
        if (run > 1) {
            EXPECT_NE(r.output.find("spp min " + std::to_string(run - 1) + " "), std::string::npos)
                << r.output;
        }
    }
    expectIdentical(full, dir / "out.exr");
}

TEST(ResumeRender, AdaptiveTenRestartsEqualUninterrupted) {
    const fs::path dir = freshDir("resume_adaptive_ten_restarts");
    const std::string args = adaptive(40, 30, 64);
    const fs::path full = reference(dir, args);
    for (int run = 0; run <= 10; ++run) {
        // Caps 5, 10, ... 50 land inside passes; the last run goes to the end.
        const std::string cap =
            run < 10 ? " -checkpoint_sample_cap " + std::to_string(5 * (run + 1)) : " -checkpoint";
        runOk(args + cap + " -threads " + std::to_string(1 + run % 2) +
                  (run > 0 ? " -resume_render" : ""),
              dir);
    }
    expectIdentical(full, dir / "out.exr");
}

// Format 1 (the state as `resume.` channels in the EXR, written before format 2 existed):
// files from tests/data/resume_v1 (written by commit e88553d, see its README) still resume,
// to the same image as an uninterrupted render.
void expectFormatOneResumes(const std::string& dataFile, const std::string& args,
                            const std::string& name) {
    const fs::path dir = freshDir(name);
    const fs::path full = reference(dir, args);
    fs::copy_file(std::string(RT_SOURCE_DIR) + "/tests/data/resume_v1/" + dataFile,
                  dir / "checkpoint.exr");
    ASSERT_EQ(test::readState(dir / "checkpoint.exr").format, 1);
    const auto r = runOk(args + " -checkpoint -resume_render -resume_strict", dir);
    EXPECT_NE(r.output.find("Resuming render"), std::string::npos) << r.output;
    expectIdentical(full, dir / "out.exr");
    EXPECT_EQ(test::readState(dir / "out.exr").format, 2) << "continued in format 2";
}

TEST(ResumeRender, FormatOneUniformFileResumes) {
    expectFormatOneResumes("uniform_checkpoint.exr", kUniform, "resume_v1_uniform");
}

TEST(ResumeRender, FormatOneAdaptiveFileResumes) {
    expectFormatOneResumes("adaptive_checkpoint.exr", adaptive(32, 24, 64), "resume_v1_adaptive");
}

TEST(ResumeRender, FormatOneCanStillBeWrittenAndIsResumed) {
    const fs::path dir = freshDir("resume_write_v1");
    const fs::path full = reference(dir, kUniform);
    runOk(kUniform + " -checkpoint_sample_cap 2 -scene_var checkpoint_state_format 1", dir);
    EXPECT_FALSE(fs::exists(dir / "checkpoint.resume"));
    EXPECT_EQ(intOf(readFile(dir / "checkpoint.exr"), "resumeFormatVersion"), 1);
    EXPECT_EQ(test::readState(dir / "checkpoint.exr").format, 1);
    runOk(kUniform + " -checkpoint -resume_render -resume_strict", dir);
    expectIdentical(full, dir / "out.exr");
    const auto bad = runRenderer(kUniform + " -scene_var checkpoint_state_format 3", dir.string());
    EXPECT_EQ(bad.exitCode, 2) << bad.output;
    EXPECT_NE(bad.output.find("checkpoint_state_format"), std::string::npos) << bad.output;
}

TEST(ResumeRender, KillNineThenResumeEqualsUninterrupted) {
    const fs::path dir = freshDir("resume_kill9");
    const std::string args = adaptive(128, 96, 256);
    const fs::path full = reference(dir, args);
    // Time-mode checkpoints every 0.3 s; killed without warning after the second one.
    // exec: the background job's pid is the renderer's.
    const std::string command =
        "(cd '" + dir.string() + "' && exec " + RT_RENDERER_CMD + " " + args +
        " -checkpoint_interval 0.005 > killed.log 2>&1) & echo $! > " + (dir / "pid").string();
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    pid_t pid = 0;
    std::ifstream(dir / "pid") >> pid;
    ASSERT_GT(pid, 0);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        if (fs::exists(dir / "checkpoint.exr")) {
            Exr exr;
            std::string error;
            if (readExr((dir / "checkpoint.exr").string(), exr.image, exr.metadata, error) &&
                intOf(exr, "checkpointSerial") >= 2) {
                break;
            }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
    while (::kill(pid, 0) == 0) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_FALSE(fs::exists(dir / "out.exr")) << "the render finished before it was killed";
    EXPECT_EQ(intOf(readFile(dir / "checkpoint.exr"), "renderComplete"), 0);
    const auto resumed = runOk(args + " -checkpoint -resume_render", dir);
    EXPECT_NE(resumed.output.find("Resuming render"), std::string::npos) << resumed.output;
    expectIdentical(full, dir / "out.exr");
}

// A capped uniform render in `dir`, ready to be resumed.
void cappedRender(const fs::path& dir) {
    runOk(kUniform + " -checkpoint_sample_cap 2", dir);
}

TEST(ResumeRender, InterruptedCommitIsFinishedWhenEveryPartIsComplete) {
    const fs::path dir = freshDir("resume_parts_complete");
    const fs::path full = reference(dir, kUniform);
    runOk(kUniform + " -checkpoint_sample_cap 2", dir);
    fs::copy_file(dir / "checkpoint.exr", dir / "older.exr");
    runOk(kUniform + " -checkpoint_sample_cap 5 -resume_render", dir);
    // A crash between writing the .part and renaming it: the newer checkpoint is complete
    // under its .part name, the older one still under the final name.
    fs::rename(dir / "checkpoint.exr", dir / "checkpoint.exr.part");
    fs::rename(dir / "older.exr", dir / "checkpoint.exr");
    const auto r = runOk(kUniform + " -checkpoint -resume_render", dir);
    EXPECT_NE(r.output.find("finished the interrupted commit"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("spp min 5 "), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "checkpoint.exr.part"));
    expectIdentical(full, dir / "out.exr");
}

TEST(ResumeRender, IncompletePartIsRemovedAndThePreviousCheckpointUsed) {
    const fs::path dir = freshDir("resume_parts_incomplete");
    const fs::path full = reference(dir, kUniform);
    runOk(kUniform + " -checkpoint_sample_cap 2", dir);
    const std::string bytes = test::readBytes((dir / "checkpoint.exr").string());
    test::writeBytes((dir / "checkpoint.exr.part").string(), bytes.substr(0, bytes.size() / 2));
    // A versioned copy's .part is never needed; a file that only looks similar stays.
    test::writeBytes((dir / "checkpoint_0320.exr.part").string(), "partial");
    test::writeBytes((dir / "checkpoint_notes.exr.part").string(), "not ours");
    const auto r = runOk(kUniform + " -checkpoint -resume_render", dir);
    EXPECT_NE(r.output.find("removed 1 .part file"), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "checkpoint_0320.exr.part"));
    EXPECT_TRUE(fs::exists(dir / "checkpoint_notes.exr.part"));
    EXPECT_NE(r.output.find("spp min 2 "), std::string::npos) << r.output;
    EXPECT_FALSE(fs::exists(dir / "checkpoint.exr.part"));
    expectIdentical(full, dir / "out.exr");
}

// Resumes in `dir` with `extra` options: expects a fresh start with `reason` in the log,
// and with -resume_strict exit code 3 and the same reason.
void expectFallback(const fs::path& dir, const std::string& extra, const std::string& reason) {
    const auto strict =
        runRenderer(kUniform + " -checkpoint -resume_render -resume_strict " + extra, dir.string());
    EXPECT_EQ(strict.exitCode, 3) << strict.output;
    EXPECT_NE(strict.output.find(reason), std::string::npos) << strict.output;
    const auto r = runRenderer(kUniform + " -checkpoint -resume_render " + extra, dir.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("starting from scratch: "), std::string::npos) << r.output;
    EXPECT_NE(r.output.find(reason), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Resuming render"), std::string::npos) << r.output;
}

TEST(ResumeRenderFallback, MissingFiles) {
    const fs::path dir = freshDir("resume_missing");
    expectFallback(dir, "", "no resume file found (looked for 'checkpoint.exr', 'out.exr')");
}

TEST(ResumeRenderFallback, TruncatedStateFile) {
    const fs::path dir = freshDir("resume_truncated");
    cappedRender(dir);
    const std::string bytes = test::readBytes((dir / "checkpoint.resume").string());
    const std::string truncated = bytes.substr(0, bytes.size() * 2 / 3);
    test::writeBytes((dir / "checkpoint.resume").string(), truncated);
    expectFallback(dir, "", "(cut short or damaged)");
}

TEST(ResumeRenderFallback, TruncatedExrFile) {
    // Cut inside its line offset table; the state file alone would do, but a set with a
    // damaged member is not trusted.
    const fs::path dir = freshDir("resume_truncated_exr");
    cappedRender(dir);
    const std::string bytes = test::readBytes((dir / "checkpoint.exr").string());
    test::writeBytes((dir / "checkpoint.exr").string(), bytes.substr(0, 400));
    expectFallback(dir, "", "checkpoint.exr");
}

TEST(ResumeRenderFallback, FlippedBytesInTheState) {
    const fs::path dir = freshDir("resume_flipped");
    cappedRender(dir);
    std::string bytes = test::readBytes((dir / "checkpoint.resume").string());
    bytes[bytes.size() - 40] ^= 0x10;  // one bit inside the last chunk's zstd frame
    test::writeBytes((dir / "checkpoint.resume").string(), bytes);
    expectFallback(dir, "", "'checkpoint.resume': chunk ");
}

TEST(ResumeRenderFallback, StateFileOfAnotherCheckpoint) {
    const fs::path dir = freshDir("resume_other_state");
    cappedRender(dir);
    fs::copy_file(dir / "checkpoint.resume", dir / "older.resume");
    runOk(kUniform + " -checkpoint_sample_cap 3 -resume_render", dir);
    fs::rename(dir / "older.resume", dir / "checkpoint.resume");
    expectFallback(dir, "", "mixed checkpoint set: 'checkpoint.exr' is checkpoint ");
}

TEST(ResumeRenderFallback, MissingStateFile) {
    const fs::path dir = freshDir("resume_missing_state");
    cappedRender(dir);
    fs::remove(dir / "checkpoint.resume");
    expectFallback(dir, "", "checkpoint.resume' is missing (the resume state of 'checkpoint.exr')");
}

TEST(ResumeRenderFallback, WrongScene) {
    const fs::path dir = freshDir("resume_wrong_scene");
    cappedRender(dir);
    expectFallback(dir, "-scene_var max_depth 2", "the scene changed (fingerprint ");
}

TEST(ResumeRenderFallback, WrongResolution) {
    const fs::path dir = freshDir("resume_wrong_resolution");
    cappedRender(dir);
    expectFallback(dir, "-res 2", "the file is 32x24, the scene renders 16x12");
}

TEST(ResumeRenderFallback, AdaptiveCannotContinueAsUniform) {
    const fs::path dir = freshDir("resume_adaptive_to_uniform");
    runOk("-in " + scenePath("cornell_box.rdla") +
              " -size 32 24 -out out.exr -scene_var sampling_mode 2 -checkpoint_sample_cap 5",
          dir);
    expectFallback(dir, "", "an adaptive render cannot continue as a uniform one");
}

TEST(ResumeRenderFallback, MixedSerials) {
    // Two checkpoint files (the normals go to their own); the second is replaced by the
    // same file of another checkpoint.
    const fs::path dir = freshDir("resume_mixed");
    test::writeFile(dir / "split.rdla",
                    "RenderOutput(\"/normal\") { [\"result\"] = \"normal\", [\"file_name\"] = "
                    "\"normals.exr\", [\"checkpoint_file_name\"] = \"normals_cp.exr\" }\n");
    const std::string split = " -in split.rdla";
    runOk(kUniform + split + " -checkpoint_sample_cap 2", dir);
    fs::copy_file(dir / "normals_cp.exr", dir / "normals_old.exr");
    runOk(kUniform + split + " -checkpoint_sample_cap 4 -resume_render", dir);
    fs::rename(dir / "normals_old.exr", dir / "normals_cp.exr");
    const auto r =
        runRenderer(kUniform + split + " -checkpoint -resume_render -resume_strict", dir.string());
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("mixed checkpoint set: 'checkpoint.exr' is checkpoint "),
              std::string::npos)
        << r.output;
}

TEST(ResumeRender, FinishedImageWithoutAsfinalStartsFresh) {
    const fs::path dir = freshDir("resume_finished_plain");
    const std::string plain = "-in " + scenePath("cornell_box.rdla") +
                              " -size 32 24 -scene_var pixel_samples 2 -out out.exr";
    runOk(plain + " -checkpoint", dir);
    const Exr out = readFile(dir / "out.exr");
    for (const ImageChannel& channel : out.image.channels) {
        EXPECT_NE(channel.type, PixelType::Uint) << "no resume state in " << channel.name;
    }
    const auto r = runOk(plain + " -checkpoint -resume_render", dir);
    EXPECT_NE(r.output.find("holds a finished render written without checkpoint_asfinal"),
              std::string::npos)
        << r.output;
}

TEST(ResumeRender, FinishedAsfinalImageContinuesToAHigherCap) {
    const fs::path dir = freshDir("resume_asfinal");
    const std::string args = adaptive(40, 30, 64);
    const fs::path full = reference(dir, args);
    // A finished draft at max 19 spp, without checkpoints: the output keeps the state.
    const std::string draft = adaptive(40, 30, 19);
    runOk(draft, dir);
    EXPECT_EQ(intOf(readFile(dir / "out.exr"), "renderComplete"), 1);
    const auto r = runOk(args + " -resume_render", dir);
    EXPECT_NE(r.output.find("Resuming render"), std::string::npos) << r.output;
    const Exr continued = readFile(dir / "out.exr");
    EXPECT_EQ(intOf(continued, "samplesPerPixelMax"), 64);
    EXPECT_EQ(intOf(continued, "renderComplete"), 1);
}

TEST(ResumeRender, OnResumeScriptSeesTheResumeTable) {
    const fs::path dir = freshDir("resume_script");
    test::writeFile(dir / "on_resume.lua",
                    "local f = io.open('resume.txt', 'a')\n"
                    "f:write(resume.status, ' ', tostring(resume.parameters.serial), ' ',\n"
                    "        #resume.history, ' ', resume.files[1], '\\n')\n"
                    "f:close()\n");
    const std::string args = kUniform + " -scene_var on_resume_script on_resume.lua";
    runOk(args + " -checkpoint -resume_render", dir);  // nothing to resume: runs anyway
    runOk(args + " -checkpoint_sample_cap 2", dir);    // no resume requested: not run
    const int serial = intOf(readFile(dir / "checkpoint.exr"), "checkpointSerial");
    runOk(args + " -checkpoint -resume_render", dir);
    const std::string text = test::readBytes((dir / "resume.txt").string());
    EXPECT_EQ(text, "fresh 0 0 checkpoint.exr\nresumed " + std::to_string(serial) +
                        " 1 checkpoint.exr\n");
}

TEST(ResumeRender, HistoryRecordsEveryRun) {
    const fs::path dir = freshDir("resume_history");
    runOk(kUniform + " -threads 1 -checkpoint_sample_cap 2", dir);
    runOk(kUniform + " -threads 2 -checkpoint -resume_render", dir);
    const Exr out = readFile(dir / "out.exr");
    const std::string history = out.metadata.get<std::string>("resumeHistory").value_or("");
    const nlohmann::json runs = nlohmann::json::parse(history);
    ASSERT_EQ(runs.size(), 2u) << history;
    EXPECT_EQ(runs[0]["threads"], 1);
    EXPECT_EQ(runs[0]["ended"], "samplecap");
    EXPECT_EQ(runs[0]["samplesBefore"], 0);
    EXPECT_EQ(runs[0]["samplesAfter"], 2 * 32 * 24);
    EXPECT_EQ(runs[1]["threads"], 2);
    EXPECT_EQ(runs[1]["ended"], "final");
    EXPECT_EQ(runs[1]["samplesBefore"], 2 * 32 * 24);
    EXPECT_EQ(runs[1]["samplesAfter"], 16 * 32 * 24);
    EXPECT_GE(out.metadata.get<double>("checkpointElapsed").value_or(-1.0),
              runs[0]["seconds"].get<double>() + runs[1]["seconds"].get<double>() - 1e-9);
}

}  // namespace
}  // namespace rt
