// RectLight, DiskLight and SphereLight: sampling agrees with intersection, pdfs integrate
// to one, irradiance matches analytic values and brute force.
#include "LightTestUtil.h"
#include "shading/SphereLight.h"

namespace rt::test {
namespace {

// A transform with rotation, non-uniform scale and translation: planar lights must
// handle it exactly.
Mat4f skewedXform() {
    return scaleMatrix(Vec3f(1.5f, 0.7f, 1.0f)) * rotateMatrix(30.0f, Vec3f(1, 1, 0)) *
           translateMatrix(Vec3f(1, 2, 3));
}

// Irradiance on axis at distance d from a w x h rectangle of radiance L (form factor of
// a differential area to a parallel rectangle, summed over the four quadrants).
double rectAxisIrradiance(double L, double w, double h, double d) {
    const double x = w / (2 * d), y = h / (2 * d);
    const double ax = std::sqrt(1 + x * x), ay = std::sqrt(1 + y * y);
    return 2 * L * (x / ax * std::atan(y / ax) + y / ay * std::atan(x / ay));
}

LightDesc rectDesc(float w, float h, const Mat4f& xform = Mat4f()) {
    LightDesc d = makeDesc(LightType::Rect, xform);
    d.width = w;
    d.height = h;
    d.color = Color(1.0f, 0.5f, 0.25f);
    d.intensity = 3.0f;
    d.normalized = false;
    return d;
}

TEST(RectLight, EmitsTowardLocalMinusZLikeMoonRay) {
    const auto light = makeLight(rectDesc(2, 1));
    std::mt19937 rng(1);
    LightSample s;
    ASSERT_TRUE(light->sample(Vec3f(0, 0, -2), uniform2(rng), s));
    EXPECT_GT(s.wi.z, 0.8f);
    EXPECT_FALSE(light->sample(Vec3f(0, 0, 2), uniform2(rng), s));     // back side
    EXPECT_FALSE(light->sample(Vec3f(0.1f, 0, 0), uniform2(rng), s));  // in the plane
    LightHit hit;
    EXPECT_TRUE(light->intersect(Ray{Vec3f(0, 0, -2), Vec3f(0, 0, 1)}, hit));
    EXPECT_NEAR(hit.distance, 2.0f, 1e-6f);
    EXPECT_FALSE(light->intersect(Ray{Vec3f(0, 0, 2), Vec3f(0, 0, -1)}, hit));
    EXPECT_FALSE(light->intersect(Ray{Vec3f(0, 0, -2), Vec3f(0, 0, 1), 0.0f, 1.9f}, hit));
    EXPECT_FALSE(light->intersect(Ray{Vec3f(1.1f, 0, -2), Vec3f(0, 0, 1)}, hit));  // outside
    EXPECT_FALSE(light->escaped(Vec3f(0, 0, -2), Vec3f(0, 0, 1), hit));
    EXPECT_FALSE(light->isInfinite());
    // Unnormalized ray direction: distance is the ray parameter.
    ASSERT_TRUE(light->intersect(Ray{Vec3f(0, 0, -2), Vec3f(0, 0, 4)}, hit));
    EXPECT_NEAR(hit.distance, 0.5f, 1e-6f);
}

TEST(RectLight, SampleMatchesIntersect) {
    std::mt19937 rng(2);
    const auto plain = makeLight(rectDesc(2, 1));
    EXPECT_GT(checkSampleMatchesLookup(*plain, Vec3f(0.3f, -0.2f, -1.5f), 20000, rng), 19000);
    EXPECT_GT(checkSampleMatchesLookup(*plain, Vec3f(3, 1, -0.05f), 20000, rng), 19000);
    const auto skewed = makeLight(rectDesc(2, 1, skewedXform()));
    const Vec3f p = transformPoint(skewedXform(), Vec3f(0.2f, 0.1f, -1.2f));
    EXPECT_GT(checkSampleMatchesLookup(*skewed, p, 20000, rng), 19000);
}

TEST(RectLight, PdfIntegratesToOne) {
    std::mt19937 rng(3);
    const auto plain = makeLight(rectDesc(2, 2));
    EXPECT_NEAR(pdfIntegral(*plain, Vec3f(0.3f, -0.2f, -1.0f), 400, rng), 1.0, 0.02);
    const auto skewed = makeLight(rectDesc(2, 1, skewedXform()));
    const Vec3f p = transformPoint(skewedXform(), Vec3f(0.2f, 0.1f, -1.2f));
    EXPECT_NEAR(pdfIntegral(*skewed, p, 400, rng), 1.0, 0.02);
}

TEST(RectLight, IrradianceMatchesAnalyticAndBruteForce) {
    std::mt19937 rng(4);
    const LightDesc desc = rectDesc(2, 1);
    const auto light = makeLight(desc);
    const double L = mean3(desc.radianceScale());
    const double exact = rectAxisIrradiance(L, 2, 1, 1.5);
    const Vec3f p(0, 0, -1.5f), n(0, 0, 1);
    const Estimate e = irradianceByLight(*light, p, n, 50000, rng);
    EXPECT_NEAR(e.mean, exact, 4 * e.stdError + 1e-3 * exact);
    EXPECT_NEAR(irradianceBruteForce(*light, p, n, 512, rng), exact, 0.01 * exact);

    // Off axis, tilted normal, skewed light: light sampling against brute force.
    const auto skewed = makeLight(rectDesc(2, 1, skewedXform()));
    const Vec3f q = transformPoint(skewedXform(), Vec3f(0.8f, 0.1f, -0.7f));
    const Vec3f m = normalize(Vec3f(0.3f, 0.9f, -0.2f));
    const Estimate es = irradianceByLight(*skewed, q, m, 50000, rng);
    const double brute = irradianceBruteForce(*skewed, q, m, 512, rng);
    EXPECT_NEAR(es.mean, brute, 4 * es.stdError + 0.015 * brute);
}

TEST(RectLight, NormalizedRadianceTimesAreaIsScaleInvariant) {
    const Mat4f move = translateMatrix(Vec3f(0, 0, 4));
    LightDesc a = rectDesc(1, 1, scaleMatrix(Vec3f(2, 3, 1)) * move);
    LightDesc b = rectDesc(2, 3, move);
    a.normalized = b.normalized = true;
    const auto la = makeLight(a), lb = makeLight(b);
    const Ray ray{Vec3f(0.1f, 0.2f, 0), Vec3f(0, 0, 1)};
    LightHit ha, hb;
    ASSERT_TRUE(la->intersect(ray, ha));
    ASSERT_TRUE(lb->intersect(ray, hb));
    const float scale = mean3(a.radianceScale());
    EXPECT_NEAR(mean3(ha.radiance) * 6.0f, scale, 1e-5f * scale);  // world area 2 x 3
    EXPECT_NEAR(mean3(hb.radiance) * 6.0f, scale, 1e-5f * scale);
    EXPECT_NEAR(ha.pdf, hb.pdf, 1e-5f * hb.pdf);
}

LightDesc diskDesc(float radius, const Mat4f& xform = Mat4f()) {
    LightDesc d = makeDesc(LightType::Disk, xform);
    d.radius = radius;
    d.color = Color(0.2f, 0.7f, 1.0f);
    d.exposure = 1.0f;
    d.normalized = false;
    return d;
}

TEST(DiskLight, SampleIntersectPdfAndIrradiance) {
    std::mt19937 rng(5);
    const LightDesc desc = diskDesc(1.2f);
    const auto light = makeLight(desc);
    const Vec3f p(0, 0, -1.5f), n(0, 0, 1);
    EXPECT_GT(checkSampleMatchesLookup(*light, Vec3f(0.5f, 0.3f, -0.8f), 20000, rng), 19000);
    EXPECT_NEAR(pdfIntegral(*light, Vec3f(0.5f, 0.3f, -0.8f), 400, rng), 1.0, 0.02);

    const double L = mean3(desc.radianceScale()), r2 = 1.2 * 1.2;
    const double exact = L * kPi * r2 / (r2 + 1.5 * 1.5);
    const Estimate e = irradianceByLight(*light, p, n, 50000, rng);
    EXPECT_NEAR(e.mean, exact, 4 * e.stdError + 1e-3 * exact);
    EXPECT_NEAR(irradianceBruteForce(*light, p, n, 512, rng), exact, 0.01 * exact);
    LightSample s;
    EXPECT_FALSE(light->sample(Vec3f(0, 0, 1), uniform2(rng), s));  // back side
}

TEST(DiskLight, SkewedEllipseIsExactAndNormalized) {
    std::mt19937 rng(6);
    LightDesc desc = diskDesc(0.8f, skewedXform());
    desc.normalized = true;
    const auto light = makeLight(desc);
    const Vec3f p = transformPoint(skewedXform(), Vec3f(0.3f, -0.2f, -0.9f));
    EXPECT_GT(checkSampleMatchesLookup(*light, p, 20000, rng), 19000);
    EXPECT_NEAR(pdfIntegral(*light, p, 400, rng), 1.0, 0.02);
    const Vec3f n = normalize(Vec3f(-0.2f, 1.0f, 0.1f));
    const Estimate e = irradianceByLight(*light, p, n, 50000, rng);
    const double brute = irradianceBruteForce(*light, p, n, 512, rng);
    EXPECT_NEAR(e.mean, brute, 4 * e.stdError + 0.015 * brute);
    // Normalized: radiance * world area (pi r^2 scaled by 1.5 * 0.7) = scale.
    LightSample s;
    ASSERT_TRUE(light->sample(p, uniform2(rng), s));
    const float area = kPi * 0.8f * 0.8f * 1.5f * 0.7f;
    EXPECT_NEAR(mean3(s.radiance) * area, mean3(desc.radianceScale()), 1e-4f);
}

LightDesc sphereDesc(float radius, const Mat4f& xform) {
    LightDesc d = makeDesc(LightType::Sphere, xform);
    d.radius = radius;
    d.color = Color(1.0f, 0.9f, 0.8f);
    d.intensity = 2.0f;
    d.normalized = false;
    return d;
}

TEST(SphereLight, SampleIntersectPdfAndAnalyticIrradiance) {
    std::mt19937 rng(7);
    // Radius 2 scaled by 0.5: world radius 1 at (1, 2, 3).
    const Mat4f xform = scaleMatrix(Vec3f(0.5f)) * rotateMatrix(40.0f, Vec3f(0, 1, 1)) *
                        translateMatrix(Vec3f(1, 2, 3));
    const LightDesc desc = sphereDesc(2.0f, xform);
    const auto light = makeLight(desc);
    const Vec3f c(1, 2, 3);
    const Vec3f p = c + Vec3f(0, 0, -3), n(0, 0, 1);
    EXPECT_GT(checkSampleMatchesLookup(*light, p, 20000, rng), 19000);
    EXPECT_GT(checkSampleMatchesLookup(*light, c + Vec3f(0.7f, 0.8f, 0.1f), 20000, rng), 19000);
    EXPECT_NEAR(pdfIntegral(*light, p, 400, rng), 1.0, 0.02);

    const double L = mean3(desc.radianceScale());
    const double exact = L * kPi / 9.0;  // L pi (r/d)^2
    const Estimate e = irradianceByLight(*light, p, n, 50000, rng);
    EXPECT_NEAR(e.mean, exact, 4 * e.stdError + 1e-3 * exact);
    EXPECT_NEAR(irradianceBruteForce(*light, p, n, 512, rng), exact, 0.01 * exact);

    // Partly below the horizon: light sampling against brute force.
    const Vec3f tilted = normalize(Vec3f(1, 0, 0.2f));
    const Vec3f q = c + Vec3f(0, 0.5f, -1.4f);
    const Estimate et = irradianceByLight(*light, q, tilted, 50000, rng);
    const double brute = irradianceBruteForce(*light, q, tilted, 512, rng);
    EXPECT_NEAR(et.mean, brute, 4 * et.stdError + 0.015 * brute);
}

TEST(SphereLight, InsideSeesOnlyTheBackSide) {
    std::mt19937 rng(8);
    const auto light = makeLight(sphereDesc(1.0f, Mat4f()));
    LightSample s;
    LightHit hit;
    EXPECT_FALSE(light->sample(Vec3f(0.2f, 0.1f, 0), uniform2(rng), s));
    EXPECT_FALSE(light->intersect(Ray{Vec3f(0.2f, 0.1f, 0), Vec3f(1, 0, 0)}, hit));
    // Outside, moving away, or the near hit before tNear: nothing.
    EXPECT_FALSE(light->intersect(Ray{Vec3f(3, 0, 0), Vec3f(1, 0, 0)}, hit));
    EXPECT_FALSE(light->intersect(Ray{Vec3f(3, 0, 0), Vec3f(-1, 0, 0), 2.5f}, hit));
    ASSERT_TRUE(light->intersect(Ray{Vec3f(3, 0, 0), Vec3f(-1, 0, 0)}, hit));
    EXPECT_NEAR(hit.distance, 2.0f, 1e-5f);
}

TEST(SphereLight, NormalizedAndTinyFarSphere) {
    std::mt19937 rng(9);
    LightDesc desc = sphereDesc(0.5f, scaleMatrix(Vec3f(2.0f)));
    desc.normalized = true;
    const auto light = makeLight(desc);
    LightHit hit;
    ASSERT_TRUE(light->intersect(Ray{Vec3f(0, 0, -5), Vec3f(0, 0, 1)}, hit));
    EXPECT_NEAR(mean3(hit.radiance) * 4.0f * kPi, mean3(desc.radianceScale()), 1e-5f);

    // 1 mm sphere 100 m away: the cone's versine (5e-11) is far below float's resolution
    // of cos near 1, yet the estimate must match L pi (r/d)^2.
    LightDesc far = sphereDesc(1e-3f, translateMatrix(Vec3f(0, 0, 100)));
    const auto tiny = makeLight(far);
    const Estimate e = irradianceByLight(*tiny, Vec3f(0, 0, 0), Vec3f(0, 0, 1), 2000, rng);
    const double exact = mean3(far.radianceScale()) * kPi * 1e-10;
    EXPECT_NEAR(e.mean, exact, 1e-3 * exact);
    // Float directions are good to ~1e-7 rad, 1e-5 m at 100 m: 1% of the radius, so rays
    // through the outermost ring of samples may miss.
    EXPECT_GT(checkSampleMatchesLookup(*tiny, Vec3f(0, 0, 0), 2000, rng, 0.05), 1900);
}

}  // namespace
}  // namespace rt::test
