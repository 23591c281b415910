// MoonRay's Lua helpers (lua/RdlaLibrary.h): undef(), blur(), bind(), the Camera alias,
// and layer entries with their elements in any order, as real MoonRay scene files write
// them.
#include <gtest/gtest.h>

#include "SceneTestUtil.h"
#include "core/Log.h"

namespace rt {
namespace {

using test::SceneDir;

Scene load(const std::string& text) {
    SceneDir dir;
    return test::loadFiles({dir.write("scene.rdla", text)});
}

std::string errorOf(const std::string& text) {
    try {
        load(text);
    } catch (const SceneError& e) {
        return e.what();
    }
    return "";
}

TEST(RdlaLibrary, UndefFillsEmptySlotsOfALayerEntry) {
    const Scene scene = load(R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
BoxGeometry("/box") {}
SphereGeometry("/ball") {}
DistantLight("/sun") {}
LightSet("/lights") { DistantLight("/sun") }
Layer("/layer") {
    {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl"), LightSet("/lights"), undef(), undef(), undef()},
    {SphereGeometry("/ball"), undef(), LightSet("/lights"), undef(), DwaBaseMaterial("/mtl")},
}
)");
    ASSERT_EQ(scene.layer.size(), 2u);
    for (const LayerAssignment& a : scene.layer) {
        EXPECT_EQ(a.material, 0);
        EXPECT_EQ(a.lightSet, 0);
    }
}

TEST(RdlaLibrary, ALayerEntryNamesWhatItCannotUse) {
    const std::string error = errorOf(R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
BoxGeometry("/box") {}
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl"), DwaBaseMaterial("/mtl")} }
)");
    EXPECT_NE(error.find("scene.rdla:5: Layer '/layer' entry 1 element 4: a second Material"),
              std::string::npos)
        << error;
}

TEST(RdlaLibrary, UndefLeavesAnAttributeAtItsDefault) {
    const Scene scene = load(std::string(test::kMinimalScene) + R"(
DwaBaseMaterial("/mtl") { roughness = 0.9 }
DwaBaseMaterial("/mtl") { roughness = undef() }
)");
    EXPECT_EQ(scene.materials[0].roughness, Material{}.roughness);
}

TEST(RdlaLibrary, BlurTakesTheShutterOpenValueAndSaysSoOnce) {
    const int warnings = log::warningCount();
    const Scene scene = load(std::string(test::kMinimalScene) + R"(
PerspectiveCamera("/cam") { focal = blur(35, 50), node_xform = blur(translate(0, 0, 5), translate(0, 0, 9)) }
)");
    EXPECT_EQ(scene.camera.focal, 35.0f);
    EXPECT_EQ(scene.camera.nodeXform[3][2], 5.0f);
    EXPECT_EQ(log::warningCount(), warnings + 1);
}

TEST(RdlaLibrary, BindTakesAnAttributeMapOnDiffuseColoursOnly) {
    const std::string notAMap = errorOf(std::string(test::kMinimalScene) + R"(
DwaBaseMaterial("/mtl") { diffuse_color = bind(DwaBaseMaterial("/other"), Rgb(1, 1, 1)) }
)");
    EXPECT_NE(notAMap.find("scene.rdla:6: attribute 'diffuse_color' of DwaBaseMaterial '/mtl': "
                           "bind() takes a map shader (AttributeMap)"),
              std::string::npos)
        << notAMap;
    const std::string notAColour = errorOf(std::string(test::kMinimalScene) + R"(
DwaBaseMaterial("/mtl") { roughness = bind(AttributeMap("/rough"), 0.5) }
)");
    EXPECT_NE(notAColour.find("bind() of a map is supported on diffuse colours only"),
              std::string::npos)
        << notAColour;
    // bind() of nothing is the value alone.
    const Scene scene = load(std::string(test::kMinimalScene) + R"(
DwaBaseMaterial("/mtl") { roughness = bind(undef(), 0.25) }
)");
    EXPECT_EQ(scene.materials[0].roughness, 0.25f);
}

TEST(RdlaLibrary, CameraIsPerspectiveCamera) {
    const Scene scene = load(R"(
SceneVariables { camera = Camera("/cam") }
Camera("/cam") { focal = 50 }
DwaBaseMaterial("/mtl") {}
BoxGeometry("/box") {}
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")} }
)");
    EXPECT_EQ(scene.camera.focal, 50.0f);
}

}  // namespace
}  // namespace rt
