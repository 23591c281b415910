// Direct lighting against closed-form irradiance. A Lambert plane of albedo a under a
// disk light of radiance L and radius r at height d: the point below the centre gets
// E = L * pi * r^2 / (r^2 + d^2) and reflects a * E / pi.
#include <gtest/gtest.h>

#include "session/RenderSession.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

Scene planeUnderLight(const LightDesc& light) {
    Scene scene;
    scene.vars.imageWidth = 9;
    scene.vars.imageHeight = 9;
    scene.vars.pixelSamples = 64;
    scene.vars.maxDepth = 1;
    // Camera at (0, 3, 0) looking straight down at a narrow patch around the origin.
    scene.camera.nodeXform =
        rotateMatrix(-90.0f, Vec3f(1.0f, 0.0f, 0.0f)) * translateMatrix(Vec3f(0.0f, 3.0f, 0.0f));
    scene.camera.focal = 200.0f;
    TriangleMesh plane;
    plane.positions = {{-50, 0, -50}, {50, 0, -50}, {50, 0, 50}, {-50, 0, 50}};
    plane.indices = {0, 2, 1, 0, 3, 2};  // facing +Y
    test::addGeometry(scene, "/plane", plane);
    scene.materials.push_back(test::lambert(Color(0.5f)));
    scene.layer.push_back({0, 0, -1});
    scene.lights.push_back(light);
    return scene;
}

Color centreColor(const Scene& scene) {
    RenderOptions options;
    options.threads = 2;
    RenderSession session(scene, options);
    session.render();
    return session.film().beauty(4, 4);
}

double centrePixel(const Scene& scene) {
    return centreColor(scene)[1];
}

constexpr float kDiskRadius = 0.5f, kDiskHeight = 2.0f, kDiskRadiance = 3.0f;

LightDesc diskLight() {
    const float radius = kDiskRadius, height = kDiskHeight, radiance = kDiskRadiance;
    LightDesc disk;
    disk.type = LightType::Disk;
    disk.normalized = false;
    disk.visibleInCamera = false;  // the camera looks through it
    disk.radius = radius;
    disk.color = Color(radiance);
    // Disk lights emit toward local -Z (like the camera looks): turn -Z to -Y, lift it.
    disk.nodeXform =
        rotateMatrix(-90.0f, Vec3f(1.0f, 0.0f, 0.0f)) * translateMatrix(Vec3f(0.0f, height, 0.0f));
    return disk;
}

// What the plane reflects below the disk's centre: 0.5 E / pi.
double diskExpected() {
    const double r2 = kDiskRadius * kDiskRadius, d2 = kDiskHeight * kDiskHeight;
    return 0.5 * kDiskRadiance * kPi * r2 / (r2 + d2) / kPi;
}

TEST(DirectLighting, DiskLightMatchesClosedForm) {
    EXPECT_NEAR(centrePixel(planeUnderLight(diskLight())), diskExpected(), 0.01 * diskExpected());
}

// An IntensityLightFilter (intensity 0.3, colour (1, 0.5, 2)) multiplies what the plane
// reflects by 0.3 x colour, channel by channel.
TEST(DirectLighting, FilteredDiskLightMatchesClosedFormTimesTheFactor) {
    Scene scene = planeUnderLight(diskLight());
    LightFilterDesc filter;
    filter.intensity = 0.3f;
    filter.color = Color(1.0f, 0.5f, 2.0f);
    scene.lightFilters.push_back(filter);
    scene.lights[0].filters = {0};
    const Color centre = centreColor(scene);
    const double expected[] = {0.3 * diskExpected(), 0.15 * diskExpected(), 0.6 * diskExpected()};
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(centre[c], expected[c], 0.01 * expected[c]) << c;
}

TEST(DirectLighting, SphereLightMatchesClosedForm) {
    const float radius = 0.25f, height = 2.0f, radiance = 5.0f;
    LightDesc sphere;
    sphere.type = LightType::Sphere;
    sphere.normalized = false;
    sphere.visibleInCamera = false;
    sphere.radius = radius;
    sphere.color = Color(radiance);
    sphere.nodeXform = translateMatrix(Vec3f(0.0f, height, 0.0f));
    // A sphere seen from distance d along its normal: E = L * pi * (r / d)^2.
    const double expected = 0.5 * radiance * (radius / height) * (radius / height);
    EXPECT_NEAR(centrePixel(planeUnderLight(sphere)), expected, 0.01 * expected);
}

}  // namespace
}  // namespace rt
