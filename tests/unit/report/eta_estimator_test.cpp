// EtaEstimator on synthetic renders (SyntheticRender.h): exact where the render is
// simple, within the goal (predicted total within 20% at 25% and 50% of the
// render) where samples get more expensive or the forecast is the adaptive sampler's.
#include <gtest/gtest.h>

#include <cmath>

#include "SyntheticRender.h"
#include "report/EtaEstimator.h"

namespace rt {
namespace {

using test::estimateAt;
using test::SyntheticRender;

// Predicted / actual total time at a fraction of the actual render time.
double predictedRatioAt(const SyntheticRender& render, double fraction) {
    const double total = render.totalSeconds();
    const EtaEstimator::Estimate e = estimateAt(render, fraction * total);
    EXPECT_TRUE(e.known) << "at " << fraction;
    return e.predictedTotalSeconds / total;
}

void expectProgressMonotone(const SyntheticRender& render) {
    const double total = render.totalSeconds();
    double previous = 0.0;
    for (int i = 0; i <= 200; ++i) {
        const double t = total * i / 200.0;
        const EtaEstimator::Estimate e = estimateAt(render, t);
        EXPECT_GE(e.progress, previous) << "at " << t;
        EXPECT_LE(e.progress, 1.0);
        EXPECT_GE(e.etaSeconds, 0.0);
        previous = e.progress;
    }
    EXPECT_EQ(previous, 1.0);
}

ConvergenceReport adaptiveReport(uint64_t done, uint64_t remaining, double elapsed) {
    ConvergenceReport r;
    r.adaptive = true;
    r.samplesDone = done;
    r.samplesRemaining = remaining;
    r.elapsedSeconds = elapsed;
    r.maxError = 0.5;
    return r;
}

TEST(EtaEstimator, UnknownBeforeTheFirstPass) {
    EtaEstimator eta;
    const EtaEstimator::Estimate e = eta.estimate(0, 3.0);
    EXPECT_FALSE(e.known);
    EXPECT_EQ(e.progress, 0.0);
    EXPECT_EQ(e.etaSeconds, 0.0);
    EXPECT_EQ(e.elapsedSeconds, 3.0);
    EXPECT_EQ(e.predictedTotalSeconds, 3.0);
}

TEST(EtaEstimator, UnknownUntilAnAdaptiveErrorIsMeasured) {
    // After the 1-spp first pass no error is measurable (maxError 0): its forecast is a
    // mere lower bound and must not be shown.
    EtaEstimator eta;
    ConvergenceReport first = adaptiveReport(100, 1800, 1.0);
    first.maxError = 0.0;
    eta.onPass(first);
    EXPECT_FALSE(eta.estimate(150, 1.5).known);
    eta.onPass(adaptiveReport(500, 20000, 5.0));
    const EtaEstimator::Estimate e = eta.estimate(500, 5.0);
    EXPECT_TRUE(e.known);
    EXPECT_NEAR(e.progress, 500.0 / 20500.0, 1e-12);
    EXPECT_NEAR(e.etaSeconds, 20000 * 0.01, 1e-9);
}

TEST(EtaEstimator, UniformConstantRateIsExact) {
    const SyntheticRender render = test::uniformRender(4096, 64, 1e-6);
    for (double f : {0.1, 0.25, 0.4, 0.5, 0.8}) {
        EXPECT_NEAR(predictedRatioAt(render, f), 1.0, 0.01) << f;
        const EtaEstimator::Estimate e = estimateAt(render, f * render.totalSeconds());
        EXPECT_NEAR(e.progress, f, 0.01);
    }
    expectProgressMonotone(render);
}

TEST(EtaEstimator, ShrinkingPassesAtConstantCostAreExact) {
    const SyntheticRender render = test::geometricRender(100000, 0.8, 20, 1e-6);
    for (double f : {0.25, 0.5, 0.75}) EXPECT_NEAR(predictedRatioAt(render, f), 1.0, 0.01) << f;
    expectProgressMonotone(render);
}

TEST(EtaEstimator, RisingCostPerSampleWithinGoal) {
    // Each pass's samples cost 4% more than the last (twice as much by the end): the
    // global average would predict 14% short at 25%.
    const SyntheticRender render = test::geometricRender(100000, 0.8, 20, 1e-6, 1.04);
    const double total = render.totalSeconds();
    for (double f : {0.25, 0.5}) {
        const double ratio = predictedRatioAt(render, f);
        EXPECT_NEAR(ratio, 1.0, 0.2) << f;
        const double samples = static_cast<double>(render.samplesAt(f * total));
        const double globalRatio = f / (samples / render.totalSamples());
        EXPECT_LT(std::abs(ratio - 1.0), std::abs(globalRatio - 1.0)) << f;
    }
    expectProgressMonotone(render);
}

TEST(EtaEstimator, GrowingPassesWithRisingCostWithinGoal) {
    const SyntheticRender render = test::geometricRender(10000, 1.15, 20, 1e-6, 1.04);
    for (double f : {0.25, 0.5}) EXPECT_NEAR(predictedRatioAt(render, f), 1.0, 0.2) << f;
    expectProgressMonotone(render);
}

TEST(EtaEstimator, SimulatedAdaptiveRenderWithinGoal) {
    test::AdaptiveFilmOptions options;
    for (uint64_t seed : {1, 2}) {
        options.seed = seed;
        const SyntheticRender render = test::simulatedAdaptiveRender(options);
        for (double f : {0.25, 0.5}) {
            EXPECT_NEAR(predictedRatioAt(render, f), 1.0, 0.2) << "seed " << seed << " at " << f;
        }
        expectProgressMonotone(render);
    }
}

TEST(EtaEstimator, SimulatedAdaptiveRenderWithExpensiveHardPixelsAndOverhead) {
    test::AdaptiveFilmOptions options;
    options.hardCostFactor = 5.0;         // the hardest pixels' samples cost 6x
    options.passOverheadPerPixel = 5e-6;  // a fixed cost per pass
    options.timingNoise = 0.1;            // a shared machine
    const SyntheticRender render = test::simulatedAdaptiveRender(options);
    for (double f : {0.25, 0.5}) EXPECT_NEAR(predictedRatioAt(render, f), 1.0, 0.2) << f;
    expectProgressMonotone(render);
}

TEST(EtaEstimator, FinishedRender) {
    const SyntheticRender render = test::uniformRender(100, 16, 1e-3);
    const double total = render.totalSeconds();
    const EtaEstimator::Estimate e = estimateAt(render, total + 1.0);
    EXPECT_TRUE(e.known);
    EXPECT_EQ(e.progress, 1.0);
    EXPECT_EQ(e.etaSeconds, 0.0);
    EXPECT_EQ(e.predictedTotalSeconds, total + 1.0);
}

TEST(EtaEstimator, ProgressHoldsWhenTheForecastGrows) {
    EtaEstimator eta;
    eta.onPass(adaptiveReport(1000, 1000, 1.0));
    EXPECT_NEAR(eta.estimate(1500, 1.5).progress, 0.75, 1e-12);
    // The next report finds the pixels harder than forecast.
    eta.onPass(adaptiveReport(2000, 6000, 2.0));
    EXPECT_NEAR(eta.estimate(2000, 2.0).progress, 1.0 - 1e-3, 1e-12);     // capped below 1
    EXPECT_NEAR(eta.estimate(2000, 2.0).etaSeconds, 6000 * 0.001, 1e-9);  // the ETA does not hold
}

TEST(EtaEstimator, ProgressNeverReachesOneBeforeTheEnd) {
    EtaEstimator eta;
    eta.onPass(adaptiveReport(1000, 100, 1.0));
    const EtaEstimator::Estimate e = eta.estimate(5000, 5.0);  // far past the forecast
    EXPECT_LT(e.progress, 1.0);
    EXPECT_EQ(e.etaSeconds, 0.0);
}

TEST(EtaEstimator, ASlowPassRaisesTheEtaBeforeItEnds) {
    EtaEstimator eta;
    eta.onPass(adaptiveReport(1000, 9000, 1.0));  // 1 ms per sample
    const double before = eta.estimate(1000, 1.0).etaSeconds;
    EXPECT_NEAR(before, 9.0, 1e-9);
    // 10 s later only 100 more samples: the pass running now is much slower.
    const double during = eta.estimate(1100, 11.0).etaSeconds;
    EXPECT_GT(during, 3.0 * before);
}

TEST(EtaEstimator, ResumedSamplesCountForProgressNotForTheRate) {
    EtaEstimator eta(5000);  // the film held 5000 samples from an earlier run
    ConvergenceReport r;
    r.samplesDone = 6000;  // 1000 taken in this run
    r.samplesRemaining = 4000;
    r.elapsedSeconds = 1.0;  // 1 ms per sample
    eta.onPass(r);
    const EtaEstimator::Estimate e = eta.estimate(6000, 1.0);
    EXPECT_NEAR(e.progress, 0.6, 1e-12);
    EXPECT_NEAR(e.etaSeconds, 4.0, 1e-9);
}

TEST(EtaEstimator, EarlierRunsCountForElapsedNotForTheRate) {
    // Earlier runs sampled 5000 samples in 100 s (a slow machine); this one takes
    // 1000 samples per second. Elapsed times are of the whole render.
    EtaEstimator eta(5000, 100.0);
    ConvergenceReport r;
    r.samplesDone = 6000;
    r.samplesRemaining = 4000;
    r.elapsedSeconds = 101.0;
    eta.onPass(r);
    r.samplesDone = 8000;
    r.samplesRemaining = 2000;
    r.elapsedSeconds = 103.0;
    eta.onPass(r);
    const EtaEstimator::Estimate e = eta.estimate(8000, 103.0);
    EXPECT_NEAR(e.progress, 0.8, 1e-12);
    EXPECT_NEAR(e.elapsedSeconds, 103.0, 1e-12);
    EXPECT_NEAR(e.etaSeconds, 2.0, 1e-9);  // this machine's rate, not the earlier 20 s/1000
}

}  // namespace
}  // namespace rt
