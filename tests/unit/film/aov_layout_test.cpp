// The film's AOV slots (film/AovLayout.h): each math_filter checked against values worked
// out by hand for a small pattern of samples.
#include <gtest/gtest.h>

#include <limits>

#include "film/Film.h"

namespace rt {
namespace {

constexpr float kMiss = std::numeric_limits<float>::infinity();

AovLayout oneSlot(MathFilter filter, int components = 1) {
    return AovLayout({AovSlot{components, filter, "test"}});
}

// Adds samples (value, depth) to pixel (0, 0) of a film with one 1-component slot and
// returns the resolved value.
float resolved(MathFilter filter, const std::vector<std::pair<float, float>>& samples) {
    Film film(2, 1, oneSlot(filter));
    for (const auto& [value, depth] : samples) {
        film.at(0, 0).add(PixelSample{});
        film.addAovs(0, 0, &value, depth);
    }
    float out = -1.0f;
    film.resolveAov(0, 0, 0, &out);
    return out;
}

const std::vector<std::pair<float, float>> kPattern = {
    {3.0f, 5.0f}, {-1.0f, 2.0f}, {7.0f, kMiss}, {4.0f, 2.0f}};

TEST(AovFilters, AverageAndSum) {
    EXPECT_FLOAT_EQ(resolved(MathFilter::Average, kPattern), 13.0f / 4.0f);
    EXPECT_FLOAT_EQ(resolved(MathFilter::ForceConsistentSampling, kPattern), 13.0f / 4.0f);
    EXPECT_FLOAT_EQ(resolved(MathFilter::Sum, kPattern), 13.0f);
}

TEST(AovFilters, MinAndMax) {
    EXPECT_FLOAT_EQ(resolved(MathFilter::Min, kPattern), -1.0f);
    EXPECT_FLOAT_EQ(resolved(MathFilter::Max, kPattern), 7.0f);
}

TEST(AovFilters, ClosestKeepsTheFirstOfTheNearestSamples) {
    // Depths 5, 2, miss, 2: the second sample is nearest, the fourth only ties it.
    EXPECT_FLOAT_EQ(resolved(MathFilter::Closest, kPattern), -1.0f);
    EXPECT_FLOAT_EQ(resolved(MathFilter::Closest, {{7.0f, kMiss}}), 0.0f);  // only misses
}

TEST(AovFilters, APixelWithoutSamplesResolvesToZero) {
    for (MathFilter filter : {MathFilter::Average, MathFilter::Sum, MathFilter::Min,
                              MathFilter::Max, MathFilter::Closest}) {
        EXPECT_EQ(resolved(filter, {}), 0.0f) << static_cast<int>(filter);
    }
}

TEST(AovLayout, SlotsFollowEachOtherWithTheClosestDepthFirst) {
    const AovLayout layout({AovSlot{3, MathFilter::Average, "a"},
                            AovSlot{2, MathFilter::Closest, "b"},
                            AovSlot{1, MathFilter::Max, "c"}});
    EXPECT_EQ(layout.floatsPerSample(), 6u);
    EXPECT_EQ(layout.doublesPerPixel(), 7u);
    EXPECT_EQ(layout.firstFloat(1), 3u);
    EXPECT_EQ(layout.firstFloat(2), 5u);
    EXPECT_EQ(layout.firstDouble(1), 3u);
    EXPECT_EQ(layout.firstDouble(2), 6u);
    EXPECT_NE(layout.signature(), AovLayout({AovSlot{3, MathFilter::Average, "a"}}).signature());
}

TEST(AovLayout, ComponentsStayApartAndResetRestoresTheStart) {
    Film film(1, 1, AovLayout({AovSlot{3, MathFilter::Max, "v"}}));
    const float a[3] = {1.0f, -2.0f, 3.0f}, b[3] = {0.0f, 5.0f, -1.0f};
    film.at(0, 0).add(PixelSample{});
    film.addAovs(0, 0, a, 1.0f);
    film.at(0, 0).add(PixelSample{});
    film.addAovs(0, 0, b, 1.0f);
    float out[3];
    film.resolveAov(0, 0, 0, out);
    EXPECT_EQ(out[0], 1.0f);
    EXPECT_EQ(out[1], 5.0f);
    EXPECT_EQ(out[2], 3.0f);
    film.reset();
    EXPECT_EQ(film.at(0, 0).sampleCount, 0u);
    EXPECT_EQ(film.aovs(0, 0)[0], -std::numeric_limits<double>::infinity());
}

TEST(AovLayout, FromOutputsInSlotOrder) {
    std::vector<RenderOutput> outputs(4);
    outputs[0].result = OutputResult::Beauty;
    outputs[1].result = OutputResult::LightAov;
    outputs[1].lpe = "C<RD>L";
    outputs[2].result = OutputResult::StateVariable;
    outputs[2].stateVariable = StateVariable::MotionVector;
    outputs[2].mathFilter = MathFilter::Closest;
    outputs[3].result = OutputResult::StateVariable;
    outputs[3].active = false;
    assignAovSlots(outputs);
    EXPECT_EQ(outputs[0].aovSlot, -1);
    EXPECT_EQ(outputs[1].aovSlot, 0);
    EXPECT_EQ(outputs[2].aovSlot, 1);
    EXPECT_EQ(outputs[3].aovSlot, -1);
    const AovLayout layout = aovLayoutFor(outputs);
    ASSERT_EQ(layout.slots().size(), 2u);
    EXPECT_EQ(layout.slots()[0].components, 3);
    EXPECT_EQ(layout.slots()[1].components, 2);
    EXPECT_EQ(layout.doublesPerPixel(), 3u + 3u);
}

// Visibility aovs: (hits, attempts) per sample; the pixel is all hits over all attempts,
// not the mean of the samples' ratios.
TEST(AovKinds, RatioIsHitsOverAttempts) {
    AovSlot slot{1, MathFilter::Average, "visibility"};
    slot.kind = AovSlot::Kind::Ratio;
    Film film(1, 1, AovLayout({slot}));
    EXPECT_EQ(film.layout().floatsPerSample(), 2u);
    for (const auto& [hits, attempts] :
         std::vector<std::pair<float, float>>{{1, 1}, {0, 1}, {0, 0}, {2, 2}}) {
        const float v[2] = {hits, attempts};
        film.at(0, 0).add(PixelSample{});
        film.addAovs(0, 0, v, kMiss);
    }
    float out = -1.0f;
    film.resolveAov(0, 0, 0, &out);
    EXPECT_FLOAT_EQ(out, 3.0f / 4.0f);  // not (1 + 0 + 1) / 3

    Film none(1, 1, AovLayout({slot}));
    none.at(0, 0).add(PixelSample{});
    const float zero[2] = {0, 0};
    none.addAovs(0, 0, zero, kMiss);
    none.resolveAov(0, 0, 0, &out);
    EXPECT_EQ(out, 0.0f);  // no attempt: 0, not NaN
}

// Variance aovs: the unbiased sample variance, the largest over the components.
TEST(AovKinds, VarianceIsTheLargestUnbiasedSampleVariance) {
    AovSlot slot{2, MathFilter::Average, "variance"};
    slot.kind = AovSlot::Kind::Variance;
    Film film(1, 1, AovLayout({slot}));
    EXPECT_EQ(film.layout().floatsPerSample(), 2u);
    EXPECT_EQ(film.layout().doublesPerPixel(), 4u);
    // Component 0: 1, 2, 3, 6 (mean 3, squared deviations 4 1 0 9: variance 14 / 3).
    // Component 1: 5, 5, 5, 5 (variance 0).
    for (float x : {1.0f, 2.0f, 3.0f, 6.0f}) {
        const float v[2] = {x, 5.0f};
        film.at(0, 0).add(PixelSample{});
        film.addAovs(0, 0, v, kMiss);
    }
    float out = -1.0f;
    film.resolveAov(0, 0, 0, &out);
    EXPECT_FLOAT_EQ(out, 14.0f / 3.0f);

    Film one(1, 1, AovLayout({slot}));
    one.at(0, 0).add(PixelSample{});
    const float v[2] = {4.0f, 1.0f};
    one.addAovs(0, 0, v, kMiss);
    one.resolveAov(0, 0, 0, &out);
    EXPECT_EQ(out, 0.0f);  // one sample has no variance
}

TEST(AovKinds, LayoutOfDiagnosticAndVarianceOutputs) {
    std::vector<RenderOutput> outputs(5);
    outputs[0].result = OutputResult::Beauty;
    outputs[1].result = OutputResult::TimePerPixel;
    outputs[2].result = OutputResult::VisibilityAov;
    outputs[3].result = OutputResult::VarianceAov;
    outputs[3].reference = 0;
    outputs[4].result = OutputResult::VarianceAov;
    outputs[4].reference = 1;  // not allowed by the loader; only the layout is tested
    outputs[4].active = false;
    assignAovSlots(outputs);
    const AovLayout layout = aovLayoutFor(outputs);
    ASSERT_EQ(layout.slots().size(), 3u);
    EXPECT_EQ(layout.slots()[0].filter, MathFilter::Sum);  // seconds add up
    EXPECT_EQ(layout.slots()[1].kind, AovSlot::Kind::Ratio);
    EXPECT_EQ(layout.slots()[2].kind, AovSlot::Kind::Variance);
    EXPECT_EQ(layout.slots()[2].components, 1);  // the beauty's luminance
    EXPECT_EQ(layout.floatsPerSample(), 1u + 2u + 1u);
    EXPECT_EQ(layout.doublesPerPixel(), 1u + 2u + 2u);
}

}  // namespace
}  // namespace rt
