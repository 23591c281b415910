// max_shadow_distance (MoonRay's light attribute) against a furnace-like case: a
// Lambert floor of albedo 0.5 under a roof, lit by a constant EnvLight of radiance 1,
// direct light only. Where the roof is beyond the light's max_shadow_distance it casts
// no shadow, for light samples and BSDF samples alike, so the floor shows exactly
// albedo x radiance = 0.5; without the limit the roof darkens it, and a limit that
// reaches part of the roof passes the share of directions worked out by hand.
#include <gtest/gtest.h>

#include <filesystem>

#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt {
namespace {

namespace fs = std::filesystem;

double meanRed(const std::string& maxShadowDistance, const std::string& name) {
    const fs::path dir = test::freshDir(name);
    const std::string scene = test::writeFile(dir / "roof.rdla", R"(
SceneVariables { image_width = 16, image_height = 16, pixel_samples = 8, max_depth = 1,
                 camera = PerspectiveCamera("/cam"), layer = Layer("/layer") }
PerspectiveCamera("/cam") { node_xform = rotate(-90, 1, 0, 0) * translate(0, 0.5, 0), near = 0.01 }
DwaBaseMaterial("/floor_mtl") { albedo = Rgb(0.5, 0.5, 0.5), specular = 0 }
DwaBaseMaterial("/roof_mtl") { albedo = Rgb(0, 0, 0), specular = 0 }
BoxGeometry("/floor") { size = Vec3(1000, 0.1, 1000), node_xform = translate(0, -0.05, 0) }
BoxGeometry("/roof") { size = Vec3(1000, 0.1, 1000), node_xform = translate(0, 2, 0) }
EnvLight("/sky") { max_shadow_distance = )" + maxShadowDistance + R"( }
Layer("/layer") { {BoxGeometry("/floor"), "", DwaBaseMaterial("/floor_mtl")},
                  {BoxGeometry("/roof"), "", DwaBaseMaterial("/roof_mtl")} }
RenderOutput("/beauty") { file_name = "out.exr", channel_format = "float" }
)");
    const test::CommandResult r = test::runRenderer("-in " + scene, dir.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    const test::Exr exr = test::readFile(dir / "out.exr");
    const ImageChannel* red = exr.image.find("R");
    if (!red) return -1.0;
    double sum = 0.0;
    for (float v : red->floats) sum += v;
    return sum / red->floats.size();
}

TEST(MaxShadowDistance, OccludersBeyondItCastNoShadow) {
    EXPECT_NEAR(meanRed("1.5", "shadow_distance_short"), 0.5, 0.01);
    // Without a limit the roof, 1.95 above the floor, hides the whole sky but for the
    // horizon of a finite roof.
    EXPECT_LT(meanRed("0", "shadow_distance_none"), 0.01);
    // A limit of 3 lets through the directions whose way to the roof is longer than 3,
    // cos(theta) < 1.95 / 3: of a cosine-weighted hemisphere that is (1.95 / 3)^2.
    const double c = 1.95 / 3.0;
    EXPECT_NEAR(meanRed("3", "shadow_distance_long"), 0.5 * c * c, 0.01);
}

}  // namespace
}  // namespace rt
