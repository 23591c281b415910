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

TEST(CheckpointNaming, TileSampleTotalPaddedToTheFinalTotal) {
    // 5 spp = 320 tile samples; 4096 spp = 262144: six digits.
    EXPECT_EQ(multiVersionFileName("checkpoint.exr", 5, 4096), "checkpoint_000320.exr");
    EXPECT_EQ(multiVersionFileName("checkpoint.exr", 4096, 4096), "checkpoint_262144.exr");
    // 64 spp final = 4096: four digits.
    EXPECT_EQ(multiVersionFileName("cp/beauty.exr", 1, 64), "cp/beauty_0064.exr");
}

TEST(CheckpointNaming, ExtensionsAndDirectoriesAreKept) {
    EXPECT_EQ(multiVersionFileName("noext", 1, 1), "noext_64");
    EXPECT_EQ(multiVersionFileName("dir.v2/cp", 1, 1), "dir.v2/cp_64");
    EXPECT_EQ(multiVersionFileName("dir.v2/cp.exr", 2, 16), "dir.v2/cp_0128.exr");
    EXPECT_EQ(multiVersionFileName(".hidden", 1, 1), ".hidden_64");
}

}  // namespace
}  // namespace rt
