// Bsdf contract: sample/eval/pdf consistency, normalisation, energy, reciprocity, guards.
#include <gtest/gtest.h>

#include <vector>

#include "BsdfTestUtil.h"

namespace rt {
namespace {

using test::makeMaterial;

struct NamedMaterial {
    std::string name;
    Material material;
};

std::vector<NamedMaterial> materials() {
    std::vector<NamedMaterial> list;
    for (float r : {0.0f, 0.05f, 0.2f, 0.5f, 1.0f}) {
        const std::string rs = " r=" + std::to_string(r);
        list.push_back({"conductor" + rs, makeMaterial(1, 0, 0, r, Color(0.9f, 0.7f, 0.4f))});
        list.push_back({"coated diffuse" + rs, makeMaterial(0, 0, 1, r, Color(0.2f, 0.5f, 0.8f))});
        list.push_back({"glass" + rs, makeMaterial(0, 1, 0, r)});
        list.push_back({"mixture" + rs, makeMaterial(0.3f, 0.3f, 0.6f, r, Color(0.6f))});
    }
    list.push_back({"lambert", makeMaterial(0, 0, 0, 0.5f, Color(0.5f, 0.25f, 1.0f))});
    list.push_back({"dense glass", makeMaterial(0, 1, 0, 0.4f, Color(1.0f), 2.4f)});
    list.push_back({"bubble", makeMaterial(0, 1, 0, 0.3f, Color(1.0f), 1.0f / 1.33f)});
    return list;
}

float relativeError(float a, float b) {
    return std::abs(a - b) / std::max(std::abs(b), 1e-4f);
}

TEST(Bsdf, SampleConsistentWithEvalAndPdf) {
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    const Vec3f ng = Vec3f(-0.4f, 0.5f, 0.7f).normalized();
    for (const NamedMaterial& nm : materials()) {
        const Bsdf bsdf(nm.material, ng);
        int nonDelta = 0;
        for (int i = 0; i < 4000; ++i) {
            const Vec3f wo = test::uniformSphere(rng);
            BsdfSample s;
            if (!bsdf.sample(wo, u(rng), Vec2f(u(rng), u(rng)), s)) continue;
            ASSERT_NEAR(s.wi.length(), 1.0f, 1e-4f) << nm.name;
            ASSERT_TRUE(isFinite(s.weight)) << nm.name;
            ASSERT_GE(std::min({s.weight.x, s.weight.y, s.weight.z}), 0.0f) << nm.name;
            ASSERT_GT(s.pdf, 0.0f) << nm.name;
            ASSERT_EQ(s.isTransmission, (s.wi.dot(ng) > 0) != (wo.dot(ng) > 0)) << nm.name;
            if (s.isDelta) {
                ASSERT_LE(s.pdf, 1.0f + 1e-6f);
                continue;
            }
            ++nonDelta;
            // Near-grazing directions are ill-conditioned: a float round trip through the
            // world frame changes their tiny cosine by a relative 1e-3.
            if (absDot(wo, ng) < 0.02f || absDot(s.wi, ng) < 0.02f) continue;
            const Color f = bsdf.eval(wo, s.wi);
            const float pdf = bsdf.pdf(wo, s.wi);
            ASSERT_LT(relativeError(pdf, s.pdf), 2e-3f) << nm.name;
            for (int c = 0; c < 3; ++c)
                ASSERT_LT(relativeError(s.weight[c], f[c] / pdf), 2e-3f) << nm.name;
        }
        EXPECT_EQ(nonDelta > 0, bsdf.hasNonDeltaLobes()) << nm.name;
    }
}

// The pdf integrates to the probability that sample() returns a non-delta direction
// (below-horizon microfacet samples and delta events are the loss).
TEST(Bsdf, PdfIntegratesToNonDeltaSampleFraction) {
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    const Vec3f ng(0, 0, 1);
    for (const NamedMaterial& nm : materials()) {
        if (nm.material.roughness < 0.2f) continue;  // too peaked for the quadrature
        for (float theta : {5.0f, 60.0f}) {
            for (bool below : {false, true}) {
                const Bsdf bsdf(nm.material, ng);
                const Vec3f wo = test::directionAt(ng, theta, below);
                const double integral = test::integrateSphere(
                    [&](const Vec3f& wi) { return double(bsdf.pdf(wo, wi)); }, 400, 400);
                int produced = 0;
                const int n = 20000;
                for (int i = 0; i < n; ++i) {
                    BsdfSample s;
                    produced += bsdf.sample(wo, u(rng), Vec2f(u(rng), u(rng)), s) && !s.isDelta;
                }
                EXPECT_LE(integral, 1.01) << nm.name;
                EXPECT_NEAR(integral, produced / double(n), 0.02) << nm.name << " " << theta;
            }
        }
    }
    const Bsdf lambert(makeMaterial(0, 0, 0, 0.5f, Color(0.5f)), ng);
    const Vec3f wo = test::directionAt(ng, 30.0f);
    EXPECT_NEAR(test::integrateSphere([&](const Vec3f& wi) { return double(lambert.pdf(wo, wi)); }),
                1.0, 2e-3);
}

// Mean sample weight = directional albedo; for transmission the radiance scaling
// (n_o / n_i)^2 is divided out to measure energy.
Color directionalAlbedo(const Bsdf& bsdf, const Vec3f& ng, const Vec3f& wo, float ior, int n,
                        std::mt19937& rng) {
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    Color sum(0.0f);
    for (int i = 0; i < n; ++i) {
        BsdfSample s;
        if (!bsdf.sample(wo, u(rng), Vec2f(u(rng), u(rng)), s)) continue;
        float scale = 1.0f;
        if (s.isTransmission) scale = wo.dot(ng) > 0 ? sqr(ior) : 1.0f / sqr(ior);
        sum += s.weight * scale;
    }
    return sum / float(n);
}

TEST(Bsdf, EnergyConservation) {
    std::mt19937 rng(3);
    const Vec3f ng = Vec3f(0.1f, 0.2f, 1.0f).normalized();
    for (float r : {0.0f, 0.1f, 0.3f, 0.6f, 1.0f}) {
        for (float ior : {1.1f, 1.5f, 2.4f}) {
            const std::vector<Material> whites = {
                makeMaterial(1, 0, 0, r, Color(1.0f), ior),
                makeMaterial(0, 1, 0, r, Color(1.0f), ior),
                makeMaterial(0, 0, 1, r, Color(1.0f), ior),
                makeMaterial(0.2f, 0.3f, 0.8f, r, Color(1.0f), ior)};
            for (const Material& m : whites) {
                const Bsdf bsdf(m, ng);
                for (float theta : {0.0f, 45.0f, 75.0f, 89.0f})
                    for (bool below : {false, true}) {
                        const Vec3f wo = test::directionAt(ng, theta, below);
                        const Color a = directionalAlbedo(bsdf, ng, wo, ior, 4000, rng);
                        EXPECT_LE(maxComponent(a), 1.02f)
                            << "metal " << m.metallic << " glass " << m.transmission << " r " << r
                            << " ior " << ior << " theta " << theta << " below " << below;
                    }
            }
        }
    }
}

TEST(Bsdf, WhiteFurnace) {
    std::mt19937 rng(4);
    const Vec3f ng(0, 0, 1);
    // Lambert: every sample weight is exactly the diffuse colour.
    const Color c(0.3f, 0.6f, 0.9f);
    const Bsdf lambert(makeMaterial(0, 0, 0, 0.5f, c), ng);
    const Color a =
        directionalAlbedo(lambert, ng, test::directionAt(ng, 40.0f, true), 1.5f, 1000, rng);
    EXPECT_NEAR(a.x, c.x, 1e-5f);
    EXPECT_NEAR(a.y, c.y, 1e-5f);
    EXPECT_NEAR(a.z, c.z, 1e-5f);
    // Smooth white glass: reflection plus transmission keeps all the energy.
    for (float theta : {0.0f, 30.0f, 60.0f, 85.0f})
        for (bool below : {false, true}) {
            const Bsdf glass(makeMaterial(0, 1, 0, 0.0f), ng);
            const Color g =
                directionalAlbedo(glass, ng, test::directionAt(ng, theta, below), 1.5f, 2000, rng);
            EXPECT_NEAR(g.x, 1.0f, 1e-4f) << theta << " " << below;
        }
    // Coated white diffuse: the energy-compensated base makes coat + base ~ 1.
    for (float r : {0.0f, 0.3f, 0.7f, 1.0f})
        for (float theta : {0.0f, 50.0f, 80.0f}) {
            const Bsdf coated(makeMaterial(0, 0, 1, r), ng);
            const Color w =
                directionalAlbedo(coated, ng, test::directionAt(ng, theta), 1.5f, 20000, rng);
            EXPECT_NEAR(w.x, 1.0f, 0.02f) << r << " " << theta;
        }
    // Rough white glass loses only single-scattering energy.
    const Bsdf rough(makeMaterial(0, 1, 0, 0.3f), ng);
    const Color g = directionalAlbedo(rough, ng, test::directionAt(ng, 20.0f), 1.5f, 20000, rng);
    EXPECT_NEAR(g.x, 1.0f, 0.03f);
}

TEST(Bsdf, SmoothDielectricRefractsByRadianceRule) {
    const Vec3f ng(0, 0, 1);
    const Bsdf glass(makeMaterial(0, 1, 0, 0.0f), ng);
    const Vec3f wo = test::directionAt(ng, 0.0f);
    BsdfSample s;
    ASSERT_TRUE(glass.sample(wo, 0.5f, Vec2f(0.5f, 0.5f), s));  // F = 0.04 < 0.5: refraction
    EXPECT_TRUE(s.isDelta && s.isTransmission);
    EXPECT_NEAR(s.wi.z, -1.0f, 1e-6f);
    EXPECT_NEAR(s.pdf, 0.96f, 1e-5f);
    // Entering glass from the camera side: radiance inside is (1.5)^2 larger, so the
    // camera sees 1 / 2.25 of it.
    EXPECT_NEAR(s.weight.x, 1.0f / 2.25f, 1e-5f);
    ASSERT_TRUE(glass.sample(-wo, 0.5f, Vec2f(0.5f, 0.5f), s));
    EXPECT_NEAR(s.weight.x, 2.25f, 1e-4f);
    EXPECT_FALSE(glass.hasNonDeltaLobes());
    EXPECT_EQ(glass.pdf(wo, -wo), 0.0f);
    EXPECT_TRUE(isBlack(glass.eval(wo, -wo)));
}

TEST(Bsdf, ReflectionIsReciprocal) {
    std::mt19937 rng(5);
    const Vec3f ng = Vec3f(0.2f, -0.3f, 0.9f).normalized();
    for (const NamedMaterial& nm : materials()) {
        const Bsdf bsdf(nm.material, ng);
        for (int i = 0; i < 500; ++i) {
            const Vec3f wo = test::uniformSphere(rng), wi = test::uniformSphere(rng);
            if (wo.dot(ng) * wi.dot(ng) <= 0.0f) continue;
            const Color fwd = bsdf.eval(wo, wi) / absDot(wi, ng);
            const Color bwd = bsdf.eval(wi, wo) / absDot(wo, ng);
            for (int c = 0; c < 3; ++c)
                ASSERT_NEAR(fwd[c], bwd[c], 1e-3f * std::max(1.0f, fwd[c])) << nm.name;
        }
    }
}

TEST(Bsdf, OpaqueLobesAreTwoSided) {
    const Vec3f ng(0, 0, 1);
    const Bsdf bsdf(makeMaterial(0.5f, 0, 1, 0.4f, Color(0.7f)), ng);
    const Vec3f wo = test::directionAt(ng, 35.0f), wi = test::directionAt(ng, 60.0f, false, 2.0f);
    const Vec3f mo(wo.x, wo.y, -wo.z), mi(wi.x, wi.y, -wi.z);
    EXPECT_NEAR(bsdf.eval(wo, wi).x, bsdf.eval(mo, mi).x, 1e-6f);
    EXPECT_NEAR(bsdf.pdf(wo, wi), bsdf.pdf(mo, mi), 1e-6f);
    EXPECT_TRUE(isBlack(bsdf.eval(wo, mi)));  // no transmission through an opaque surface
    EXPECT_EQ(bsdf.pdf(wo, mi), 0.0f);
}

TEST(Bsdf, DegenerateInputsAreSafe) {
    std::mt19937 rng(6);
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    const Vec3f ng(0, 0, 1);
    BsdfSample s;
    const Bsdf plain(makeMaterial(0, 0, 1, 0.5f), ng);
    EXPECT_FALSE(plain.sample(Vec3f(1, 0, 0), 0.5f, Vec2f(0.5f, 0.5f), s));  // grazing
    EXPECT_TRUE(isBlack(plain.eval(Vec3f(1, 0, 0), Vec3f(0, 0, 1))));
    const Bsdf black(makeMaterial(0, 0, 0, 0.5f, Color(0.0f)), ng);
    EXPECT_FALSE(black.sample(Vec3f(0, 0, 1), 0.5f, Vec2f(0.5f, 0.5f), s));
    EXPECT_FALSE(black.hasNonDeltaLobes());

    // Extreme and out-of-range parameters never produce NaN, inf or negative values.
    for (int i = 0; i < 3000; ++i) {
        Material m;
        const float pick[] = {-1.0f, 0.0f, 1e-4f, 0.5f, 1.0f, 2.0f};
        m.metallic = pick[rng() % 6];
        m.transmission = pick[rng() % 6];
        m.specular = pick[rng() % 6];
        m.roughness = pick[rng() % 6];
        m.refractiveIndex = std::array<float, 5>{1.0f, 1.0001f, 0.5f, 1.5f, 50.0f}[rng() % 5];
        m.diffuseColor = Color(u(rng) * 1.5f, u(rng), 0.0f);
        const Bsdf bsdf(m, test::uniformSphere(rng));
        const Vec3f wo = test::uniformSphere(rng), wi = test::uniformSphere(rng);
        ASSERT_TRUE(isFinite(bsdf.eval(wo, wi)));
        ASSERT_GE(std::min({bsdf.eval(wo, wi).x, bsdf.eval(wo, wi).y}), 0.0f);
        ASSERT_TRUE(std::isfinite(bsdf.pdf(wo, wi)) && bsdf.pdf(wo, wi) >= 0.0f);
        ASSERT_TRUE(isFinite(bsdf.albedo()));
        if (bsdf.sample(wo, u(rng), Vec2f(u(rng), u(rng)), s)) {
            ASSERT_TRUE(isFinite(s.weight));
            ASSERT_GE(std::min({s.weight.x, s.weight.y, s.weight.z}), 0.0f);
            ASSERT_TRUE(std::isfinite(s.pdf) && s.pdf > 0.0f);
            ASSERT_NEAR(s.wi.length(), 1.0f, 1e-4f);
        }
    }
}

TEST(Bsdf, AlbedoEstimate) {
    const Vec3f ng(0, 0, 1);
    const Color c(0.2f, 0.4f, 0.6f);
    const Color lambert = Bsdf(makeMaterial(0, 0, 0, 0.5f, c), ng).albedo();
    EXPECT_NEAR(lambert.y, 0.4f, 1e-6f);
    const Color metal = Bsdf(makeMaterial(1, 0, 0, 0.0f, c), ng).albedo();
    EXPECT_GT(metal.z, metal.x);  // tinted by the colour
    const Color glass = Bsdf(makeMaterial(0, 1, 0, 0.0f, Color(1.0f)), ng).albedo();
    EXPECT_NEAR(glass.x, 1.0f, 1e-5f);
}

}  // namespace
}  // namespace rt
