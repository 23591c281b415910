// A SpotLight loaded from RDLA lighting a Lambert floor (albedo 0.5) from 1 unit above,
// direct light only, seen by a camera looking straight down from 2 units. Worked out by
// hand for a small lens of radius R and radiance L at height h:
//   on the axis, the disk formula: pixel = (0.5 / pi) L pi R^2 / (R^2 + h^2);
//   at horizontal distance rho (tan theta = rho / h), to first order in R:
//   pixel = 0.5 L R^2 cos^4(theta) / h^2 * falloff(t), with the linear falloff
//   t = (tan 30 - tan theta) / (tan 30 - tan 15) for the default cone angles;
//   beyond the outer cone (theta > 30 degrees), black.
#include <gtest/gtest.h>

#include <cmath>
#include "RenderScene.h"

namespace rt {
namespace {

constexpr int kSize = 64;
constexpr double kL = 1000.0, kR = 0.05, kH = 1.0;

std::vector<float> renderSpot(int* width) {
    return test::renderChannel("spot_light", R"(
SceneVariables { image_width = 64, image_height = 64, pixel_samples = 8, max_depth = 1 }
PerspectiveCamera("/cam") { node_xform = rotate(-90, 1, 0, 0) * translate(0, 2, 0),
                            focal = 30, film_width_aperture = 24 }
DwaBaseMaterial("/floor_mtl") { albedo = Rgb(0.5, 0.5, 0.5), specular = 0 }
BoxGeometry("/floor") { size = Vec3(100, 0.1, 100), node_xform = translate(0, -0.05, 0) }
SpotLight("/spot") {
    node_xform = rotate(-90, 1, 0, 0) * translate(0, 1, 0),
    lens_radius = 0.05, normalized = false, intensity = 1000,
    ["angle_falloff_type"] = "linear",
}
Layer("/layer") { {BoxGeometry("/floor"), "", DwaBaseMaterial("/floor_mtl")} }
RenderOutput("/beauty") { file_name = "out.exr", channel_format = "float" }
)",
                               "R", width);
}

// The floor's distance from the axis under pixel (x, y)'s centre: the camera's half
// field of view has tangent 12 / 30, and the floor is 2 below it.
double floorRadius(int x, int y) {
    const double sx = ((x + 0.5) * 2.0 / kSize - 1.0) * 0.4,
                 sy = ((y + 0.5) * 2.0 / kSize - 1.0) * 0.4;
    return 2.0 * std::hypot(sx, sy);
}

double handPixel(double rho) {
    const double tanTheta = rho / kH, cos2 = 1.0 / (1.0 + tanTheta * tanTheta);
    const double tan30 = std::tan(kPi / 6), tan15 = std::tan(kPi / 12);
    const double t = std::clamp((tan30 - tanTheta) / (tan30 - tan15), 0.0, 1.0);
    return 0.5 * kL * kR * kR * cos2 * cos2 / (kH * kH) * t;
}

TEST(SpotLightRender, DiskFormulaOnAxisFalloffBetweenTheConesDarkOutside) {
    int width = 0;
    const std::vector<float> red = renderSpot(&width);
    ASSERT_EQ(width, kSize);
    ASSERT_EQ(red.size(), static_cast<size_t>(kSize * kSize));
    auto at = [&](int x, int y) { return red[static_cast<size_t>(y * kSize + x)]; };

    // The four pixels around the axis (0.025 from it: still inside the inner cone).
    const double centre = 0.5 * kL * kR * kR / (kR * kR + kH * kH);
    for (int y : {31, 32})
        for (int x : {31, 32}) EXPECT_NEAR(at(x, y), centre, 0.01 * centre) << x << " " << y;

    // Between the cones, along the image's middle rows, both sides.
    for (int x : {40, 44, 48, 52}) {
        const double expected = handPixel(floorRadius(x, 32));
        ASSERT_GT(expected, 0.05 * centre);
        for (int mirrored : {x, kSize - 1 - x}) {
            const double mean = 0.5 * (at(mirrored, 31) + at(mirrored, 32));
            EXPECT_NEAR(mean, expected, 0.01 * centre) << "column " << mirrored;
        }
    }

    // Beyond the outer cone (and its growth by the lens radius): exactly black.
    int dark = 0;
    for (int y = 0; y < kSize; ++y)
        for (int x = 0; x < kSize; ++x)
            if (floorRadius(x, y) > kH * std::tan(kPi / 6) + 2 * kR + 0.05) {
                EXPECT_EQ(at(x, y), 0.0f) << x << " " << y;
                ++dark;
            }
    EXPECT_GT(dark, 1000);
}

}  // namespace
}  // namespace rt
