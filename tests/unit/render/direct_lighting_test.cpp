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

double centrePixel(const Scene& scene) {
    RenderOptions options;
    options.threads = 2;
    RenderSession session(scene, options);
    session.render();
    return session.film().beauty(4, 4)[1];
}

TEST(DirectLighting, DiskLightMatchesClosedForm) {
    const float radius = 0.5f, height = 2.0f, radiance = 3.0f;
    LightDesc disk;
    disk.type = LightType::Disk;
    disk.normalized = false;
    disk.visibleInCamera = false;  // the camera looks through it
    disk.radius = radius;
    disk.color = Color(radiance);
    // Disk lights emit toward local -Z (like the camera looks): turn -Z to -Y, lift it.
    disk.nodeXform =
        rotateMatrix(-90.0f, Vec3f(1.0f, 0.0f, 0.0f)) * translateMatrix(Vec3f(0.0f, height, 0.0f));
    const double irradiance =
        radiance * kPi * radius * radius / (radius * radius + height * height);
    const double expected = 0.5 * irradiance / kPi;
    EXPECT_NEAR(centrePixel(planeUnderLight(disk)), expected, 0.01 * expected);
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
