// Goodness of fit of Bsdf::sample() against Bsdf::pdf() for every non-delta lobe and for
// mixtures, over roughness, incident angle and side.
#include <gtest/gtest.h>

#include <vector>

#include "BsdfTestUtil.h"

namespace rt {
namespace {

struct Chi2Case {
    std::string name;
    Material material;
    float thetaDeg;
    bool below;  // wo on the -ng side
};

std::vector<Chi2Case> chi2Cases() {
    std::vector<Chi2Case> cases;
    const auto add = [&](const std::string& name, const Material& m,
                         std::initializer_list<float> angles, bool bothSides) {
        for (float theta : angles)
            for (bool below : {false, true}) {
                if (below && !bothSides) continue;
                cases.push_back(
                    {name + " theta=" + std::to_string(int(theta)) + (below ? " below" : ""), m,
                     theta, below});
            }
    };
    using test::makeMaterial;
    add("lambert", makeMaterial(0, 0, 0, 0.5f, Color(0.8f, 0.5f, 0.2f)), {0.0f, 70.0f}, true);
    for (float r : {0.3f, 0.6f, 1.0f}) {
        const std::string rs = " r=" + std::to_string(r).substr(0, 3);
        add("conductor" + rs, makeMaterial(1, 0, 0, r, Color(0.9f, 0.6f, 0.3f)),
            {10.0f, 45.0f, 80.0f}, false);
        add("rough glass" + rs, makeMaterial(0, 1, 0, r), {10.0f, 50.0f, 80.0f}, true);
    }
    for (float r : {0.3f, 0.7f})
        add("coated diffuse r=" + std::to_string(r).substr(0, 3),
            makeMaterial(0, 0, 1, r, Color(0.3f, 0.6f, 0.9f)), {20.0f, 60.0f, 85.0f}, false);
    add("water r=0.4", makeMaterial(0, 1, 0, 0.4f, Color(1.0f), 1.33f), {30.0f, 60.0f}, true);
    add("mixture", makeMaterial(0.3f, 0.4f, 0.7f, 0.5f, Color(0.7f, 0.8f, 0.6f)), {30.0f, 75.0f},
        true);
    // Delta lobes are left out of the histogram and of pdf(): only the Lambert part is
    // continuous here.
    add("mixture with delta lobes", makeMaterial(0.4f, 0.3f, 0.5f, 0.0f, Color(0.5f)), {40.0f},
        true);
    return cases;
}

TEST(BsdfChi2, SampleMatchesPdf) {
    const std::vector<Chi2Case> cases = chi2Cases();
    // 1% significance, Bonferroni-corrected for the number of tests.
    const double significance = 0.01 / static_cast<double>(cases.size());
    // Bins are aligned with the horizon only for ng = +Z; tilted normals are covered by
    // the consistency tests.
    const Vec3f ng(0.0f, 0.0f, 1.0f);
    for (const Chi2Case& c : cases) {
        const Bsdf bsdf(c.material, ng);
        const Vec3f wo = test::directionAt(ng, c.thetaDeg, c.below);
        std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
        const auto sample = [&](std::mt19937& rng) -> std::optional<Vec3f> {
            const float uLobe = uniform(rng);
            const Vec2f u(uniform(rng), uniform(rng));
            BsdfSample s;
            if (!bsdf.sample(wo, uLobe, u, s) || s.isDelta) return std::nullopt;
            return s.wi;
        };
        const auto pdf = [&](const Vec3f& wi) { return double(bsdf.pdf(wo, wi)); };
        const test::Chi2Result r = test::chi2Test(sample, pdf, 100000, significance);
        EXPECT_TRUE(r.passed) << c.name << ": " << r.message;
    }
}

}  // namespace
}  // namespace rt
