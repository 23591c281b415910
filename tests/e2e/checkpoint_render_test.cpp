// Checkpoints end to end through renderer_cmd (doc/CHECKPOINTS.md): which files appear
// at which sample counts, caps, the last checkpoint against the final output, atomic
// sets, write failures and MoonRay's documented command line.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>

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

using test::Exr;
using test::intOf;
using test::readFile;
using test::textOf;

std::set<std::string> filesIn(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.insert(entry.path().filename().string());
    }
    return names;
}

// Every channel of `a` is in `b` with the same values.
void expectSamePixels(const Exr& a, const Exr& b) {
    ASSERT_EQ(a.image.width, b.image.width);
    ASSERT_EQ(a.image.height, b.image.height);
    ASSERT_FALSE(a.image.channels.empty());
    for (const ImageChannel& channel : a.image.channels) {
        const ImageChannel* other = b.image.find(channel.name);
        ASSERT_NE(other, nullptr) << channel.name;
        EXPECT_EQ(channel.floats, other->floats) << channel.name;
    }
}

// A 32x32 Cornell box with 9 spp, uniform, writing out.exr into the working directory.
const std::string kSmallUniform =
    "-in " + scenePath("cornell_box.rdla") + " -size 32 32 -scene_var pixel_samples 3 -out out.exr";

TEST(CheckpointRender, QualityModeNonOverwriteWritesExactlyTheExpectedFiles) {
    const fs::path dir = freshDir("cp_quality_uniform");
    const auto r = runRenderer(kSmallUniform +
                                   " -checkpoint_mode quality -checkpoint_quality_steps 3"
                                   " -checkpoint_overwrite false",
                               dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    // Checkpoints at 1, 4 and 7 spp, the final at 9: NNNN = spp x 64, three digits
    // because the final total is 576. The regular checkpoint file holds the last one.
    // Each intermediate checkpoint has its resume state file; the final (576) has none
    // without checkpoint_asfinal, and checkpoint.exr's older one was removed with it.
    EXPECT_EQ(filesIn(dir),
              (std::set<std::string>{"out.exr", "checkpoint.exr", "checkpoint_064.exr",
                                     "checkpoint_064.resume", "checkpoint_256.exr",
                                     "checkpoint_256.resume", "checkpoint_448.exr",
                                     "checkpoint_448.resume", "checkpoint_576.exr"}));
    const std::pair<const char*, int> expected[] = {{"checkpoint_064.exr", 1},
                                                    {"checkpoint_256.exr", 4},
                                                    {"checkpoint_448.exr", 7},
                                                    {"checkpoint_576.exr", 9}};
    int serial = 0;
    for (const auto& [name, spp] : expected) {
        const Exr exr = readFile(dir / name);
        EXPECT_EQ(intOf(exr, "samplesPerPixelMin"), spp) << name;
        EXPECT_EQ(intOf(exr, "samplesPerPixelMax"), spp) << name;
        EXPECT_EQ(intOf(exr, "progressCheckpointTileSamples"), spp * 64) << name;
        EXPECT_GT(intOf(exr, "checkpointSerial"), serial) << name;
        serial = intOf(exr, "checkpointSerial");
        EXPECT_EQ(textOf(exr, "checkpointMode"), "quality") << name;
        EXPECT_EQ(textOf(exr, "checkpointReason"), spp == 9 ? "final" : "checkpoint") << name;
    }
    const Exr final = readFile(dir / "out.exr");
    const Exr last = readFile(dir / "checkpoint.exr");
    EXPECT_EQ(intOf(final, "checkpointSerial"), serial);
    EXPECT_EQ(intOf(last, "checkpointSerial"), serial);
    EXPECT_EQ(textOf(final, "renderId"), textOf(last, "renderId"));
    EXPECT_EQ(intOf(final, "renderComplete"), 1);
    expectSamePixels(final, last);
}

TEST(CheckpointRender, AdaptiveQualityStepsFollowTheTableAndTheSampleCapIsExact) {
    const fs::path dir = freshDir("cp_quality_adaptive");
    const std::string scene = test::writeFile(
        dir / "samples.rdla",
        "RenderOutput(\"/spp\") { result = \"samples\", file_name = \"out.exr\" }\n");
    const auto r = runRenderer("-in " + scenePath("caustic_room.rdla") + " -in " + scene +
                                   " -size 24 24 -out out.exr -scene_var sampling_mode adaptive"
                                   " -scene_var min_adaptive_samples 4"
                                   " -scene_var max_adaptive_samples 1024"
                                   " -scene_var target_adaptive_error 0.01"
                                   " -checkpoint 2i,40i -checkpoint_overwrite false",
                               dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    // Every second table step below the cap of 40: 1, 11, 29; then the cap's final
    // output, cut exactly at 40 spp. Width: the uncapped final total 1024 x 64.
    EXPECT_EQ(filesIn(dir),
              (std::set<std::string>{
                  "samples.rdla", "out.exr", "checkpoint.exr", "checkpoint.resume",
                  "checkpoint_00064.exr", "checkpoint_00064.resume", "checkpoint_00704.exr",
                  "checkpoint_00704.resume", "checkpoint_01856.exr", "checkpoint_01856.resume",
                  "checkpoint_02560.exr", "checkpoint_02560.resume"}));
    const Exr final = readFile(dir / "out.exr");
    EXPECT_EQ(intOf(final, "samplesPerPixelMax"), 40);
    EXPECT_EQ(intOf(final, "renderComplete"), 0);  // capped: resumable to the final quality
    const ImageChannel* samples = final.image.find("samples");
    ASSERT_NE(samples, nullptr);
    EXPECT_EQ(*std::max_element(samples->floats.begin(), samples->floats.end()), 40.0f);
    expectSamePixels(final, readFile(dir / "checkpoint.exr"));
}

TEST(CheckpointRender, UniformSampleCapIsExactAndStartSampleSuppressesEarlyFiles) {
    const fs::path dir = freshDir("cp_sample_cap");
    const auto r = runRenderer(kSmallUniform +
                                   " -checkpoint 1i -checkpoint_sample_cap 6"
                                   " -scene_var checkpoint_start_sample 4"
                                   " -checkpoint_overwrite false",
                               dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(filesIn(dir), (std::set<std::string>{"out.exr", "checkpoint.exr", "checkpoint.resume",
                                                   "checkpoint_256.exr", "checkpoint_256.resume",
                                                   "checkpoint_320.exr", "checkpoint_320.resume",
                                                   "checkpoint_384.exr", "checkpoint_384.resume"}));
    const Exr final = readFile(dir / "out.exr");
    EXPECT_EQ(intOf(final, "samplesPerPixelMin"), 6);
    EXPECT_EQ(intOf(final, "samplesPerPixelMax"), 6);
}

TEST(CheckpointRender, TotalFilesAreConvertedIntoStepsAndLogged) {
    const fs::path dir = freshDir("cp_total_files");
    // 9 spp, 3 files: 2 checkpoints (every 4th count: 1, 5) and the final output.
    const auto r = runRenderer(kSmallUniform +
                                   " -checkpoint_mode quality -checkpoint_overwrite false"
                                   " -scene_var checkpoint_total_files 3",
                               dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("every 4 steps, at 1, 5 spp"), std::string::npos) << r.output;
    EXPECT_EQ(filesIn(dir),
              (std::set<std::string>{"out.exr", "checkpoint.exr", "checkpoint_064.exr",
                                     "checkpoint_064.resume", "checkpoint_320.exr",
                                     "checkpoint_320.resume", "checkpoint_576.exr"}));
}

TEST(CheckpointRender, TimeCapStopsPromptlyAndWritesTheCheckpointAndTheOutput) {
    const fs::path dir = freshDir("cp_time_cap");
    // About a minute of work at full quality; the cap stops it after 1.5 s.
    const auto begin = std::chrono::steady_clock::now();
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") +
                                   " -size 256 256 -scene_var pixel_samples 64 -out out.exr"
                                   " -checkpoint 0.5s,1.5s -threads 2",
                               dir.string());
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - begin).count();
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_LT(seconds, 10.0) << r.output;
    EXPECT_EQ(filesIn(dir),
              (std::set<std::string>{"out.exr", "checkpoint.exr", "checkpoint.resume"}));
    const Exr final = readFile(dir / "out.exr");
    EXPECT_EQ(textOf(final, "checkpointReason"), "exitat");
    EXPECT_EQ(intOf(final, "renderComplete"), 0);
    EXPECT_EQ(textOf(final, "checkpointMode"), "time");
    const double elapsed = final.metadata.get<double>("checkpointElapsed").value_or(-1.0);
    EXPECT_GE(elapsed, 1.5);
    EXPECT_LT(elapsed, 3.0);  // within a tile task of the cap, with room for a busy CI host
    expectSamePixels(final, readFile(dir / "checkpoint.exr"));
    // Checkpoints came before the cap, about every half second, numbered in order.
    const std::regex line("Checkpoint ([0-9]+) at ([0-9.]+) s");
    int count = 0;
    for (auto it = std::sregex_iterator(r.output.begin(), r.output.end(), line);
         it != std::sregex_iterator(); ++it) {
        ++count;
        EXPECT_EQ(std::stoi((*it)[1]), count);
        EXPECT_LT(std::stod((*it)[2]), 1.5);
    }
    EXPECT_GE(count, 2) << r.output;
}

TEST(CheckpointRender, FailedCheckpointWritesKeepThePreviousCheckpoint) {
    const fs::path dir = freshDir("cp_write_failure");
    // A checkpoint from an earlier render, then a directory where the new one's .part
    // must go: every write of checkpoint.exr fails (like a full disk), whoever runs it.
    ASSERT_EQ(runRenderer(kSmallUniform + " -checkpoint_mode quality", dir.string()).exitCode, 0);
    const std::string previous = test::readBytes((dir / "checkpoint.exr").string());
    fs::remove(dir / "out.exr");
    fs::create_directory(dir / "checkpoint.exr.part");

    const auto r = runRenderer(kSmallUniform + " -checkpoint_mode quality", dir.string());
    // The render went on past failed checkpoints to the end; the final set failed with
    // its checkpoint, so the exit code says so, but the image itself was saved.
    EXPECT_EQ(r.exitCode, 1) << r.output;
    EXPECT_NE(r.output.find("checkpoint 1 not written"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Rendered in"), std::string::npos) << r.output;
    EXPECT_EQ(test::readBytes((dir / "checkpoint.exr").string()), previous);
    EXPECT_TRUE(fs::exists(dir / "out.exr"));
    EXPECT_EQ(filesIn(dir),
              (std::set<std::string>{"out.exr", "checkpoint.exr", "checkpoint.exr.part"}));
}

TEST(CheckpointRender, UnwritableCheckpointDirectoryFailsBeforeRendering) {
    const fs::path dir = freshDir("cp_unwritable");
    const std::string scene =
        test::writeFile(dir / "cp.rdla",
                        "RenderOutput(\"/mine\") { result = \"beauty\", file_name = "
                        "\"mine.exr\", checkpoint_file_name = \"missing/dir/cp.exr\" }\n");
    const auto r = runRenderer(
        "-in " + scenePath("cornell_box.rdla") + " -in " + scene + " -size 16 16 -checkpoint",
        dir.string());
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("missing/dir/cp.exr"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("cp.rdla:1"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Rendering"), std::string::npos) << r.output;
}

TEST(CheckpointRender, MoonRayDocumentationCommandLine) {
    const fs::path dir = freshDir("cp_moonray_doc");
    const auto r = runRenderer(kSmallUniform +
                                   " -checkpoint -scene_var checkpoint_mode 1"
                                   " -scene_var checkpoint_quality_steps 2"
                                   " -scene_var checkpoint_time_cap 120",
                               dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(filesIn(dir), (std::set<std::string>{"out.exr", "checkpoint.exr"}));
    const Exr last = readFile(dir / "checkpoint.exr");
    EXPECT_EQ(textOf(last, "checkpointMode"), "quality");
    EXPECT_EQ(textOf(last, "checkpointReason"), "final");
    // 1, 3, 5, 7 spp, then the final: the fifth set.
    EXPECT_EQ(intOf(last, "checkpointSerial"), 5);
    expectSamePixels(readFile(dir / "out.exr"), last);
}

TEST(CheckpointRender, WithoutCheckpointsOnlyTheOutputIsWritten) {
    const fs::path dir = freshDir("cp_off");
    const auto r = runRenderer(kSmallUniform, dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(filesIn(dir), std::set<std::string>{"out.exr"});
    const Exr final = readFile(dir / "out.exr");
    EXPECT_EQ(textOf(final, "checkpointMode"), "off");
    EXPECT_EQ(intOf(final, "checkpointSerial"), 1);
}

}  // namespace
}  // namespace rt
