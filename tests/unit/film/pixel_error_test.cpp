// The error metric against values computed by hand from MoonRay's formula.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "film/PixelError.h"

namespace rt {
namespace {

PixelAccumulator pixelFrom(std::initializer_list<PixelSample> samples) {
    PixelAccumulator p;
    for (const PixelSample& s : samples) p.add(s);
    return p;
}

PixelSample grey(float v, float alpha = 1.0f) {
    PixelSample s;
    s.radiance = Color(v);
    s.alpha = alpha;
    return s;
}

TEST(PixelError, HalfBufferHoldsOddSamples) {
    const PixelAccumulator p = pixelFrom({grey(1), grey(2), grey(3), grey(4), grey(5)});
    EXPECT_EQ(p.sampleCount, 5u);
    EXPECT_DOUBLE_EQ(p.radianceSum.x, 15.0);
    EXPECT_DOUBLE_EQ(p.oddRadianceSum.x, 2.0 + 4.0);  // samples 1 and 3 (0-based)
    EXPECT_DOUBLE_EQ(p.oddAlphaSum, 2.0);
}

TEST(PixelError, GreySamplesByHand) {
    // Four samples 1, 2, 3, 6; the odd-numbered ones (indices 1 and 3) are 2 and 6.
    // n = 4, nOdd = 2, nEven = 2; total = 12, odd = 2 + 6 = 8.
    // diff = |12 * 2 - 8 * 4| / (2 * 2) = |24 - 32| / 4 = 2 (every channel, so luma 2).
    // mean luma = 12 / 4 = 3; error = 2 / sqrt(3); alpha all 1: alpha term 0.
    const PixelAccumulator p = pixelFrom({grey(1), grey(2), grey(3), grey(6)});
    EXPECT_NEAR(pixelError(p), 2.0 / std::sqrt(3.0), 1e-6);
}

TEST(PixelError, ColouredSamplesUseLuma) {
    // Three samples: red 3, green 3, blue 3 (one channel each). n = 3, nOdd = 1, nEven = 2.
    // total = (3, 3, 3), odd = sample 1 = (0, 3, 0).
    // diff = |total * 1 - odd * 3| / 2 = (|3 - 0|, |3 - 9|, |3 - 0|) / 2 = (1.5, 3, 1.5)
    // luma(diff) = 0.299 * 1.5 + 0.587 * 3 + 0.114 * 1.5 = 2.3805
    // mean luma = luma(1, 1, 1) = 1; error = 2.3805.
    PixelSample r, g, b;
    r.radiance = Color(3, 0, 0);
    g.radiance = Color(0, 3, 0);
    b.radiance = Color(0, 0, 3);
    r.alpha = g.alpha = b.alpha = 1.0f;
    EXPECT_NEAR(pixelError(pixelFrom({r, g, b})), 2.3805, 1e-5);
}

TEST(PixelError, AlphaTermAdds) {
    // Radiance constant 1 (no colour difference); alpha 1, 0, 1, 0.
    // n = 4, nOdd = 2: alphaSum = 2, oddAlpha = 0; alphaDiff = |2 * 2 - 0 * 4| / 4 = 1.
    const PixelAccumulator p = pixelFrom({grey(1, 1), grey(1, 0), grey(1, 1), grey(1, 0)});
    EXPECT_NEAR(pixelError(p), 1.0, 1e-6);
}

TEST(PixelError, BlackPixelCountsOnlyAlpha) {
    // Mean luma 0: the colour term would divide by zero; only alpha counts.
    EXPECT_EQ(pixelError(pixelFrom({grey(0, 1), grey(0, 1), grey(0, 1)})), 0.0f);
    EXPECT_NEAR(pixelError(pixelFrom({grey(0, 1), grey(0, 0)})), 1.0, 1e-6);
}

TEST(PixelError, ConstantPixelHasZeroError) {
    EXPECT_EQ(pixelError(pixelFrom({grey(0.5f), grey(0.5f), grey(0.5f), grey(0.5f)})), 0.0f);
}

TEST(PixelError, FewerThanTwoSamplesIsInfinite) {
    EXPECT_TRUE(std::isinf(pixelError(PixelAccumulator{})));
    EXPECT_TRUE(std::isinf(pixelError(pixelFrom({grey(1)}))));
}

TEST(PixelError, NanIsInfiniteNeverConverged) {
    PixelAccumulator p = pixelFrom({grey(1), grey(2)});
    p.radianceSum.x = std::numeric_limits<double>::quiet_NaN();
    EXPECT_TRUE(std::isinf(pixelError(p)));
}

TEST(PixelError, FallsAsOneOverSqrtNForNoise) {
    // Uniform random samples from a fixed-seed generator: the error at 4x the samples is
    // about half (Monte Carlo error ~ 1/sqrt(n)), averaged over many pixels.
    double e100 = 0.0, e400 = 0.0;
    uint32_t state = 1;
    auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return (state >> 8) * 0x1p-24f;
    };
    for (int pixel = 0; pixel < 200; ++pixel) {
        PixelAccumulator p;
        for (int i = 0; i < 400; ++i) {
            p.add(grey(2.0f * next()));
            if (p.sampleCount == 100) e100 += pixelError(p);
        }
        e400 += pixelError(p);
    }
    EXPECT_NEAR(e400 / e100, 0.5, 0.08);
}

}  // namespace
}  // namespace rt
