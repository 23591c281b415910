// AdaptiveSampler on hand-made films: which pixels are done, dilation, step targets and
// the limits, with no rendering involved.
#include <gtest/gtest.h>

#include "render/AdaptiveSampler.h"
#include "render/AdaptiveSchedule.h"

namespace rt {
namespace {

SamplingSettings adaptive(uint32_t minSamples, uint32_t maxSamples, float target = 10.0f) {
    SamplingSettings s;
    s.mode = SamplingMode::Adaptive;
    s.minSamples = minSamples;
    s.maxSamples = maxSamples;
    s.targetAdaptiveError = target;
    return s;
}

// Gives a pixel `count` samples: lo on even indices, hi on odd ones, so the two halves
// of the buffer differ (error > 0) unless lo == hi (error 0).
void fill(Film& film, int x, int y, uint32_t count, float lo, float hi) {
    PixelAccumulator& p = film.at(x, y);
    p = PixelAccumulator{};
    for (uint32_t i = 0; i < count; ++i) {
        PixelSample s;
        s.radiance = Color(i % 2 == 0 ? lo : hi);
        s.alpha = 1.0f;
        p.add(s);
    }
}

TEST(AdaptiveSchedule, TableIsNSquaredPlusNMinusOne) {
    EXPECT_EQ(adaptiveStep(1), 1u);
    EXPECT_EQ(adaptiveStep(2), 5u);
    EXPECT_EQ(adaptiveStep(3), 11u);
    EXPECT_EQ(adaptiveStep(7), 55u);
    EXPECT_EQ(nextAdaptiveStep(0), 1u);
    EXPECT_EQ(nextAdaptiveStep(1), 5u);
    EXPECT_EQ(nextAdaptiveStep(16), 19u);
    EXPECT_EQ(nextAdaptiveStep(19), 29u);
    EXPECT_EQ(adaptiveStepAtLeast(19), 19u);
    EXPECT_EQ(adaptiveStepAtLeast(20), 29u);
}

TEST(AdaptiveSampler, FirstPassGivesEveryPixelOneSample) {
    Film film(4, 3);
    AdaptiveSampler sampler(adaptive(16, 4096), 4, 3);
    ASSERT_TRUE(sampler.plan(film));
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x) EXPECT_EQ(sampler.target(x, y), 1u);
}

TEST(AdaptiveSampler, ConvergedRegionStopsAndDilationKeepsNeighboursGoing) {
    // 7x7 pixels at 19 samples with zero error, except the centre, which is noisy.
    Film film(7, 7);
    for (int y = 0; y < 7; ++y)
        for (int x = 0; x < 7; ++x) fill(film, x, y, 19, 1.0f, 1.0f);
    fill(film, 3, 3, 19, 0.0f, 4.0f);
    AdaptiveSampler sampler(adaptive(16, 4096), 7, 7);
    ASSERT_TRUE(sampler.plan(film));
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool nearCentre = std::abs(x - 3) <= 1 && std::abs(y - 3) <= 1;
            EXPECT_EQ(sampler.target(x, y), nearCentre ? 29u : 19u) << x << "," << y;
        }
    }
    ConvergenceReport report;
    sampler.describe(report);
    EXPECT_EQ(report.activePixels, 9u);
    EXPECT_NEAR(report.fractionConverged, 48.0 / 49.0, 1e-12);
    EXPECT_FALSE(report.finished);
    EXPECT_GT(report.samplesRemaining, 0u);
}

TEST(AdaptiveSampler, NoPixelStopsBeforeMinSamples) {
    // Zero error everywhere, but only 11 samples: below min 16, keep going to 19.
    Film film(3, 3);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 3; ++x) fill(film, x, y, 11, 1.0f, 1.0f);
    AdaptiveSampler sampler(adaptive(16, 4096), 3, 3);
    ASSERT_TRUE(sampler.plan(film));
    EXPECT_EQ(sampler.target(1, 1), 19u);
}

TEST(AdaptiveSampler, MaxSamplesCapsTheLastStepExactly) {
    // Never converges (target error 0, noisy pixels): 29 -> 30, then done.
    Film film(2, 2);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x) fill(film, x, y, 29, 0.0f, 4.0f);
    AdaptiveSampler sampler(adaptive(16, 30, 0.0f), 2, 2);
    ASSERT_TRUE(sampler.plan(film));
    EXPECT_EQ(sampler.target(0, 0), 30u);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x) fill(film, x, y, 30, 0.0f, 4.0f);
    EXPECT_FALSE(sampler.plan(film));
    ConvergenceReport report;
    sampler.describe(report);
    EXPECT_TRUE(report.finished);
    EXPECT_EQ(report.samplesRemaining, 0u);
}

TEST(AdaptiveSampler, InfiniteErrorNeverConvergesBeforeMax) {
    Film film(1, 1);
    fill(film, 0, 0, 19, 1.0f, 1.0f);
    film.at(0, 0).radianceSum.x = std::numeric_limits<double>::quiet_NaN();
    AdaptiveSampler sampler(adaptive(16, 4096), 1, 1);
    EXPECT_TRUE(sampler.plan(film));
    EXPECT_EQ(sampler.target(0, 0), 29u);
}

}  // namespace
}  // namespace rt
