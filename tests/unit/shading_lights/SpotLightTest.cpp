// SpotLight: the falloff curves, the disk formula on axis, darkness outside the outer
// cone, the documented falloff between the cones (worked out by hand from the focal-plane
// construction of doc/SHADING.md), sampling against intersection with both of MoonRay's
// strategies, the camera's black level and invalid parameters.
#include "LightTestUtil.h"
#include "core/Error.h"
#include "shading/SpotCone.h"
#include "shading/SpotLight.h"

namespace rt::test {
namespace {

LightDesc spotDesc(float lensRadius, const Mat4f& xform = Mat4f()) {
    LightDesc d = makeDesc(LightType::Spot, xform);
    d.spot.lensRadius = lensRadius;
    d.color = Color(1.0f, 0.8f, 0.6f);
    d.intensity = 2.0f;
    d.normalized = false;
    return d;
}

// A point at distance `dist` from the node's origin, `degrees` off the beam's axis (the
// beam goes down local -Z), tilted toward local +X.
Vec3f offAxis(float degrees, float dist) {
    const float a = radians(degrees);
    return Vec3f(std::sin(a), 0.0f, -std::cos(a)) * dist;
}

// The radiance a point sees along the ray to the lens centre.
float radianceTowardCentre(const Light& light, const Vec3f& p) {
    LightHit hit;
    if (!light.intersect(Ray{p, normalize(-p)}, hit)) return -1.0f;
    return mean3(hit.radiance);
}

TEST(SpotFalloffCurve, MoonRaysFiveCurves) {
    // off, linear, ease in t^2, ease out t(2 - t), ease in/out t^2(3 - 2t), at t = 0.25.
    EXPECT_EQ(spotFalloffCurve(0, 0.25f), 1.0f);
    EXPECT_EQ(spotFalloffCurve(0, 0.0f), 0.0f);
    EXPECT_FLOAT_EQ(spotFalloffCurve(1, 0.25f), 0.25f);
    EXPECT_FLOAT_EQ(spotFalloffCurve(2, 0.25f), 0.0625f);
    EXPECT_FLOAT_EQ(spotFalloffCurve(3, 0.25f), 0.4375f);
    EXPECT_FLOAT_EQ(spotFalloffCurve(4, 0.25f), 0.15625f);
    EXPECT_FLOAT_EQ(spotFalloffCurve(4, 0.5f), 0.5f);
    for (int type = 0; type <= 4; ++type) {  // clamped to [0, 1]
        EXPECT_EQ(spotFalloffCurve(type, -0.5f), 0.0f) << type;
        EXPECT_EQ(spotFalloffCurve(type, 1.5f), 1.0f) << type;
    }
}

TEST(SpotLight, OnAxisIrradianceIsTheDiskFormula) {
    std::mt19937 rng(21);
    // Lens radius 0.1 at distance 2: every lens point is seen 2.9 degrees off the axis,
    // well inside the inner cone (15 degrees), so the lens shines at full radiance.
    for (const float focal : {1e10f, 5.0f}) {
        LightDesc desc = spotDesc(0.1f);
        desc.spot.focalPlaneDistance = focal;
        const auto light = makeLight(desc);
        const double L = mean3(desc.radianceScale()), r2 = 0.01, d2 = 4.0;
        const double exact = L * kPi * r2 / (r2 + d2);
        const Estimate e = irradianceByLight(*light, Vec3f(0, 0, -2), Vec3f(0, 0, 1), 40000, rng);
        EXPECT_NEAR(e.mean, exact, 4 * e.stdError + 1e-4 * exact) << "focal " << focal;
    }
    // Normalized (MoonRay's default): radiance divided by the lens area pi r^2.
    LightDesc desc = spotDesc(0.1f);
    desc.normalized = true;
    const auto light = makeLight(desc);
    const double exact = mean3(desc.radianceScale()) / (kPi * 0.01) * kPi * 0.01 / 4.01;
    const Estimate e = irradianceByLight(*light, Vec3f(0, 0, -2), Vec3f(0, 0, 1), 40000, rng);
    EXPECT_NEAR(e.mean, exact, 4 * e.stdError + 1e-4 * exact);
}

TEST(SpotLight, DarkOutsideTheOuterCone) {
    std::mt19937 rng(22);
    const auto light = makeLight(spotDesc(0.1f));  // outer cone 60 degrees: 30 each side
    const Vec3f outside = offAxis(40.0f, 10.0f), n = normalize(-outside);
    EXPECT_EQ(irradianceByLight(*light, outside, n, 2000, rng).mean, 0.0);
    EXPECT_EQ(radianceTowardCentre(*light, outside), 0.0f);
    LightSample s;
    for (int i = 0; i < 100; ++i) EXPECT_FALSE(light->sample(outside, uniform2(rng), s));
    // Behind the lens nothing either; inside the inner cone, light.
    EXPECT_FALSE(light->sample(Vec3f(0, 0, 2), uniform2(rng), s));
    EXPECT_GT(irradianceByLight(*light, offAxis(10.0f, 10.0f), n, 100, rng).mean, 0.0);
}

// For the ray through the lens centre at angle theta, the focal point is f tan(theta)
// from the axis, and the falloff parameter is
//   t = (tan(outer/2) + R/f - tan(theta)) / (tan(outer/2) - tan(inner/2)).
double handParameter(double thetaDeg, double outerDeg, double innerDeg, double R, double f) {
    const double tanO = std::tan(outerDeg * kPi / 360.0), tanI = std::tan(innerDeg * kPi / 360.0);
    return (tanO + R / f - std::tan(thetaDeg * kPi / 180.0)) / (tanO - tanI);
}

TEST(SpotLight, FalloffBetweenTheConesFollowsTheCurve) {
    struct Case {
        float focal;
        float outer, inner;
    };
    for (const Case c :
         {Case{10.0f, 60.0f, 30.0f}, Case{1e10f, 60.0f, 30.0f}, Case{4.0f, 90.0f, 20.0f}}) {
        for (int type = 0; type <= 4; ++type) {
            LightDesc desc = spotDesc(1.0f);
            desc.spot.focalPlaneDistance = c.focal;
            desc.spot.outerConeAngle = c.outer;
            desc.spot.innerConeAngle = c.inner;
            desc.spot.angleFalloffType = type;
            const auto light = makeLight(desc);
            const float L = mean3(desc.radianceScale());
            for (const double theta : {5.0, 0.5 * c.inner + 1.0, 0.25 * (c.outer + c.inner),
                                       0.5 * c.outer - 1.0, 0.5 * c.outer + 8.0}) {
                const double t =
                    std::clamp(handParameter(theta, c.outer, c.inner, 1.0, c.focal), 0.0, 1.0);
                const double curve[] = {t > 0 ? 1.0 : 0.0, t, t * t, t * (2 - t),
                                        t * t * (3 - 2 * t)};
                // Far beyond the focal plane and near it alike: the falloff depends on
                // the ray, not on the distance.
                for (const float dist : {20.0f, 3.0f}) {
                    EXPECT_NEAR(radianceTowardCentre(*light, offAxis(theta, dist)), L * curve[type],
                                2e-5 * L)
                        << "type " << type << " theta " << theta << " focal " << c.focal;
                }
            }
        }
    }
}

TEST(SpotLight, AspectRatioMakesLensAndPoolElliptical) {
    LightDesc desc = spotDesc(1.0f);
    desc.spot.aspectRatio = 2.0f;  // local Y extent half the X extent
    const auto light = makeLight(desc);
    LightHit hit;
    EXPECT_TRUE(light->intersect(Ray{Vec3f(0.9f, 0, -1), Vec3f(0, 0, 1)}, hit));
    EXPECT_FALSE(light->intersect(Ray{Vec3f(0, 0.9f, -1), Vec3f(0, 0, 1)}, hit));
    EXPECT_TRUE(light->intersect(Ray{Vec3f(0, 0.45f, -1), Vec3f(0, 0, 1)}, hit));
    // The pool's Y radius is half its X radius: 25 degrees off axis is in the beam along
    // X (tan 25 = 0.47 < tan 30) and out of it along Y (0.47 > tan 30 / 2).
    const float a = radians(25.0f);
    EXPECT_GT(radianceTowardCentre(*light, Vec3f(std::sin(a), 0, -std::cos(a)) * 20.0f), 0.0f);
    EXPECT_EQ(radianceTowardCentre(*light, Vec3f(0, std::sin(a), -std::cos(a)) * 20.0f), 0.0f);
    // Normalized: radiance times the ellipse's area pi R (R / 2) is the scale.
    desc.normalized = true;
    const auto normalized = makeLight(desc);
    ASSERT_TRUE(normalized->intersect(Ray{Vec3f(0, 0, -1), Vec3f(0, 0, 1)}, hit));
    EXPECT_NEAR(mean3(hit.radiance) * kPi * 0.5f, mean3(desc.radianceScale()), 1e-5f);
}

Mat4f skewedXform() {
    return scaleMatrix(Vec3f(1.3f, 0.8f, 1.1f)) * rotateMatrix(35.0f, Vec3f(1, 0.5f, 0)) *
           translateMatrix(Vec3f(-1, 2, 0.5f));
}

TEST(SpotLight, SampleMatchesIntersectWithBothStrategies) {
    std::mt19937 rng(23);
    const LightDesc desc = spotDesc(1.0f, skewedXform());
    const auto light = makeLight(desc);
    const auto& spot = dynamic_cast<const SpotLight&>(*light);
    // Cross-over distance R f / (R + Rf), about R / tan(30 degrees) for MoonRay's far focal
    // plane: nearer points sample the focal pool.
    EXPECT_NEAR(spot.cone().crossOverDistance, 1.0f / std::tan(radians(30.0f)), 1e-4f);
    const float L = mean3(desc.radianceScale());
    for (const Vec3f& local :
         {Vec3f(0.3f, -0.2f, -3.0f), Vec3f(0.4f, 0.3f, -0.6f), Vec3f(0.9f, -0.3f, -0.5f)}) {
        const Vec3f p = transformPoint(skewedXform(), local);
        EXPECT_GT(checkSampleMatchesLookup(*light, p, 20000, rng, 1e-3, L), 2000) << local;
    }
}

TEST(SpotLight, PdfIntegratesToTheShareOfAcceptedSamples) {
    std::mt19937 rng(24);
    const auto light = makeLight(spotDesc(1.0f, skewedXform()));
    // Far: the lens is sampled, every lens point is a sample.
    EXPECT_NEAR(
        pdfIntegral(*light, transformPoint(skewedXform(), Vec3f(0.3f, 0.2f, -2.5f)), 400, rng), 1.0,
        0.02);
    // Near, on the axis: the whole pool maps inside the lens (r f / (z Rf) > 1).
    EXPECT_NEAR(pdfIntegral(*light, transformPoint(skewedXform(), Vec3f(0, 0, -0.8f)), 400, rng),
                1.0, 0.02);
    // Near and off axis: pool points that map outside the lens are rejected, so the pdf
    // integrates to the share of sample() calls that succeed.
    const Vec3f p = transformPoint(skewedXform(), Vec3f(0.9f, 0.2f, -1.0f));
    int accepted = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        LightSample s;
        accepted += light->sample(p, uniform2(rng), s) ? 1 : 0;
    }
    const double share = static_cast<double>(accepted) / n;
    EXPECT_LT(share, 0.95);
    EXPECT_NEAR(pdfIntegral(*light, p, 400, rng), share, 0.02);
}

TEST(SpotLight, IrradianceByLightSamplingMatchesBruteForce) {
    std::mt19937 rng(25);
    LightDesc desc = spotDesc(1.0f, skewedXform());
    desc.spot.focalPlaneDistance = 4.0f;
    desc.spot.angleFalloffType = 1;
    const auto light = makeLight(desc);
    for (const Vec3f& local : {Vec3f(0.2f, 0.1f, -0.5f), Vec3f(1.6f, 0.4f, -2.5f)}) {
        const Vec3f p = transformPoint(skewedXform(), local);
        const Vec3f n = normalize(transformPoint(skewedXform(), Vec3f(0, 0, 0)) - p);
        const Estimate e = irradianceByLight(*light, p, n, 100000, rng);
        const double brute = irradianceBruteForce(*light, p, n, 700, rng);
        EXPECT_GT(brute, 0.0);
        EXPECT_NEAR(e.mean, brute, 4 * e.stdError + 0.02 * brute) << local;
    }
}

TEST(SpotLight, CameraSeesTheBlackLevelWhereTheLensIsDark) {
    LightDesc desc = spotDesc(1.0f);
    desc.spot.blackLevel = 0.25f;
    const auto light = makeLight(desc);
    const float L = mean3(desc.radianceScale());
    const Vec3f outside = offAxis(50.0f, 10.0f), inside = offAxis(5.0f, 10.0f);
    LightHit hit;
    ASSERT_TRUE(light->intersectFromCamera(Ray{outside, normalize(-outside)}, hit));
    EXPECT_NEAR(mean3(hit.radiance), 0.25f * L, 1e-5f * L);
    ASSERT_TRUE(light->intersectFromCamera(Ray{inside, normalize(-inside)}, hit));
    EXPECT_NEAR(mean3(hit.radiance), L, 1e-5f * L);
    // Other rays see no black level: it does not light the scene.
    EXPECT_EQ(radianceTowardCentre(*light, outside), 0.0f);
}

void expectSpotError(const LightDesc& desc, const std::string& fragment) {
    try {
        createLights({desc});
        ADD_FAILURE() << "no SceneError for " << fragment;
    } catch (const SceneError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("test.rdla:7: SpotLight \"light\""), std::string::npos) << what;
        EXPECT_NE(what.find(fragment), std::string::npos) << what;
    }
}

TEST(SpotLight, InvalidParametersThrowSceneError) {
    LightDesc d = spotDesc(0.0f);
    expectSpotError(d, "lens_radius");
    d = spotDesc(1.0f);
    d.spot.aspectRatio = -1.0f;
    expectSpotError(d, "aspect_ratio");
    d = spotDesc(1.0f);
    d.spot.angleFalloffType = 5;
    expectSpotError(d, "angle_falloff_type");
    d = spotDesc(1.0f);
    d.spot.blackLevel = -0.1f;
    expectSpotError(d, "black_level");
    d = spotDesc(1.0f);
    d.spot.outerConeAngle = std::nanf("");
    expectSpotError(d, "outer_cone_angle");
    d = spotDesc(1.0f);
    d.spot.focalPlaneDistance = INFINITY;
    expectSpotError(d, "focal_plane_distance");
}

}  // namespace
}  // namespace rt::test
