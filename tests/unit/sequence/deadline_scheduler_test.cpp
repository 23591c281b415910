// The deadline scheduler's decisions from made-up frame states (no rendering), and a
// simulated shot whose error falls as 1/sqrt(spp): against a fixed time per frame of the
// same total, the scheduler leaves a lower worst frame.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sequence/DeadlineScheduler.h"

namespace rt {
namespace {

FrameProgress frame(int number, uint32_t spp, double error, double secondsPerSpp,
                    bool final = false) {
    return FrameProgress{number, spp, error, secondsPerSpp, final};
}

TEST(DeadlineScheduler, EveryFrameReachesTheDraftFloorFirstInShotOrder) {
    const std::vector<FrameProgress> frames = {frame(1, 4, 0.9, 1.0), frame(2, 0, 0.0, 0.0),
                                               frame(3, 0, 0.0, 0.0)};
    const auto stint = nextStint(frames, 0.0, DeadlinePolicy{});  // even with no time left
    ASSERT_TRUE(stint);
    EXPECT_EQ(stint->index, 1u);
    EXPECT_EQ(stint->targetSpp, 4u);
    EXPECT_DOUBLE_EQ(stint->estimatedSeconds, 4.0) << "unknown cost: the measured mean";
    EXPECT_NE(stint->why.find("draft floor"), std::string::npos) << stint->why;
}

TEST(DeadlineScheduler, ThenTheNoisiestFrameDoubles) {
    const std::vector<FrameProgress> frames = {frame(1, 4, 0.2, 1.0), frame(2, 8, 0.5, 1.0),
                                               frame(3, 4, 0.3, 1.0)};
    const auto stint = nextStint(frames, 100.0, DeadlinePolicy{});
    ASSERT_TRUE(stint);
    EXPECT_EQ(stint->index, 1u);
    EXPECT_EQ(stint->targetSpp, 16u);
    EXPECT_DOUBLE_EQ(stint->estimatedSeconds, 8.0);
    EXPECT_NE(stint->why.find("frame 2 from 8 to 16 spp"), std::string::npos) << stint->why;
}

TEST(DeadlineScheduler, AStintShrinksToTheTimeLeftOrGoesToAFrameThatFits) {
    std::vector<FrameProgress> frames = {frame(1, 8, 0.5, 1.0), frame(2, 8, 0.4, 0.25)};
    auto stint = nextStint(frames, 3.5, DeadlinePolicy{});
    ASSERT_TRUE(stint);
    EXPECT_EQ(stint->index, 0u);
    EXPECT_EQ(stint->targetSpp, 11u) << "3 more spp fit in 3.5 s";
    stint = nextStint(frames, 0.5, DeadlinePolicy{});  // one spp of frame 1 does not fit
    ASSERT_TRUE(stint);
    EXPECT_EQ(stint->index, 1u);
    EXPECT_EQ(stint->targetSpp, 10u);
    EXPECT_FALSE(nextStint(frames, 0.2, DeadlinePolicy{})) << "nothing fits: stop";
}

TEST(DeadlineScheduler, FinalFramesAndTheSppCeilingAreLeftAlone) {
    DeadlinePolicy policy;
    policy.maxSpp = 64;
    const std::vector<FrameProgress> frames = {frame(1, 64, 0.9, 1.0), frame(2, 16, 0.8, 1.0, true),
                                               frame(3, 48, 0.1, 1.0)};
    const auto stint = nextStint(frames, 1000.0, policy);
    ASSERT_TRUE(stint);
    EXPECT_EQ(stint->index, 2u);
    EXPECT_EQ(stint->targetSpp, 64u) << "capped at maxSpp";
    EXPECT_FALSE(nextStint({frame(1, 64, 0.9, 1.0), frame(2, 4, 0.8, 1.0, true)}, 1000.0, policy));
}

// A shot of frames whose error is k / sqrt(spp) and whose cost is c per spp.
struct SimFrame {
    double k, c;
};

double worstError(const std::vector<SimFrame>& shot, const std::vector<uint32_t>& spp) {
    double worst = 0.0;
    for (size_t i = 0; i < shot.size(); ++i)
        worst = std::max(worst, shot[i].k / std::sqrt(double(spp[i])));
    return worst;
}

TEST(DeadlineScheduler, ASimulatedShotEndsEvenerThanAFixedTimePerFrame) {
    // Easy frames, then a hard stretch (a caustic, say) that also costs more per sample.
    std::vector<SimFrame> shot;
    for (int i = 0; i < 24; ++i) shot.push_back(i < 16 ? SimFrame{0.2, 0.5} : SimFrame{1.0, 0.8});
    const double deadline = 24 * 60.0;
    DeadlinePolicy policy;
    policy.maxSpp = 100000;

    std::vector<FrameProgress> frames(shot.size());
    for (size_t i = 0; i < shot.size(); ++i) frames[i].frame = static_cast<int>(i + 1);
    double used = 0.0;
    int stints = 0;
    while (auto stint = nextStint(frames, deadline - used, policy)) {
        FrameProgress& f = frames[stint->index];
        used += (stint->targetSpp - f.spp) * shot[stint->index].c;  // the "render"
        f.spp = stint->targetSpp;
        f.meanError = shot[stint->index].k / std::sqrt(double(f.spp));
        f.secondsPerSpp = shot[stint->index].c;
        ASSERT_LT(++stints, 10000);
    }
    std::vector<uint32_t> scheduled(shot.size()), fixed(shot.size());
    for (size_t i = 0; i < shot.size(); ++i) {
        scheduled[i] = frames[i].spp;
        EXPECT_GE(scheduled[i], policy.minSpp);
        fixed[i] = static_cast<uint32_t>(60.0 / shot[i].c);  // a 60 s cap per frame
    }
    EXPECT_LE(used, deadline);
    EXPECT_GT(used, 0.95 * deadline) << "the time is used";
    EXPECT_LT(worstError(shot, scheduled), 0.8 * worstError(shot, fixed));
}

}  // namespace
}  // namespace rt
