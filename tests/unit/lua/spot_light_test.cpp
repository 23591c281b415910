// SpotLight from RDLA: MoonRay's attribute names, defaults and enum names reach the
// LightDesc; what we do not render is refused at its line; bad values are errors there.
#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::loadMinimalPlus;
using test::sceneErrorOfMinimalPlus;

TEST(SpotLightScene, AttributesAndMoonRaysDefaults) {
    const Scene scene = loadMinimalPlus(R"(
SpotLight("/default") {}
SpotLight("/set") {
    lens_radius = 0.5, aspect_ratio = 2, focal_plane_distance = 7,
    outer_cone_angle = 40, ["inner cone angle"] = 10, angle_falloff_type = "ease out",
    black_level = 0, normalized = false, color = Rgb(1, 0.5, 0.25), exposure = 1,
    label = "key", max_shadow_distance = 3,
}
SpotLight("/numbered") { angle_falloff_type = 1 }
)");
    ASSERT_EQ(scene.lights.size(), 3u);
    const LightDesc& d = scene.lights[0];
    EXPECT_EQ(d.type, LightType::Spot);
    EXPECT_FLOAT_EQ(d.spot.lensRadius, 1.0f);
    EXPECT_FLOAT_EQ(d.spot.aspectRatio, 1.0f);
    EXPECT_FLOAT_EQ(d.spot.focalPlaneDistance, 1e10f);
    EXPECT_FLOAT_EQ(d.spot.outerConeAngle, 60.0f);
    EXPECT_FLOAT_EQ(d.spot.innerConeAngle, 30.0f);
    EXPECT_EQ(d.spot.angleFalloffType, 4);  // ease in/out
    EXPECT_FLOAT_EQ(d.spot.blackLevel, 0.001f);
    EXPECT_TRUE(d.normalized);

    const LightDesc& s = scene.lights[1];
    EXPECT_FLOAT_EQ(s.spot.lensRadius, 0.5f);
    EXPECT_FLOAT_EQ(s.spot.aspectRatio, 2.0f);
    EXPECT_FLOAT_EQ(s.spot.focalPlaneDistance, 7.0f);
    EXPECT_FLOAT_EQ(s.spot.outerConeAngle, 40.0f);
    EXPECT_FLOAT_EQ(s.spot.innerConeAngle, 10.0f);
    EXPECT_EQ(s.spot.angleFalloffType, 3);
    EXPECT_FLOAT_EQ(s.spot.blackLevel, 0.0f);
    EXPECT_FALSE(s.normalized);
    EXPECT_FLOAT_EQ(s.radianceScale().y, 1.0f);  // 0.5 * 2^1
    EXPECT_EQ(s.label, "key");
    EXPECT_FLOAT_EQ(s.maxShadowDistance, 3.0f);
    EXPECT_EQ(scene.lights[2].spot.angleFalloffType, 1);
}

TEST(SpotLightScene, TexturesNotesAndDefaultsOfRefusedAttributes) {
    const Scene scene = loadMinimalPlus(R"(
SpotLight("/s") { texture = "", visible_diffuse_reflection = true, ray_termination = false,
                  light_filters = {}, gamma = Rgb(2, 2, 2), texture_rotation = 45 }
)");
    EXPECT_EQ(scene.lights.size(), 1u);
}

TEST(SpotLightScene, WhatWeDoNotRenderIsRefusedAtItsLine) {
    const struct {
        const char* text;
        const char* expected;
    } cases[] = {
        {R"(SpotLight("/s") { texture = "gobo.exr" })", "'texture' = gobo.exr"},
        {R"(SpotLight("/s") { visible_glossy_reflection = false })",
         "SpotLight '/s': attribute 'visible_glossy_reflection' = false is not supported"},
        {R"(SpotLight("/s") { ray_termination = true })", "'ray_termination' = true"},
        {R"(SpotLight("/s") { clear_radius = 2 })", "'clear_radius' = 2"},
    };
    for (const auto& c : cases) {
        const std::string error = sceneErrorOfMinimalPlus(std::string("\n") + c.text + "\n");
        EXPECT_CONTAINS(error, "scene.rdla:6: ");
        EXPECT_CONTAINS(error, c.expected);
        EXPECT_CONTAINS(error, "would change the picture");
    }
}

TEST(SpotLightScene, BadValuesAreErrorsAtTheirLine) {
    EXPECT_CONTAINS(sceneErrorOfMinimalPlus("\nSpotLight(\"/s\") { lens_radius = 0 }\n"),
                    "scene.rdla:6: SpotLight '/s': lens_radius must be in (0, inf]");
    EXPECT_CONTAINS(sceneErrorOfMinimalPlus("\nSpotLight(\"/s\") { aspect_ratio = -2 }\n"),
                    "scene.rdla:6: SpotLight '/s': aspect_ratio");
    EXPECT_CONTAINS(sceneErrorOfMinimalPlus("\nSpotLight(\"/s\") { black_level = -1 }\n"),
                    "scene.rdla:6: SpotLight '/s': black_level");
    EXPECT_CONTAINS(
        sceneErrorOfMinimalPlus("\nSpotLight(\"/s\") { angle_falloff_type = \"smooth\" }\n"),
        "scene.rdla:6: attribute 'angle_falloff_type' of SpotLight '/s'");
}

}  // namespace
}  // namespace rt
