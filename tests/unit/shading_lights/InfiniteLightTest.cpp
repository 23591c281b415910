// DistantLight and EnvLight: direction conventions, sampling agrees with escaped(), pdfs
// integrate to one, irradiance matches analytic values and brute force, and texture
// importance sampling beats uniform sampling.
#include "LightTestUtil.h"
#include "shading/EnvLight.h"

namespace rt::test {
namespace {

LightDesc distantDesc(float extentDegrees, bool normalized, const Mat4f& xform = Mat4f()) {
    LightDesc d = makeDesc(LightType::Distant, xform);
    d.angularExtent = extentDegrees;
    d.normalized = normalized;
    d.color = Color(1.0f, 0.8f, 0.6f);
    d.intensity = 2.0f;
    return d;
}

TEST(DistantLight, ComesFromLocalPlusZ) {
    std::mt19937 rng(11);
    const Mat4f xform = rotateMatrix(50.0f, Vec3f(1, 0.3f, 0)) * translateMatrix(Vec3f(5, 6, 7));
    const auto light = makeLight(distantDesc(0.53f, true, xform));
    const Vec3f toLight = normalize(transformVector(xform, Vec3f(0, 0, 1)));
    LightSample s;
    ASSERT_TRUE(light->sample(Vec3f(1, 2, 3), uniform2(rng), s));
    EXPECT_GT(dot(s.wi, toLight), std::cos(radians(0.27f)));
    EXPECT_TRUE(std::isinf(s.distance));
    LightHit hit;
    EXPECT_TRUE(light->escaped(Vec3f(0, 0, 0), toLight, hit));
    EXPECT_FALSE(light->escaped(Vec3f(0, 0, 0), -toLight, hit));
    EXPECT_FALSE(light->intersect(Ray{Vec3f(0, 0, 0), toLight}, hit));
    EXPECT_TRUE(light->isInfinite());
}

TEST(DistantLight, SampleMatchesEscapedAndPdfIntegratesToOne) {
    std::mt19937 rng(12);
    for (float extent : {0.53f, 20.0f, 200.0f}) {
        SCOPED_TRACE(extent);
        const auto light = makeLight(distantDesc(extent, true, rotateMatrix(30, Vec3f(0, 1, 0))));
        EXPECT_GT(checkSampleMatchesLookup(*light, Vec3f(0, 0, 0), 20000, rng), 19999);
    }
    // Wide cone: stratified uniform sphere directions.
    const auto wide = makeLight(distantDesc(20.0f, false));
    EXPECT_NEAR(pdfIntegral(*wide, Vec3f(0, 0, 0), 400, rng), 1.0, 0.02);
    // The sun's cone is too small for the whole sphere: integrate over a cap four times
    // its angle, mean(pdf_light / pdf_cap).
    const auto sun = makeLight(distantDesc(0.53f, false));
    const float capVersine = 2.0f * sqr(std::sin(radians(0.53f)));  // half angle 0.53
    double sum = 0.0;
    const int k = 300;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const Vec2f u((i + uniform01(rng)) / k, (j + uniform01(rng)) / k);
            const float v = u.x * capVersine;
            const float sinTheta = std::sqrt(v * (2.0f - v));
            const Vec3f dir(sinTheta * std::cos(kTwoPi * u.y), sinTheta * std::sin(kTwoPi * u.y),
                            1.0f - v);
            LightHit hit;
            if (sun->escaped(Vec3f(0, 0, 0), normalize(dir), hit))
                sum += hit.pdf * (kTwoPi * capVersine);
        }
    EXPECT_NEAR(sum / (k * k), 1.0, 0.02);
}

TEST(DistantLight, IrradianceAnalyticAndNormalized) {
    std::mt19937 rng(13);
    const Vec3f p(0, 0, 0), n(0, 0, 1);
    // Unnormalized: E = L pi sin^2(half angle) at normal incidence.
    const LightDesc desc = distantDesc(20.0f, false);
    const auto light = makeLight(desc);
    const double L = mean3(desc.radianceScale());
    const double exact = L * kPi * sqr(std::sin(radians(10.0f)));
    const Estimate e = irradianceByLight(*light, p, n, 20000, rng);
    EXPECT_NEAR(e.mean, exact, 4 * e.stdError + 1e-3 * exact);
    EXPECT_NEAR(irradianceBruteForce(*light, p, n, 600, rng), exact, 0.015 * exact);
    // Normalized (MoonRay): E = pi * color * intensity * 2^exposure for every extent,
    // including a zero extent (clamped) and one larger than the hemisphere.
    for (float extent : {0.0f, 0.53f, 20.0f, 180.0f, 360.0f}) {
        SCOPED_TRACE(extent);
        const auto normalized = makeLight(distantDesc(extent, true));
        const Estimate en = irradianceByLight(*normalized, p, n, 20000, rng);
        EXPECT_NEAR(en.mean, kPi * L, 4 * en.stdError + 1e-3 * kPi * L);
    }
}

TEST(EnvLight, ConstantEnvironment) {
    std::mt19937 rng(14);
    LightDesc desc = makeDesc(LightType::Env, rotateMatrix(70, Vec3f(1, 2, 3)));
    desc.color = Color(0.3f, 0.6f, 0.9f);
    desc.exposure = -1.0f;
    desc.normalized = true;  // ignored by environments
    const auto light = makeLight(desc);
    const double L = mean3(desc.radianceScale());
    EXPECT_GT(checkSampleMatchesLookup(*light, Vec3f(0, 0, 0), 20000, rng), 19999);
    EXPECT_NEAR(pdfIntegral(*light, Vec3f(0, 0, 0), 300, rng), 1.0, 1e-3);
    const Vec3f n = normalize(Vec3f(0.2f, 0.9f, -0.3f));
    const Estimate e = irradianceByLight(*light, Vec3f(0, 0, 0), n, 50000, rng);
    EXPECT_NEAR(e.mean, kPi * L, 4 * e.stdError);
    EXPECT_NEAR(irradianceBruteForce(*light, Vec3f(0, 0, 0), n, 400, rng), kPi * L, 0.005 * L);
}

TEST(EnvLight, LatLongMappingFollowsMoonRay) {
    const auto near = [](const Vec3f& a, const Vec3f& b) { return (a - b).length() < 1e-5f; };
    EXPECT_TRUE(near(EnvLight::uvToDirection(Vec2f(0.5f, 0.5f)), Vec3f(0, 0, 1)));
    EXPECT_TRUE(near(EnvLight::uvToDirection(Vec2f(0.25f, 0.5f)), Vec3f(1, 0, 0)));
    EXPECT_TRUE(near(EnvLight::uvToDirection(Vec2f(0.0f, 0.5f)), Vec3f(0, 0, -1)));
    EXPECT_TRUE(near(EnvLight::uvToDirection(Vec2f(0.75f, 0.5f)), Vec3f(-1, 0, 0)));
    EXPECT_TRUE(near(EnvLight::uvToDirection(Vec2f(0.3f, 0.0f)), Vec3f(0, 1, 0)));
    std::mt19937 rng(15);
    for (int i = 0; i < 1000; ++i) {
        const Vec2f uv(uniform01(rng), 0.01f + 0.98f * uniform01(rng));
        const Vec2f back = EnvLight::directionToUv(EnvLight::uvToDirection(uv));
        EXPECT_NEAR(back.y, uv.y, 1e-5f);
        EXPECT_NEAR(std::remainder(back.x - uv.x, 1.0f), 0.0f, 1e-5f);
    }
}

// An 8 x 4 map, black but for one texel: every sample lands in that texel's direction,
// turned by node_xform.
TEST(EnvLight, TextureOrientationAndRotation) {
    auto image = std::make_shared<RgbImage>();
    image->width = 8;
    image->height = 4;
    image->pixels.assign(32, Color(0.0f));
    image->pixels[1 * 8 + 2] = Color(5.0f, 4.0f, 3.0f);  // u in [0.25, 0.375), v in [0.25, 0.5)
    const Mat4f rot = rotateMatrix(90.0f, Vec3f(0, 1, 0));
    LightDesc desc = makeDesc(LightType::Env, rot);
    desc.texture = "/synthetic.exr";
    desc.textureImage = image;
    const auto light = makeLight(desc);
    std::mt19937 rng(16);
    for (int i = 0; i < 200; ++i) {
        LightSample s;
        ASSERT_TRUE(light->sample(Vec3f(0, 0, 0), uniform2(rng), s));
        const Vec3f local = normalize(transformVector(rot.inverse(), s.wi));
        const Vec2f uv = EnvLight::directionToUv(local);
        EXPECT_TRUE(uv.x >= 0.25f && uv.x <= 0.375f && uv.y >= 0.25f && uv.y <= 0.5f) << uv;
        EXPECT_NEAR(s.radiance.x, 5.0f, 1e-6f);
    }
    LightHit hit;
    EXPECT_FALSE(light->escaped(Vec3f(0, 0, 0), Vec3f(0, -1, 0), hit));  // black texel
}

// A dim sky with a small, very bright sun: importance sampling must agree with uniform
// sampling and brute force, with far lower variance.
TEST(EnvLight, TextureImportanceSamplingBeatsUniform) {
    const int w = 64, h = 32;
    auto image = std::make_shared<RgbImage>();
    image->width = w;
    image->height = h;
    image->pixels.resize(w * h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            image->pixels[y * w + x] = Color(0.05f + 0.1f * y / h, 0.08f, 0.1f + 0.01f * x / w);
    for (int y = 9; y < 11; ++y)
        for (int x = 40; x < 42; ++x) image->pixels[y * w + x] = Color(3000.0f, 2500.0f, 2000.0f);
    image->pixels[0] = Color(std::nanf(""), -1.0f, 1.0f);  // sanitized to (0, 0, 1)
    LightDesc desc = makeDesc(LightType::Env, rotateMatrix(25.0f, Vec3f(0.2f, 1, 0)));
    desc.texture = "/synthetic.exr";
    desc.textureImage = image;
    desc.intensity = 0.5f;
    const auto light = makeLight(desc);
    const Vec3f p(0, 0, 0), n = normalize(Vec3f(0.3f, 0.8f, 0.2f));

    std::mt19937 rng(17);
    EXPECT_GT(checkSampleMatchesLookup(*light, p, 20000, rng), 19999);
    EXPECT_NEAR(pdfIntegral(*light, p, 600, rng), 1.0, 0.01);

    const double truth = irradianceBruteForce(*light, p, n, 1500, rng);
    const int count = 20000;
    const Estimate importance = irradianceByLight(*light, p, n, count, rng);
    double sum = 0.0, sum2 = 0.0;
    for (int i = 0; i < count; ++i) {
        const Vec3f dir = squareToUniformSphere(uniform2(rng));
        LightHit hit;
        double v = 0.0;
        if (light->escaped(p, dir, hit))
            v = mean3(hit.radiance) * std::max(0.0f, dot(n, dir)) / uniformSpherePdf();
        sum += v;
        sum2 += v * v;
    }
    const Estimate uniform{sum / count,
                           std::sqrt((sum2 / count - sqr(float(sum / count))) / count)};
    EXPECT_NEAR(importance.mean, truth, 4 * importance.stdError + 0.005 * truth);
    EXPECT_NEAR(uniform.mean, truth, 4 * uniform.stdError + 0.005 * truth);
    EXPECT_LT(importance.stdError * 10.0, uniform.stdError)
        << importance.stdError << " vs " << uniform.stdError;
}

}  // namespace
}  // namespace rt::test
