// The checkpoint policy against a fake clock and made-up sample counts.
#include <gtest/gtest.h>

#include "checkpoint/CheckpointPolicy.h"

namespace rt {
namespace {

CheckpointDecision at(CheckpointPolicy& policy, double seconds, uint32_t minSpp,
                      bool passEnded = false) {
    return policy.evaluate({seconds, minSpp, passEnded});
}

const CheckpointDecision kNone{};
const CheckpointDecision kCheckpoint{true, false, "checkpoint"};

CheckpointSettings timeMode(double interval) {
    CheckpointSettings s;
    s.mode = CheckpointMode::Time;
    s.intervalSeconds = interval;
    s.finalSamples = 1024;
    return s;
}

TEST(CheckpointPolicy, TimeModeFirstAtOneSppAndFiveSecondsThenEveryInterval) {
    CheckpointPolicy policy(timeMode(60.0));
    EXPECT_EQ(at(policy, 0.0, 0), kNone);
    EXPECT_EQ(at(policy, 2.0, 1), kCheckpoint);  // 1 spp complete
    EXPECT_EQ(at(policy, 3.0, 1), kNone);
    EXPECT_EQ(at(policy, 5.0, 1), kCheckpoint);  // 5 s after the start
    EXPECT_EQ(at(policy, 30.0, 2), kNone);
    EXPECT_EQ(at(policy, 59.9, 2), kNone);
    EXPECT_EQ(at(policy, 60.0, 3), kCheckpoint);
    EXPECT_EQ(at(policy, 61.0, 3), kNone);
    // Busy past two grid times: one snapshot, then back on the grid (240 s).
    EXPECT_EQ(at(policy, 185.0, 4), kCheckpoint);
    EXPECT_EQ(at(policy, 239.0, 4), kNone);
    EXPECT_EQ(at(policy, 240.0, 4), kCheckpoint);
}

TEST(CheckpointPolicy, ShortIntervalsStartAtTheInterval) {
    CheckpointPolicy policy(timeMode(2.0));
    EXPECT_EQ(at(policy, 1.0, 1), kCheckpoint);  // 1 spp
    EXPECT_EQ(at(policy, 1.5, 1), kNone);
    EXPECT_EQ(at(policy, 2.0, 1), kCheckpoint);  // the first interval, not 5 s
    EXPECT_EQ(at(policy, 3.0, 2), kNone);
    EXPECT_EQ(at(policy, 4.0, 2), kCheckpoint);
    EXPECT_EQ(at(policy, 5.0, 2), kNone);  // no extra 5-second checkpoint
}

TEST(CheckpointPolicy, NothingIsWrittenBeforeOneSamplePerPixel) {
    // checkpoint_start_sample defaults to 1: a checkpoint of a half-sampled image is useless.
    CheckpointPolicy policy(timeMode(2.0));
    EXPECT_EQ(at(policy, 2.0, 0), kNone);
    EXPECT_EQ(at(policy, 4.0, 0), kNone);
    EXPECT_EQ(at(policy, 4.5, 1), kCheckpoint);
}

TEST(CheckpointPolicy, StartSampleSuppressesEarlierFiles) {
    CheckpointSettings s = timeMode(10.0);
    s.startSample = 4;
    CheckpointPolicy policy(s);
    EXPECT_EQ(at(policy, 1.0, 1), kNone);  // 1 spp: suppressed
    EXPECT_EQ(at(policy, 5.0, 2), kNone);  // 5 s: suppressed
    EXPECT_EQ(at(policy, 10.0, 3), kNone);
    EXPECT_EQ(at(policy, 20.0, 4), kCheckpoint);
}

TEST(CheckpointPolicy, TimeCapSnapshotsAndStopsOnce) {
    CheckpointSettings s = timeMode(60.0);
    s.timeCapSeconds = 100.0;
    CheckpointPolicy policy(s);
    EXPECT_EQ(at(policy, 2.0, 1), kCheckpoint);   // 1 spp
    EXPECT_EQ(at(policy, 99.0, 5), kCheckpoint);  // the 5 s and 60 s ones, merged
    EXPECT_EQ(at(policy, 99.5, 5), kNone);
    EXPECT_EQ(at(policy, 100.0, 5), (CheckpointDecision{true, true, "exitat"}));
    EXPECT_EQ(at(policy, 120.0, 5), kNone);  // stopped: nothing more
}

TEST(CheckpointPolicy, SampleCapIsTheSampleLimitAndStops) {
    CheckpointSettings s = timeMode(600.0);
    s.sampleCap = 16;
    CheckpointPolicy policy(s);
    EXPECT_EQ(policy.sampleLimit(), 16u);
    at(policy, 1.0, 1);
    EXPECT_EQ(at(policy, 2.0, 15), kNone);
    EXPECT_EQ(at(policy, 3.0, 16, true), (CheckpointDecision{true, true, "sample cap"}));

    // A cap at or above the final count changes nothing: the render ends normally.
    s.sampleCap = 2048;
    CheckpointPolicy uncapped(s);
    EXPECT_EQ(uncapped.sampleLimit(), 1024u);
    at(uncapped, 1.0, 1);
    EXPECT_EQ(at(uncapped, 2.0, 1024, true), kNone);
}

TEST(CheckpointPolicy, QualityModeUniformAtPassEnds) {
    CheckpointSettings s;
    s.mode = CheckpointMode::Quality;
    s.qualitySteps = 2;
    s.finalSamples = 9;
    CheckpointPolicy policy(s);
    EXPECT_EQ(policy.qualitySamples(), (std::vector<uint32_t>{1, 3, 5, 7}));
    std::vector<uint32_t> snapshots;
    for (uint32_t spp = 1; spp <= 9; ++spp) {
        EXPECT_EQ(at(policy, spp * 100.0, spp, false), kNone);  // never mid-pass
        if (at(policy, spp * 100.0, spp, true).snapshot) snapshots.push_back(spp);
    }
    EXPECT_EQ(snapshots, (std::vector<uint32_t>{1, 3, 5, 7}));
}

TEST(CheckpointPolicy, QualityModeAdaptiveAlongTheTableWithASampleCap) {
    CheckpointSettings s;
    s.mode = CheckpointMode::Quality;
    s.adaptive = true;
    s.qualitySteps = 2;
    s.finalSamples = 4096;
    s.sampleCap = 30;
    CheckpointPolicy policy(s);
    EXPECT_EQ(policy.qualitySamples(), (std::vector<uint32_t>{1, 11, 29}));
    std::vector<uint32_t> snapshots;
    bool stopped = false;
    for (uint32_t spp : {1u, 5u, 11u, 19u, 29u, 30u}) {
        const CheckpointDecision d = at(policy, 0.0, spp, true);
        if (d.snapshot) snapshots.push_back(spp);
        stopped = stopped || d.stop;
    }
    EXPECT_EQ(snapshots, (std::vector<uint32_t>{1, 11, 29, 30}));  // 30: the cap's snapshot
    EXPECT_TRUE(stopped);
}

TEST(CheckpointPolicy, QualityModeNeverLooksAtTheClock) {
    CheckpointSettings s;
    s.mode = CheckpointMode::Quality;
    s.finalSamples = 4;
    s.qualitySteps = 1;
    CheckpointPolicy policy(s);
    EXPECT_EQ(at(policy, 1e6, 0, true), kNone);  // hours later, still 0 spp: nothing
    EXPECT_EQ(at(policy, 0.0, 1, true), kCheckpoint);
}

}  // namespace
}  // namespace rt
