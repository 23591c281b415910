// The building blocks: Fresnel, the GGX distribution and the tabulated albedo.
#include <gtest/gtest.h>

#include "BsdfTestUtil.h"
#include "shading/Fresnel.h"
#include "shading/Microfacet.h"
#include "shading/MicrofacetAlbedo.h"

namespace rt {
namespace {

TEST(Fresnel, Dielectric) {
    EXPECT_NEAR(fresnelDielectric(1.0f, 1.5f), 0.04f, 1e-6f);
    EXPECT_NEAR(dielectricF0(1.5f), 0.04f, 1e-6f);
    EXPECT_NEAR(fresnelDielectric(0.0f, 1.5f), 1.0f, 1e-6f);
    // From inside: total internal reflection beyond the critical angle (41.8 degrees).
    EXPECT_EQ(fresnelDielectric(std::cos(radians(45.0f)), 1.0f / 1.5f), 1.0f);
    EXPECT_LT(fresnelDielectric(std::cos(radians(40.0f)), 1.0f / 1.5f), 1.0f);
    EXPECT_EQ(fresnelDielectric(-0.5f, 1.5f), fresnelDielectric(0.5f, 1.0f / 1.5f));
    // Reciprocity across the interface: F(theta_i, eta) == F(theta_t, 1 / eta).
    for (float cosI : {0.1f, 0.5f, 0.9f}) {
        Vec3f wt;
        ASSERT_TRUE(refract(Vec3f(safeSqrt(1 - cosI * cosI), 0, cosI), Vec3f(0, 0, 1), 1.5f, wt));
        EXPECT_NEAR(fresnelDielectric(cosI, 1.5f), fresnelDielectric(-wt.z, 1.0f / 1.5f), 1e-5f);
        // Snell's law.
        EXPECT_NEAR(safeSqrt(1 - cosI * cosI), 1.5f * safeSqrt(1 - wt.z * wt.z), 1e-5f);
        EXPECT_NEAR(wt.length(), 1.0f, 1e-5f);
    }
    EXPECT_NEAR(fresnelSchlick(0.04f, 1.0f), 0.04f, 1e-7f);
    EXPECT_NEAR(fresnelSchlick(0.04f, 0.0f), 1.0f, 1e-7f);
}

TEST(Ggx, DistributionsAreNormalized) {
    for (float alpha : {0.05f, 0.3f, 1.0f}) {
        const GgxDistribution ggx(alpha);
        // Projected microfacet area: integral of D(h) h.z over the hemisphere is 1.
        const double projected = test::integrateSphere(
            [&](const Vec3f& h) { return double(ggx.d(h)) * std::max(0.0f, h.z); }, 2000, 200);
        EXPECT_NEAR(projected, 1.0, 2e-3) << alpha;
        for (float theta : {0.0f, 45.0f, 85.0f}) {
            const Vec3f w = test::directionAt(Vec3f(0, 0, 1), theta);
            const double visible = test::integrateSphere(
                [&](const Vec3f& h) { return double(ggx.visibleD(w, h)); }, 2000, 400);
            EXPECT_NEAR(visible, 1.0, 5e-3) << alpha << " " << theta;
        }
    }
}

TEST(Ggx, VisibleNormalsAreVisibleAndUnit) {
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (float alpha : {0.001f, 0.2f, 1.0f})
        for (int i = 0; i < 2000; ++i) {
            Vec3f w = test::uniformSphere(rng);
            w.z = std::abs(w.z) + 1e-3f;
            w.normalize();
            const Vec3f h = GgxDistribution(alpha).sampleVisible(w, Vec2f(u(rng), u(rng)));
            ASSERT_NEAR(h.length(), 1.0f, 1e-4f);
            ASSERT_GE(h.z, 0.0f);
            ASSERT_GE(w.dot(h), -1e-4f);
        }
}

// The tables against an independent Monte Carlo estimate with cosine-weighted sampling.
TEST(MicrofacetAlbedo, MatchesMonteCarlo) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    for (float roughness : {0.1f, 0.45f, 0.8f, 1.0f}) {
        const GgxDistribution ggx(roughnessToAlpha(roughness));
        for (float mu : {0.2f, 0.5f, 1.0f}) {
            const Vec3f wo(safeSqrt(1 - mu * mu), 0, mu);
            double a = 0.0, b = 0.0;
            const int n = 40000;
            for (int i = 0; i < n; ++i) {
                // Sample h from D(h) h.z (not the table's VNDF) for independence.
                const float u1 = u(rng), phi = kTwoPi * u(rng);
                const float a2 = sqr(ggx.alpha());
                const float cos2 = (1 - u1) / (1 + (a2 - 1) * u1);
                const float sinT = safeSqrt(1 - cos2);
                const Vec3f h(sinT * std::cos(phi), sinT * std::sin(phi), std::sqrt(cos2));
                const Vec3f wi = reflect(wo, h);
                if (wi.z <= 0 || wo.dot(h) <= 0) continue;
                // f cos_i / pdf with pdf = D h.z / (4 wo.h).
                const double w = ggx.g2(wo, wi) * wo.dot(h) / (wo.z * h.z);
                a += w;
                b += w * schlickWeight(wo.dot(h));
            }
            const AlbedoTerms t = ggxAlbedoTerms(mu, roughness);
            EXPECT_NEAR(t.a, a / n, 0.01) << roughness << " " << mu;
            EXPECT_NEAR(t.b, b / n, 0.01) << roughness << " " << mu;
        }
        // The average is 2 * integral of E(mu) mu.
        double avg = 0.0;
        const int m = 400;
        for (int i = 0; i < m; ++i) {
            const float mu = (i + 0.5f) / m;
            avg += 2.0 * ggxAlbedoTerms(mu, roughness).a * mu / m;
        }
        EXPECT_NEAR(ggxAverageAlbedoTerms(roughness).a, avg, 2e-3);
    }
    // Near grazing the albedo changes quickly: compare the interpolated table with a fine
    // visible-normal quadrature.
    for (float roughness : {0.1f, 0.5f, 1.0f}) {
        const GgxDistribution ggx(roughnessToAlpha(roughness));
        for (float mu : {0.003f, 0.01f, 0.05f}) {
            const Vec3f wo(safeSqrt(1 - mu * mu), 0, mu);
            double a = 0.0, b = 0.0;
            const int res = 200;
            for (int i = 0; i < res; ++i)
                for (int j = 0; j < res; ++j) {
                    const Vec3f h =
                        ggx.sampleVisible(wo, Vec2f((i + 0.5f) / res, (j + 0.5f) / res));
                    const Vec3f wi = reflect(wo, h);
                    if (wi.z <= 0) continue;
                    a += ggx.g2(wo, wi) / ggx.g1(wo);
                    b += ggx.g2(wo, wi) / ggx.g1(wo) * schlickWeight(wo.dot(h));
                }
            const AlbedoTerms t = ggxAlbedoTerms(mu, roughness);
            EXPECT_NEAR(t.a, a / (res * res), 0.015) << roughness << " " << mu;
            EXPECT_NEAR(t.b, b / (res * res), 0.015) << roughness << " " << mu;
        }
    }
    // Smooth: the albedo is Schlick's F itself.
    EXPECT_FLOAT_EQ(ggxAlbedoTerms(0.5f, 0.0f).albedo(0.04f), fresnelSchlick(0.04f, 0.5f));
}

}  // namespace
}  // namespace rt
