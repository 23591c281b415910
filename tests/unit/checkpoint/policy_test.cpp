// The checkpoint policy against a fake clock and made-up sample counts.
#include <gtest/gtest.h>

#include <cmath>

#include "checkpoint/CheckpointPolicy.h"

namespace rt {
namespace {

CheckpointDecision at(CheckpointPolicy& policy, double seconds, uint32_t sppLevel,
                      bool passEnded = false) {
    return policy.evaluate({seconds, sppLevel, passEnded});
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

TEST(CheckpointPolicy, SampleCapIsTheSampleLimit) {
    CheckpointSettings s = timeMode(600.0);
    s.sampleCap = 16;
    EXPECT_EQ(CheckpointPolicy(s).sampleLimit(), 16u);
    // A cap at or above the final count changes nothing.
    s.sampleCap = 2048;
    EXPECT_EQ(CheckpointPolicy(s).sampleLimit(), 1024u);
    s.sampleCap = 0;
    EXPECT_EQ(CheckpointPolicy(s).sampleLimit(), 1024u);
}

TEST(CheckpointPolicy, NextDueFollowsTheScheduleAndTheTimeCap) {
    CheckpointSettings s = timeMode(60.0);
    s.timeCapSeconds = 100.0;
    CheckpointPolicy policy(s);
    EXPECT_EQ(policy.nextDueSeconds(), 5.0);
    at(policy, 5.0, 1);
    EXPECT_EQ(policy.nextDueSeconds(), 60.0);
    at(policy, 60.0, 1);
    EXPECT_EQ(policy.nextDueSeconds(), 100.0);  // the cap comes before 120 s
    at(policy, 100.0, 1);
    EXPECT_TRUE(std::isinf(policy.nextDueSeconds()));  // stopped

    CheckpointSettings q;
    q.mode = CheckpointMode::Quality;
    EXPECT_TRUE(std::isinf(CheckpointPolicy(q).nextDueSeconds()));  // no clock at all
    q.timeCapSeconds = 30.0;
    EXPECT_EQ(CheckpointPolicy(q).nextDueSeconds(), 30.0);
}

TEST(CheckpointPolicy, TotalFilesChooseTheQualitySteps) {
    CheckpointSettings s;
    s.mode = CheckpointMode::Quality;
    s.qualitySteps = 2;
    s.totalFiles = 4;  // wins over qualitySteps
    s.finalSamples = 64;
    CheckpointPolicy policy(s);
    EXPECT_EQ(policy.qualitySteps(), 21u);
    EXPECT_EQ(policy.qualitySamples(), (std::vector<uint32_t>{1, 22, 43}));
    s.totalFiles = 1;  // the final output only
    CheckpointPolicy none(s);
    EXPECT_TRUE(none.qualitySamples().empty());
    EXPECT_EQ(at(none, 0.0, 1, true), kNone);
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
    // 30, the cap, is the end of this render: the final output, not the policy's.
    EXPECT_EQ(snapshots, (std::vector<uint32_t>{1, 11, 29}));
    EXPECT_FALSE(stopped);
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

namespace rt {
namespace {

TEST(CheckpointPolicyResume, TimeModeContinuesOnTheGridOfTheWholeRender) {
    CheckpointPolicy policy(timeMode(60.0));
    policy.resumeAt(130.0, 16);  // earlier runs sampled 130 s and reached 16 spp
    EXPECT_EQ(policy.nextDueSeconds(), 180.0);
    EXPECT_EQ(at(policy, 131.0, 16), kNone);  // no repeated 1-spp or 5-s checkpoint
    EXPECT_EQ(at(policy, 179.0, 16), kNone);
    EXPECT_EQ(at(policy, 180.0, 17), kCheckpoint);
}

TEST(CheckpointPolicyResume, EarlyResumeKeepsTheFirstCheckpoints) {
    CheckpointPolicy policy(timeMode(60.0));
    policy.resumeAt(2.0, 0);  // stopped before 1 spp was complete
    EXPECT_EQ(policy.nextDueSeconds(), 5.0);
    EXPECT_EQ(at(policy, 3.0, 1), kCheckpoint);  // 1 spp
    EXPECT_EQ(at(policy, 5.0, 1), kCheckpoint);
}

TEST(CheckpointPolicyResume, TimeCapCountsEarlierRuns) {
    CheckpointSettings settings = timeMode(60.0);
    settings.timeCapSeconds = 100.0;
    CheckpointPolicy policy(settings);
    policy.resumeAt(100.0, 8);  // the same cap again: already reached
    EXPECT_EQ(policy.nextDueSeconds(), 100.0);
    const CheckpointDecision stop{true, true, "exitat"};
    EXPECT_EQ(at(policy, 100.0, 8), stop);
}

TEST(CheckpointPolicyResume, QualityModeSkipsCountsAlreadyReached) {
    CheckpointSettings settings;
    settings.mode = CheckpointMode::Quality;
    settings.qualitySteps = 4;
    settings.finalSamples = 32;
    CheckpointPolicy policy(settings);
    ASSERT_EQ(policy.qualitySamples(), (std::vector<uint32_t>{1, 5, 9, 13, 17, 21, 25, 29}));
    policy.resumeAt(10.0, 13);
    EXPECT_EQ(at(policy, 11.0, 13, true), kNone);  // 13 was written by the earlier run
    EXPECT_EQ(at(policy, 12.0, 16, true), kNone);
    EXPECT_EQ(at(policy, 13.0, 17, true), kCheckpoint);
}

}  // namespace
}  // namespace rt
