// Sequences end to end through renderer_cmd (doc/SEQUENCES.md): every frame of a
// sequence equals that frame rendered alone; a draft continued to final equals the final
// rendered directly, uniform and adaptive; a sequence killed in the middle of a frame
// resumes with the finished frames skipped and ends identical to a clean run; bad frame
// specs and names fail before rendering; a signal stops the sequence in its frame.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "ChildProcess.h"
#include "ExrFiles.h"
#include "RunCommand.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::ChildProcess;
using test::freshDir;
using test::readFile;
using test::runRenderer;
using test::scenePath;

constexpr int kBadInput = 2;
constexpr int kInterrupted = 4;

const std::string kShot = "-in " + scenePath("animated_shot.rdla") + " -size 48 27";

test::CommandResult runOk(const std::string& args, const fs::path& dir) {
    const test::CommandResult r = runRenderer(args, dir.string());
    EXPECT_EQ(r.exitCode, 0) << args << "\n" << r.output;
    return r;
}

// Every channel (visible and resume state) equal, bit for bit.
void expectSamePixels(const fs::path& a, const fs::path& b) {
    const test::Exr x = readFile(a), y = readFile(b);
    ASSERT_EQ(x.image.width, y.image.width) << a << " " << b;
    ASSERT_EQ(x.image.channels.size(), y.image.channels.size()) << a << " " << b;
    for (const ImageChannel& channel : x.image.channels) {
        const ImageChannel* other = y.image.find(channel.name);
        ASSERT_NE(other, nullptr) << channel.name;
        EXPECT_EQ(channel.floats, other->floats) << a << " " << b << " " << channel.name;
        EXPECT_EQ(channel.uints, other->uints) << a << " " << b << " " << channel.name;
    }
}

std::string frameFile(const std::string& stem, int frame) {
    char name[64];
    std::snprintf(name, sizeof name, "%s.%04d.exr", stem.c_str(), frame);
    return name;
}

// Frames 1-4 at 64x36 and 1024 spp (about a second each), checkpointing, one argument
// per element (ChildProcess).
std::vector<std::string> longFrames(const std::vector<std::string>& extra) {
    std::vector<std::string> args{"-in",
                                  scenePath("animated_shot.rdla"),
                                  "-size",
                                  "64",
                                  "36",
                                  "-scene_var",
                                  "pixel_samples",
                                  "32",
                                  "-frames",
                                  "1-4",
                                  "-out",
                                  "shot.####.exr",
                                  "-checkpoint"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(SequenceCli, FourFramesEqualFourSingleFrameRenders) {
    const fs::path dir = freshDir("sequence_four_frames");
    const test::CommandResult seq = runOk(kShot + " -frames 1-4 -out seq.####.exr", dir);
    EXPECT_NE(seq.output.find("frame 4 (4/4)"), std::string::npos) << seq.output;
    for (int frame = 1; frame <= 4; ++frame) {
        const fs::path single = dir / ("single" + std::to_string(frame));
        fs::create_directories(single);
        runOk(kShot + " -scene_var frame " + std::to_string(frame) + " -out single.exr", single);
        expectSamePixels(dir / frameFile("seq", frame), single / "single.exr");
    }
    // The frames differ: the shot moves.
    EXPECT_NE(readFile(dir / frameFile("seq", 1)).image.channels.front().floats,
              readFile(dir / frameFile("seq", 4)).image.channels.front().floats);
}

// Draft every frame at 4 spp, continue to 16 (the scene's own count), compare with 16
// rendered directly; a third run finds every frame final and skips it.
TEST(SequenceCli, UniformDraftContinuedToFinalEqualsDirectFinal) {
    const fs::path dir = freshDir("sequence_draft_uniform");
    const std::string shot = kShot + " -frames 1-3 -out shot.####.exr -checkpoint 1m";
    const test::CommandResult draft = runOk(shot + " -checkpoint_sample_cap 4", dir);
    EXPECT_EQ(count(draft.output, "  draft  "), 3u + 3u) << draft.output;  // lines + table
    const test::CommandResult final =
        runOk(shot + " -resume_render -sequence_report report.json", dir);
    EXPECT_EQ(count(final.output, "Resuming render"), 3u) << final.output;
    const fs::path direct = dir / "direct";
    fs::create_directories(direct);
    runOk(shot, direct);
    for (int frame = 1; frame <= 3; ++frame) {
        expectSamePixels(dir / frameFile("shot", frame), direct / frameFile("shot", frame));
    }
    std::ifstream in(dir / "report.json");
    const nlohmann::json report = nlohmann::json::parse(in);
    ASSERT_EQ(report["frames"].size(), 3u);
    for (const nlohmann::json& frame : report["frames"]) {
        EXPECT_EQ(frame["state"], "final");
        EXPECT_EQ(frame["spp_min"], 16);
    }

    const auto before = fs::last_write_time(dir / frameFile("shot", 2));
    const test::CommandResult again = runOk(shot + " -resume_render", dir);
    EXPECT_EQ(count(again.output, "(skipped)"), 3u + 3u) << again.output;
    EXPECT_EQ(count(again.output, "Rendering "), 0u) << again.output;
    EXPECT_EQ(fs::last_write_time(dir / frameFile("shot", 2)), before) << "a skip rewrote a file";
    // A draft rerun does not undo a final frame.
    const test::CommandResult redraft =
        runOk(shot + " -checkpoint_sample_cap 4 -resume_render", dir);
    EXPECT_EQ(count(redraft.output, "(skipped)"), 3u + 3u) << redraft.output;
}

TEST(SequenceCli, AdaptiveDraftContinuedToFinalEqualsDirectFinal) {
    const fs::path dir = freshDir("sequence_draft_adaptive");
    const std::string shot = kShot +
                             " -frames 2,5 -out shot.####.exr -checkpoint 1m -checkpoint_asfinal"
                             " -scene_var sampling_mode 2 -scene_var min_adaptive_samples 4"
                             " -scene_var max_adaptive_samples 256";
    runOk(shot + " -scene_var target_adaptive_error 0.2", dir);
    const test::CommandResult final =
        runOk(shot + " -scene_var target_adaptive_error 0.05 -resume_render", dir);
    EXPECT_EQ(count(final.output, "Resuming render"), 2u) << final.output;
    const fs::path direct = dir / "direct";
    fs::create_directories(direct);
    runOk(shot + " -scene_var target_adaptive_error 0.05", direct);
    for (int frame : {2, 5}) {
        expectSamePixels(dir / frameFile("shot", frame), direct / frameFile("shot", frame));
        expectSamePixels(dir / frameFile("animated_shot_checkpoint", frame),
                         direct / frameFile("animated_shot_checkpoint", frame));
    }
}

// 1024 spp per frame (about a second each) with a checkpoint every 0.12 s: frame 3 is
// killed a little after its first checkpoint is on disk.
TEST(SequenceCli, KilledInFrameThreeResumesToACleanRun) {
    const fs::path dir = freshDir("sequence_kill9");
    const std::vector<std::string> args =
        longFrames({"-checkpoint_interval", "0.002", "-threads", "2"});
    std::string joined;
    for (const std::string& a : args) joined += a + " ";
    {
        ChildProcess render(args, dir);
        ASSERT_TRUE(ChildProcess::waitFor(
            [&] { return fs::exists(dir / frameFile("animated_shot_checkpoint", 3)); }, 120.0))
            << render.log();
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        render.signal(SIGKILL);
        EXPECT_EQ(render.wait(), -1);
    }
    ASSERT_FALSE(fs::exists(dir / frameFile("shot", 3))) << "frame 3 ended before the kill";
    ASSERT_FALSE(fs::exists(dir / frameFile("shot", 4)));
    const test::CommandResult resumed = runOk(joined + "-resume_render", dir);
    EXPECT_NE(resumed.output.find("frame 0001  final"), std::string::npos) << resumed.output;
    EXPECT_EQ(count(resumed.output, "(skipped)"), 2u + 2u) << resumed.output;
    EXPECT_EQ(count(resumed.output, "Resuming render"), 1u) << resumed.output;
    const fs::path clean = dir / "clean";
    fs::create_directories(clean);
    runOk(joined, clean);
    for (int frame = 1; frame <= 4; ++frame) {
        expectSamePixels(dir / frameFile("shot", frame), clean / frameFile("shot", frame));
    }
}

TEST(SequenceCli, BadFrameSpecsExitTwoNamingTheOption) {
    const fs::path dir = freshDir("sequence_bad_specs");
    for (const char* spec : {"5-1", "1-", "x", "1-10x0", "1,1"}) {
        const test::CommandResult r =
            runRenderer(kShot + " -out s.####.exr -frames " + spec, dir.string());
        EXPECT_EQ(r.exitCode, kBadInput) << spec << "\n" << r.output;
        EXPECT_NE(r.output.find("option '-frames'"), std::string::npos) << spec << r.output;
    }
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(SequenceCli, NamesThatDoNotChangeWithTheFrameFailBeforeRendering) {
    const fs::path dir = freshDir("sequence_bad_names");
    const test::CommandResult out = runRenderer(kShot + " -frames 1-2 -out s.exr", dir.string());
    EXPECT_EQ(out.exitCode, kBadInput) << out.output;
    EXPECT_NE(out.output.find("option '-out': 's.exr' has no frame token"), std::string::npos)
        << out.output;
    const std::string overlay =
        test::writeFile(dir / "same.rdla",
                        "RenderOutput(\"/beauty\") { [\"file_name\"] = \"same.exr\" }\n"
                        "RenderOutput(\"/alpha\") { [\"file_name\"] = \"same.exr\" }\n");
    const test::CommandResult scene =
        runRenderer(kShot + " -in " + overlay + " -frames 3,4", dir.string());
    EXPECT_EQ(scene.exitCode, kBadInput) << scene.output;
    EXPECT_NE(scene.output.find("RenderOutput '/beauty' file_name: 'same.exr' is the same file "
                                "for frames 3 and 4"),
              std::string::npos)
        << scene.output;
    EXPECT_EQ(scene.output.find("Rendering "), std::string::npos) << scene.output;
    const test::CommandResult both =
        runRenderer(kShot + " -frames 1-2 -scene_var frame 3", dir.string());
    EXPECT_EQ(both.exitCode, kBadInput) << both.output;
}

TEST(SequenceCli, SigtermStopsTheSequenceInItsFrame) {
    const fs::path dir = freshDir("sequence_sigterm");
    const std::vector<std::string> args = longFrames({"-sequence_report", "report.json"});
    ChildProcess render(args, dir);
    ASSERT_TRUE(render.waitForLog("Frame 2 (2/4)")) << render.log();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    render.signal(SIGTERM);
    ASSERT_EQ(render.wait(), kInterrupted) << render.log();
    EXPECT_TRUE(fs::exists(dir / frameFile("shot", 1)));
    EXPECT_TRUE(fs::exists(dir / frameFile("animated_shot_checkpoint", 2)));
    EXPECT_FALSE(fs::exists(dir / frameFile("shot", 3))) << render.log();
    EXPECT_EQ(render.log().find("Frame 3 (3/4)"), std::string::npos) << render.log();
    std::ifstream in(dir / "report.json");
    const nlohmann::json report = nlohmann::json::parse(in);
    EXPECT_EQ(report["frames"][0]["state"], "final");
    EXPECT_EQ(report["frames"][1]["state"], "interrupted");
    EXPECT_EQ(report["frames"][2]["state"], "pending");
    EXPECT_EQ(report["frames"][3]["state"], "pending");
}

// A 2 s deadline on frames of about a second each: every frame gets its 4 spp draft,
// then the noisiest are refined, and the run ends on time with every frame resumable.
TEST(SequenceCli, DeadlineStopsOnTimeWithEveryFrameOnDisk) {
    const fs::path dir = freshDir("sequence_deadline");
    const std::vector<std::string> args =
        longFrames({"-sequence_deadline", "2", "-sequence_report", "report.json"});
    std::string joined;
    for (const std::string& a : args) joined += a + " ";
    const auto start = std::chrono::steady_clock::now();
    const test::CommandResult r = runOk(joined, dir);
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // Process start and scene loads, one tile task past the time cap, the last write.
    EXPECT_LT(wall, 2.0 + 1.5) << r.output;
    EXPECT_NE(r.output.find("Deadline: "), std::string::npos) << r.output;
    std::ifstream in(dir / "report.json");
    const nlohmann::json report = nlohmann::json::parse(in);
    ASSERT_EQ(report["frames"].size(), 4u);
    unsigned most = 0;
    for (int frame = 1; frame <= 4; ++frame) {
        const nlohmann::json& f = report["frames"][frame - 1];
        EXPECT_GE(f["spp_min"].get<unsigned>(), 4u) << "frame " << frame << " below the floor";
        EXPECT_NE(f["note"].get<std::string>(), "");
        most = std::max(most, f["spp_min"].get<unsigned>());
        EXPECT_TRUE(fs::exists(dir / frameFile("shot", frame)));
        const test::FileState state =
            test::readState(dir / frameFile("animated_shot_checkpoint", frame));
        EXPECT_TRUE(state.ok) << "not resumable: " << state.error;
    }
    EXPECT_GT(most, 4u) << "no frame was refined past the floor\n" << r.output;
}

// The playblast: lua/playblast.lua keeps one JPEG per frame up to date through the draft
// and the final, and scripts/playblast-movie makes the H.264 movie of them.
TEST(SequenceCli, PlayblastKeepsAJpegPerFrameAndMakesAMovie) {
    const fs::path dir = freshDir("sequence_playblast");
    fs::create_directories(dir / "review");
    const std::string shot = "RT_PLAYBLAST_DIR=review RT_PLAYBLAST_SIZE=48 " +
                             std::string(RT_RENDERER_CMD) + " " + kShot +
                             " -frames 1,3,5 -out shot.####.exr -checkpoint 1m"
                             " -scene_var checkpoint_post_script " RT_SOURCE_DIR
                             "/lua/playblast.lua";
    const test::CommandResult draft =
        runRenderer(shot + " -checkpoint_sample_cap 2", dir.string(), false);
    ASSERT_EQ(draft.exitCode, 0) << draft.output;
    EXPECT_NE(draft.output.find("frame 5: wrote 'review/playblast.0005.jpg'"), std::string::npos)
        << draft.output;
    const std::string draftJpeg = test::readBytes((dir / "review/playblast.0003.jpg").string());
    const test::CommandResult final = runRenderer(shot + " -resume_render", dir.string(), false);
    ASSERT_EQ(final.exitCode, 0) << final.output;
    EXPECT_NE(test::readBytes((dir / "review/playblast.0003.jpg").string()), draftJpeg)
        << "the final did not refresh the frame's JPEG";
    size_t jpegs = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir / "review")) jpegs += 1;
    EXPECT_EQ(jpegs, 3u) << "one JPEG per frame, no .part left";

    const test::CommandResult movie =
        runRenderer(std::string(RT_SOURCE_DIR) + "/scripts/playblast-movie review shot.mp4",
                    dir.string(), false);
    ASSERT_EQ(movie.exitCode, 0) << movie.output;
    const test::CommandResult probe = runRenderer(
        "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
        "stream=codec_name,nb_read_frames,width -of csv=p=0 shot.mp4",
        dir.string(), false);
    EXPECT_EQ(probe.output, "h264,48,3\n") << probe.output;
}

}  // namespace
}  // namespace rt
