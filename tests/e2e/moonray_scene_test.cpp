// A scene file written by MoonRay's Hydra delegate's test suite (tests/data/moonray/),
// rendered unchanged: it loads (bind, undef, blur, UserData, AttributeMap,
// UsdPreviewSurface, max_shadow_distance) and the picture is the one its camera and
// primvars describe, worked out here by hand: a red and a green triangle on the white
// of an EnvLight.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt {
namespace {

namespace fs = std::filesystem;

TEST(MoonRayScenes, HdMoonrayTwoTrianglesRendersUnchanged) {
    const fs::path dir = test::freshDir("moonray_two_triangles");
    const std::string scene =
        std::string(RT_SOURCE_DIR) + "/tests/data/moonray/geometry_two_triangles.canonical.rdla";
    const int w = 64, h = 48;
    const test::CommandResult r = test::runRenderer(
        "-in " + scene + " -size 64 48 -scene_var pixel_samples 4 -out out.exr", dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const test::Exr exr = test::readFile(dir / "out.exr");
    const ImageChannel* red = exr.image.find("R");
    const ImageChannel* green = exr.image.find("G");
    ASSERT_TRUE(red && green);
    // The camera: at (0, 0.5, 5.3354) looking down -Z, focal 50, aperture 20.955.
    const double halfWidth = 5.3354043960571289 * 20.9549999 / 2.0 / 50.0;
    const double pixel = 2.0 * halfWidth / w;
    int redPixels = 0, greenPixels = 0, skyPixels = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const double X = (2.0 * (x + 0.5) / w - 1.0) * halfWidth;
            const double Y = 0.5 + (1.0 - 2.0 * (y + 0.5) / h) * halfWidth * h / w;
            // Distances to the quad's edges and to the diagonal y = (x + 1) / 2.
            const double inside = std::min({X + 1.0, 1.0 - X, Y, 1.0 - Y});
            const double diagonal = (Y - (X + 1.0) / 2.0) / std::sqrt(1.25);
            const size_t i = static_cast<size_t>(y) * w + x;
            const float R = red->floats[i], G = green->floats[i];
            if (inside < -pixel) {  // the EnvLight, radiance 1
                EXPECT_NEAR(R, 1.0f, 1e-4f) << x << "," << y;
                EXPECT_NEAR(G, 1.0f, 1e-4f) << x << "," << y;
                ++skyPixels;
            } else if (inside > pixel && diagonal < -pixel) {  // face 0: displayColor red
                EXPECT_GT(R, 0.8f) << x << "," << y;
                EXPECT_LT(G, 0.1f) << x << "," << y;
                ++redPixels;
            } else if (inside > pixel && diagonal > pixel) {  // face 1: green
                EXPECT_GT(G, 0.8f) << x << "," << y;
                EXPECT_LT(R, 0.1f) << x << "," << y;
                ++greenPixels;
            }
        }
    }
    EXPECT_GT(redPixels, 300);
    EXPECT_GT(greenPixels, 300);
    EXPECT_GT(skyPixels, 800);
}

}  // namespace
}  // namespace rt
