// A BaseMaterial renders pixel for pixel like the DwaBaseMaterial it maps onto: diffuse
// colour x factor as the albedo, and a grey specular F0 of 0.25 as a coat of refractive
// index (1 + 0.5) / (1 - 0.5) = 3 (doc/SHADING.md, "BaseMaterial"). A glossy sphere on a
// floor under a sky and a rect light, with indirect light; the two files must be equal in
// every channel, bit for bit.
#include <gtest/gtest.h>

#include "RenderScene.h"

namespace rt {
namespace {

// The scene with the ball's and the floor's materials of class `cls`.
std::string sceneWith(const std::string& cls, const std::string& ball, const std::string& floor) {
    return R"(
SceneVariables { image_width = 32, image_height = 24, pixel_samples = 4, max_depth = 3 }
PerspectiveCamera("/cam") { node_xform = rotate(-20, 1, 0, 0) * translate(0, 1.5, 4) }
)" + cls + "(\"/ball_mtl\") { " +
           ball + " }\n" + cls + "(\"/floor_mtl\") { " + floor + R"( }
SphereGeometry("/ball") { radius = 0.7, node_xform = translate(0, 0.7, 0) }
BoxGeometry("/floor") { size = Vec3(10, 0.1, 10), node_xform = translate(0, -0.05, 0) }
EnvLight("/sky") { color = Rgb(0.3, 0.4, 0.6) }
RectLight("/key") { node_xform = rotate(-90, 1, 0, 0) * translate(1, 3, 1), width = 2, height = 2,
                    intensity = 4 }
Layer("/layer") { {SphereGeometry("/ball"), "", )" +
           cls + R"(("/ball_mtl")},
                  {BoxGeometry("/floor"), "", )" +
           cls + R"(("/floor_mtl")} }
RenderOutput("/beauty") { file_name = "out.exr", channel_format = "float" }
)";
}

TEST(BaseMaterialRender, SameImageAsTheEquivalentDwaBaseMaterial) {
    const test::Exr base = test::renderImage(
        "base_material", sceneWith("BaseMaterial",
                                   "diffuse_color = Rgb(0.8, 0.3, 0.2), diffuse_factor = 0.5, "
                                   "specular_factor = 0.25, specular_roughness = 0.4",
                                   "diffuse_color = Rgb(0.5, 0.6, 0.7), specular = false"));
    const test::Exr dwa = test::renderImage(
        "dwa_base_material",
        sceneWith("DwaBaseMaterial",
                  "albedo = Rgb(0.4, 0.15, 0.1), specular = 1, refractive_index = 3, "
                  "roughness = 0.4",
                  "albedo = Rgb(0.5, 0.6, 0.7), specular = 0"));
    for (const char* channel : {"R", "G", "B"}) {
        const ImageChannel* a = base.image.find(channel);
        const ImageChannel* b = dwa.image.find(channel);
        ASSERT_TRUE(a && b) << channel;
        ASSERT_EQ(a->floats.size(), 32u * 24u);
        ASSERT_EQ(a->floats.size(), b->floats.size());
        int lit = 0;
        for (size_t i = 0; i < a->floats.size(); ++i) {
            EXPECT_EQ(a->floats[i], b->floats[i]) << channel << " pixel " << i;
            lit += a->floats[i] > 0.0f ? 1 : 0;
        }
        EXPECT_EQ(lit, static_cast<int>(a->floats.size()));
    }
}

}  // namespace
}  // namespace rt
