// Warps land in their domain and their densities integrate to one.
#include <gtest/gtest.h>

#include "sampling/Sampler.h"
#include "sampling/Warp.h"

namespace rt {
namespace {

constexpr uint32_t kCount = 4096;

Vec2f u2(uint32_t i) {
    return Vec2f(sampleValue(Vec2i(1, 2), i, 0, 9), sampleValue(Vec2i(1, 2), i, 1, 9));
}

// Integrates a density over the sphere with a midpoint rule in (cos theta, phi).
template <typename Pdf>
double integrateOverSphere(Pdf pdf, int res = 400) {
    double sum = 0.0;
    for (int i = 0; i < res; ++i) {
        const float z = -1.0f + 2.0f * (i + 0.5f) / res;
        const float r = safeSqrt(1.0f - z * z);
        for (int j = 0; j < 2 * res; ++j) {
            const float phi = kTwoPi * (j + 0.5f) / (2 * res);
            sum += pdf(Vec3f(r * std::cos(phi), r * std::sin(phi), z));
        }
    }
    return sum * (4.0 * kPi) / (2.0 * res * res);
}

TEST(Warp, ConcentricDiskIsUniform) {
    int inner = 0;
    for (uint32_t i = 0; i < kCount; ++i) {
        const Vec2f d = squareToConcentricDisk(u2(i));
        ASSERT_LE(d.length(), 1.0f + 1e-6f);
        inner += d.length() < 0.5f;
    }
    EXPECT_NEAR(inner / double(kCount), 0.25, 0.01);
    EXPECT_EQ(squareToConcentricDisk(Vec2f(0.5f, 0.5f)), Vec2f(0.0f, 0.0f));
}

TEST(Warp, CosineHemisphere) {
    double meanCos = 0.0;
    for (uint32_t i = 0; i < kCount; ++i) {
        const Vec3f w = squareToCosineHemisphere(u2(i));
        ASSERT_NEAR(w.length(), 1.0f, 1e-5f);
        ASSERT_GE(w.z, 0.0f);
        meanCos += w.z;
    }
    EXPECT_NEAR(meanCos / kCount, 2.0 / 3.0, 5e-3);
    EXPECT_NEAR(integrateOverSphere([](const Vec3f& w) { return cosineHemispherePdf(w.z); }), 1.0,
                1e-3);
}

TEST(Warp, UniformSphere) {
    double meanZ = 0.0, meanZ2 = 0.0;
    for (uint32_t i = 0; i < kCount; ++i) {
        const Vec3f w = squareToUniformSphere(u2(i));
        ASSERT_NEAR(w.length(), 1.0f, 1e-5f);
        meanZ += w.z, meanZ2 += w.z * w.z;
    }
    EXPECT_NEAR(meanZ / kCount, 0.0, 5e-3);
    EXPECT_NEAR(meanZ2 / kCount, 1.0 / 3.0, 5e-3);
    EXPECT_NEAR(integrateOverSphere([](const Vec3f&) { return uniformSpherePdf(); }), 1.0, 1e-4);
}

TEST(Warp, UniformCone) {
    for (float cosMax : {0.0f, 0.5f, 0.95f}) {
        double meanCos = 0.0;
        for (uint32_t i = 0; i < kCount; ++i) {
            const Vec3f w = squareToUniformCone(u2(i), cosMax);
            ASSERT_NEAR(w.length(), 1.0f, 1e-5f);
            ASSERT_GE(w.z, cosMax - 1e-6f);
            meanCos += w.z;
        }
        EXPECT_NEAR(meanCos / kCount, 0.5 * (1.0 + cosMax), 5e-3);
        const auto pdf = [cosMax](const Vec3f& w) {
            return w.z >= cosMax ? uniformConePdf(cosMax) : 0.0f;
        };
        EXPECT_NEAR(integrateOverSphere(pdf, 1000), 1.0, 2e-3) << cosMax;
    }
}

}  // namespace
}  // namespace rt
