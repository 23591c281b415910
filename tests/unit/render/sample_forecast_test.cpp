// The per-pixel forecast: lower bounds, the power law, the fitted exponent, the cap and
// rounding to adaptive steps; and the film-wide sum under dilation.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "render/AdaptiveSchedule.h"
#include "render/SampleForecast.h"

namespace rt {
namespace {

constexpr float kInf = std::numeric_limits<float>::infinity();
const AdaptiveLimits kLimits{16, 4096, 0.001};

PixelHistory pixel(uint32_t count, float error, uint32_t previousCount = 0,
                   float previousError = kInf, bool converged = false) {
    return {count, error, previousCount, previousError, converged};
}

TEST(SampleForecast, NothingWhenConvergedOrAtMax) {
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 0.0005f, 11, 0.001f, true), kLimits), 0u);
    EXPECT_EQ(forecastAdditionalSamples(pixel(4096, 1.0f), kLimits), 0u);
}

TEST(SampleForecast, UnmeasuredPixelNeedsAtLeastMinSamples) {
    // No error yet: the earliest stop, the first step at or above min (19 for 16).
    EXPECT_EQ(forecastAdditionalSamples(pixel(1, kInf), kLimits), 18u);
    EXPECT_EQ(forecastAdditionalSamples(pixel(0, kInf), kLimits), 19u);
    // Below the threshold already, but under min: still the first step at or above min.
    EXPECT_EQ(forecastAdditionalSamples(pixel(5, 0.0005f), kLimits), 14u);
}

TEST(SampleForecast, AtLeastTheNextStep) {
    // Below the threshold yet active (a neighbour keeps it sampling): one more step.
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 0.0005f), kLimits), 10u);
    // Off the table (a capped or resumed count): the next step above it.
    EXPECT_EQ(forecastAdditionalSamples(pixel(20, 0.0005f), kLimits), 9u);
}

TEST(SampleForecast, MonteCarloRateByDefault) {
    // error ~ n^-1/2: twice the threshold at 19 samples reaches it at 76, rounded up to
    // the step 89 (71 < 76 <= 89).
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 0.002f), kLimits), 70u);
}

TEST(SampleForecast, FittedExponent) {
    // Error falling as 1/n from 11 to 19 samples: twice the threshold at 19 reaches it at
    // 38, rounded up to the step 41.
    const float e19 = 0.002f;
    const float e11 = e19 * 19.0f / 11.0f;
    EXPECT_NEAR(convergenceExponent(pixel(19, e19, 11, e11)), 1.0, 1e-5);
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, e19, 11, e11), kLimits), 22u);
}

TEST(SampleForecast, ExponentFallsBackOrClamps) {
    EXPECT_EQ(convergenceExponent(pixel(19, 0.002f)), 0.5);              // one measurement
    EXPECT_EQ(convergenceExponent(pixel(19, 0.002f, 11, kInf)), 0.5);    // previous unmeasured
    EXPECT_EQ(convergenceExponent(pixel(19, 0.003f, 11, 0.002f)), 0.5);  // rising: noise
    EXPECT_EQ(convergenceExponent(pixel(19, 0.0f, 11, 0.002f)), 0.5);    // zero: no rate
    EXPECT_EQ(convergenceExponent(pixel(19, 0.002f, 19, 0.004f)), 0.5);  // same count
    EXPECT_EQ(convergenceExponent(pixel(19, 0.002f, 11, 0.2f)), 1.0);    // steep: clamped
    // Flatter than Monte Carlo's 1/sqrt(n): noise in the two estimates, not a real rate.
    EXPECT_EQ(convergenceExponent(pixel(19, 0.002f, 11, 0.00201f)), 0.5);
}

TEST(SampleForecast, CappedAtMax) {
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 1e30f), kLimits), 4096u - 19u);
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 1.0f), kLimits), 4096u - 19u);
    // A max that is not a step: the pixel stops there.
    const AdaptiveLimits limits{16, 1000, 0.001};
    EXPECT_EQ(forecastAdditionalSamples(pixel(991, 1.0f), limits), 9u);
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 0.00724f), limits),
              1000u - 19u);  // 996 -> 1055 -> 1000
}

TEST(SampleForecast, ZeroThresholdIsNeverMetByAPositiveError) {
    const AdaptiveLimits limits{16, 4096, 0.0};
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 0.5f), limits), 4096u - 19u);
    EXPECT_EQ(forecastAdditionalSamples(pixel(19, 0.0f), limits), 10u);
}

TEST(SampleForecast, FinalCountsLandOnStepsAndGrowWithTheError) {
    const AdaptiveLimits limits{16, 1000, 0.001};
    for (uint32_t count = 0; count < 1100; count += 7) {
        uint32_t previous = 0;
        for (float error = 1e-5f; error < 10.0f; error *= 1.7f) {
            const PixelHistory p = pixel(count, error);
            const uint32_t final = forecastFinalCount(p, limits);
            EXPECT_EQ(final, count + forecastAdditionalSamples(p, limits));
            if (count >= limits.maxSamples) {
                EXPECT_EQ(final, count);
                continue;
            }
            EXPECT_TRUE(final == limits.maxSamples || final == adaptiveStepAtLeast(final))
                << count << " " << error << " -> " << final;
            EXPECT_GE(final, std::min(nextAdaptiveStep(count), limits.maxSamples));
            EXPECT_GE(final, std::min(adaptiveStepAtLeast(limits.minSamples), limits.maxSamples));
            EXPECT_LE(final, limits.maxSamples);
            EXPECT_GE(final, previous) << count << " " << error;
            previous = final;
        }
    }
}

TEST(SampleForecast, DilatedNeighboursSampleUntilTheirNeighbourStops) {
    // 3x3, every pixel done at 19 but the centre, forecast to stop at 41: the whole
    // neighbourhood samples with it.
    std::vector<uint32_t> counts(9, 19), finals(9, 19);
    std::vector<uint8_t> done(9, 1);
    done[4] = 0;
    finals[4] = 41;
    EXPECT_EQ(forecastRemainingSamples(finals, counts, done, 3, 3, 4096), 9u * 22u);
    EXPECT_EQ(forecastRemainingSamples(finals, counts, done, 3, 3, 29), 9u * 10u);  // capped

    // A 5x1 row with the unconverged pixel at one end: only its neighbour joins it.
    std::vector<uint32_t> rowCounts(5, 19), rowFinals(5, 19);
    std::vector<uint8_t> rowDone(5, 1);
    rowDone[0] = 0;
    rowFinals[0] = 41;
    EXPECT_EQ(forecastRemainingSamples(rowFinals, rowCounts, rowDone, 5, 1, 4096), 2u * 22u);

    // Nothing left when every pixel is done.
    rowDone[0] = 1;
    EXPECT_EQ(forecastRemainingSamples(rowFinals, rowCounts, rowDone, 5, 1, 4096), 0u);
}

}  // namespace
}  // namespace rt
