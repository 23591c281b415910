// Quality-mode checkpoint counts and non-overwrite file names, worked by hand.
#include <gtest/gtest.h>

#include "checkpoint/CheckpointNaming.h"
#include "checkpoint/QualitySchedule.h"

namespace rt {
namespace {

using Samples = std::vector<uint32_t>;

TEST(QualitySchedule, UniformEveryStepsSamples) {
    // MoonRay: files at 1, 1 + s, 1 + 2s ... spp; the final output is not listed.
    EXPECT_EQ(qualityCheckpointSamples(false, 2, 9), (Samples{1, 3, 5, 7}));
    EXPECT_EQ(qualityCheckpointSamples(false, 4, 16), (Samples{1, 5, 9, 13}));
    EXPECT_EQ(qualityCheckpointSamples(false, 1, 4), (Samples{1, 2, 3}));
    EXPECT_EQ(qualityCheckpointSamples(false, 2, 1), Samples{});
}

TEST(QualitySchedule, AdaptiveWalksTheTable) {
    // Table 1, 5, 11, 19, 29, 41, 55, 71, 89 ...; every 2nd step: 1, 11, 29, 55, 89 ...
    EXPECT_EQ(qualityCheckpointSamples(true, 2, 100), (Samples{1, 11, 29, 55, 89}));
    EXPECT_EQ(qualityCheckpointSamples(true, 1, 30), (Samples{1, 5, 11, 19, 29}));
    EXPECT_EQ(qualityCheckpointSamples(true, 3, 4096).front(), 1u);
    EXPECT_EQ(qualityCheckpointSamples(true, 3, 4096)[1], 19u);  // step 4
}

TEST(QualitySchedule, ZeroStepsMeansEveryStep) {
    EXPECT_EQ(qualityCheckpointSamples(false, 0, 4), (Samples{1, 2, 3}));
}

TEST(QualitySchedule, TotalFilesBecomeSteps) {
    // Uniform 64 spp: 63 candidate counts (1..63); 4 files = 3 checkpoints + final:
    // every 21st count -> 1, 22, 43.
    EXPECT_EQ(qualityStepsForTotalFiles(false, 4, 64), 21u);
    EXPECT_EQ(qualityCheckpointSamples(false, 21, 64), (Samples{1, 22, 43}));
    // Every candidate fits: one step.
    EXPECT_EQ(qualityStepsForTotalFiles(false, 100, 8), 1u);
    // Adaptive to 100: table steps 1 5 11 19 29 41 55 71 89 (9 candidates); 4 files ->
    // every 3rd step -> 1, 19, 55.
    EXPECT_EQ(qualityStepsForTotalFiles(true, 4, 100), 3u);
    EXPECT_EQ(qualityCheckpointSamples(true, 3, 100), (Samples{1, 19, 55}));
    // Only the final output: no checkpoints.
    EXPECT_EQ(qualityStepsForTotalFiles(false, 1, 64), 0u);
    EXPECT_EQ(qualityStepsForTotalFiles(true, 0, 64), 0u);
    // Never more files than asked for, for any request.
    for (uint32_t files = 2; files < 80; ++files) {
        const uint32_t steps = qualityStepsForTotalFiles(false, files, 64);
        EXPECT_LE(qualityCheckpointSamples(false, steps, 64).size() + 1, files) << files;
        EXPECT_GE(steps, 1u);
    }
}

TEST(CheckpointNaming, TileSamplesOfAnImage) {
    EXPECT_EQ(tileSamples(0, 100), 0u);
    EXPECT_EQ(tileSamples(500, 100), 320u);  // 5 spp
    EXPECT_EQ(tileSamples(150, 100), 96u);   // 1.5 spp, mid-pass
    EXPECT_EQ(tileSamples(1, 100), 0u);      // rounded down
    EXPECT_EQ(tileSamples(uint64_t{1} << 50, uint64_t{1} << 20), uint64_t{1} << 36);
    EXPECT_EQ(tileSamples(7, 0), 0u);
}

TEST(CheckpointNaming, TileSampleTotalPaddedToTheFinalTotal) {
    // 5 spp = 320 tile samples; 4096 spp = 262144: six digits.
    EXPECT_EQ(multiVersionFileName("checkpoint.exr", 320, 262144), "checkpoint_000320.exr");
    EXPECT_EQ(multiVersionFileName("checkpoint.exr", 262144, 262144), "checkpoint_262144.exr");
    // 64 spp final = 4096: four digits.
    EXPECT_EQ(multiVersionFileName("cp/beauty.exr", 64, 4096), "cp/beauty_0064.exr");
}

TEST(CheckpointNaming, ExtensionsAndDirectoriesAreKept) {
    EXPECT_EQ(multiVersionFileName("noext", 64, 64), "noext_64");
    EXPECT_EQ(multiVersionFileName("dir.v2/cp", 64, 64), "dir.v2/cp_64");
    EXPECT_EQ(multiVersionFileName("dir.v2/cp.exr", 128, 1024), "dir.v2/cp_0128.exr");
    EXPECT_EQ(multiVersionFileName(".hidden", 64, 64), ".hidden_64");
}

}  // namespace
}  // namespace rt
