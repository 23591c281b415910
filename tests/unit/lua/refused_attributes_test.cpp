// MoonRay attributes we do not implement that would change the picture
// (lua/RdlClasses.h, RefusedAttr): accepted at MoonRay's default, a scene error naming the
// attribute and its value otherwise. And DwaBaseMaterial's `albedo`.
#include <gtest/gtest.h>

#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::SceneDir;

Scene load(const std::string& extra) {
    return test::loadMinimalPlus(extra);
}
std::string errorOf(const std::string& extra) {
    return test::sceneErrorOfMinimalPlus(extra);
}

TEST(RefusedAttributes, MoonRaysDefaultsAreAccepted) {
    const Scene scene = load(R"(
DwaBaseMaterial("/mtl") { show_emission = false, emission = Rgb(5, 5, 5), show_clearcoat = false,
                          metallic_color = Rgb(1, 1, 1), ["specular model"] = "GGX",
                          presence = 1, show_specular = true }
BoxGeometry("/box") { visible_in_camera = true, visible_shadow = true }
RectLight("/key") { texture = "", light_filters = {}, clear_radius = 0 }
)");
    EXPECT_EQ(scene.materials.size(), 1u);
}

TEST(RefusedAttributes, AnythingElseIsASceneErrorNamingIt) {
    const struct {
        const char* text;
        const char* expected;
    } cases[] = {
        {R"(DwaBaseMaterial("/mtl") { show_emission = true })",
         "DwaBaseMaterial '/mtl': attribute 'show_emission' = true is not supported"},
        {R"(DwaBaseMaterial("/mtl") { presence = 0.5 })", "'presence' = 0.5"},
        {R"(DwaBaseMaterial("/mtl") { metallic_color = Rgb(1, 0.5, 0.2) })",
         "'metallic_color' = 1 0.5 0.2"},
        {R"(DwaBaseMaterial("/mtl") { specular_model = "Beckmann" })", "'specular_model' = 0"},
        {R"(DwaBaseMaterial("/mtl") { input_normal = DwaBaseMaterial("/other") })",
         "'input_normal'"},
        {R"(BoxGeometry("/box") { ["visible shadow"] = false })", "'visible_shadow' = false"},
        {R"(RectLight("/key") { texture = "gobo.exr" })", "'texture' = gobo.exr"},
        {R"(SphereLight("/key") { presence = 0.5 })", "'presence' = 0.5"},
    };
    for (const auto& c : cases) {
        const std::string error = errorOf(std::string("\n") + c.text + "\n");
        EXPECT_NE(error.find("scene.rdla:6: "), std::string::npos) << c.text << "\n" << error;
        EXPECT_NE(error.find(c.expected), std::string::npos) << c.text << "\n" << error;
        EXPECT_NE(error.find("would change the picture"), std::string::npos) << error;
    }
}

TEST(DwaBaseMaterial, AlbedoIsTheDiffuseColour) {
    const Scene scene = load("DwaBaseMaterial(\"/mtl\") { albedo = Rgb(0.2, 0.3, 0.4) }\n");
    EXPECT_EQ(scene.materials[0].diffuseColor, Color(0.2f, 0.3f, 0.4f));
    EXPECT_NE(errorOf("DwaBaseMaterial(\"/mtl\") { albedo = Rgb(1, 1, 1), diffuse_color = "
                      "Rgb(1, 1, 1) }\n")
                  .find("albedo and diffuse_color are the same colour"),
              std::string::npos);
}

}  // namespace
}  // namespace rt

namespace rt {
namespace {

TEST(UsdPreviewSurface, MapsOntoTheSameLobesWithUsdsDefaults) {
    SceneDir dir;
    const Scene scene = test::loadFiles({dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {}
UsdPreviewSurface("/default") {}
UsdPreviewSurface("/gold") { diffuseColor = Rgb(1, 0.8, 0.3), metallic = 1, roughness = 0.2,
                             ior = 1.4, opacity = 1, emissiveColor = Rgb(0, 0, 0),
                             useSpecularWorkflow = 0 }
BoxGeometry("/a") {}
BoxGeometry("/b") {}
Layer("/layer") { {BoxGeometry("/a"), "", UsdPreviewSurface("/default")},
                  {BoxGeometry("/b"), "", UsdPreviewSurface("/gold")} }
)")});
    ASSERT_EQ(scene.materials.size(), 2u);
    const Material& plain = scene.materials[0];
    EXPECT_EQ(plain.diffuseColor, Color(0.18f, 0.18f, 0.18f));
    EXPECT_EQ(plain.metallic, 0.0f);
    EXPECT_EQ(plain.roughness, 0.5f);
    EXPECT_EQ(plain.refractiveIndex, 1.5f);
    const Material& gold = scene.materials[1];
    EXPECT_EQ(gold.diffuseColor, Color(1.0f, 0.8f, 0.3f));
    EXPECT_EQ(gold.metallic, 1.0f);
    EXPECT_EQ(gold.roughness, 0.2f);
    EXPECT_EQ(gold.refractiveIndex, 1.4f);
}

TEST(UsdPreviewSurface, WhatWeCannotRenderIsRefused) {
    for (const char* attribute : {"opacity = 0.5", "emissiveColor = Rgb(1, 1, 1)",
                                  "useSpecularWorkflow = 1", "clearcoat = 1"}) {
        const std::string error =
            errorOf(std::string("UsdPreviewSurface(\"/m\") { ") + attribute + " }\n");
        EXPECT_NE(error.find("UsdPreviewSurface '/m': attribute"), std::string::npos) << error;
        EXPECT_NE(error.find("would change the picture"), std::string::npos) << error;
    }
}

}  // namespace
}  // namespace rt
