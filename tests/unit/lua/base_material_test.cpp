// BaseMaterial (MoonRay's older material) onto our lobes: diffuse x factor x colour as the
// diffuse colour; a grey specular F0 = factor x colour as the coat's index of refraction
// n = (1 + sqrt F0) / (1 - sqrt F0), worked out by hand below; MoonRay's defaults; what we
// cannot render refused at its line.
#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::loadMinimalPlus;
using test::sceneErrorOfMinimalPlus;

const Material& onlyMaterial(const Scene& scene) {
    EXPECT_EQ(scene.materials.size(), 1u);
    return scene.materials.at(0);
}

std::string assigned(const std::string& material) {
    return "\n" + material +
           "\nLayer(\"/layer\") { {BoxGeometry(\"/box\"), \"\", BaseMaterial(\"/b\")} }\n";
}

TEST(BaseMaterial, MoonRaysDefaults) {
    const Material& m = onlyMaterial(loadMinimalPlus(assigned("BaseMaterial(\"/b\") {}")));
    EXPECT_EQ(m.diffuseColor, Color(1.0f));  // white, factor 1
    EXPECT_EQ(m.metallic, 0.0f);
    EXPECT_EQ(m.transmission, 0.0f);
    EXPECT_EQ(m.specular, 1.0f);
    EXPECT_FLOAT_EQ(m.roughness, 0.3f);
    // F0 = 0.1: n = (1 + 0.316228) / (1 - 0.316228) = 1.924951.
    EXPECT_NEAR(m.refractiveIndex, 1.924951f, 1e-5f);
    const float r = (m.refractiveIndex - 1.0f) / (m.refractiveIndex + 1.0f);
    EXPECT_NEAR(r * r, 0.1f, 1e-6f);  // our coat's Schlick F0
}

TEST(BaseMaterial, ColoursFactorsAndSwitches) {
    const Material& m = onlyMaterial(loadMinimalPlus(assigned(R"(BaseMaterial("/b") {
    diffuse_color = Rgb(0.8, 0.4, 0.2), diffuse_factor = 0.5,
    specular_color = Rgb(0.5, 0.5, 0.5), specular_factor = 0.5, specular_roughness = 0.6,
    label = "skin" })")));
    EXPECT_EQ(m.diffuseColor, Color(0.4f, 0.2f, 0.1f));
    EXPECT_EQ(m.refractiveIndex, 3.0f);  // F0 = 0.25: (1 + 0.5) / (1 - 0.5)
    EXPECT_FLOAT_EQ(m.roughness, 0.6f);
    EXPECT_EQ(m.label, "skin");

    const Material& off = onlyMaterial(loadMinimalPlus(assigned(
        R"(BaseMaterial("/b") { diffuse = false, specular = false, specular_factor = 0.5 })")));
    EXPECT_EQ(off.diffuseColor, Color(0.0f));
    EXPECT_EQ(off.specular, 0.0f);
    const Material& noSpecular =
        onlyMaterial(loadMinimalPlus(assigned(R"(BaseMaterial("/b") { specular_factor = 0 })")));
    EXPECT_EQ(noSpecular.specular, 0.0f);
}

TEST(BaseMaterial, DefaultsOfRefusedAttributesAndNotesAreAccepted) {
    const Material& m = onlyMaterial(loadMinimalPlus(assigned(R"(BaseMaterial("/b") {
    directional_diffuse_factor = 0, emission_factor = 0, translucency_factor = 0,
    transmission_factor = 0, retroreflectivity = 0, opacity_factor = 1, anisotropy = 0,
    iridescence = false, translucent_diffuse = false, use_fresnel = true, fresnel_factor = 1,
    input_normal = Vec3(0, 0, 1), transmission_color = Rgb(0, 1, 0), emission_color = Rgb(5, 5, 5),
    index_of_refraction = 1.3, casts_caustics = true, priority = 2 })")));
    EXPECT_EQ(m.specular, 1.0f);
}

TEST(BaseMaterial, WhatWeCannotRenderIsRefusedAtItsLine) {
    const struct {
        const char* text;
        const char* expected;
    } cases[] = {
        {R"(BaseMaterial("/b") { directional_diffuse_factor = 0.5 })",
         "BaseMaterial '/b': attribute 'directional_diffuse_factor' = 0.5 is not supported: it "
         "would change the picture"},
        {R"(BaseMaterial("/b") { transmission_factor = 1 })", "'transmission_factor' = 1"},
        {R"(BaseMaterial("/b") { emission_factor = 2 })", "'emission_factor' = 2"},
        {R"(BaseMaterial("/b") { opacity_factor = 0.5 })", "'opacity_factor' = 0.5"},
        {R"(BaseMaterial("/b") { iridescence = true })", "'iridescence' = true"},
        {R"(BaseMaterial("/b") { use_fresnel = false })", "'use_fresnel' = false"},
        {R"(BaseMaterial("/b") { input_normal = Vec3(0.2, 0, 1) })", "'input_normal' = 0.2 0 1"},
        {R"(BaseMaterial("/b") { specular_color = Rgb(1, 0.5, 0.5) })",
         "BaseMaterial '/b': a tinted specular (F0 0.100000 0.050000 0.050000) is not "
         "supported: it would change the picture"},
        {R"(BaseMaterial("/b") { specular_factor = 0.99 })",
         "a specular reflectance of 0.990000 at normal incidence is not supported"},
        {R"(BaseMaterial("/b") { diffuse_factor = -1 })",
         "BaseMaterial '/b': diffuse_factor must be finite and non-negative"},
        {R"(BaseMaterial("/b") { input_normal = bind(AttributeMap("/n"), Vec3(0, 0, 1)) })",
         "attribute 'input_normal' of BaseMaterial '/b': bind() of a map is supported on "
         "diffuse colours only"},
    };
    for (const auto& c : cases) {
        const std::string error = sceneErrorOfMinimalPlus(assigned(c.text));
        EXPECT_CONTAINS(error, "scene.rdla:6: ");
        EXPECT_CONTAINS(error, c.expected);
    }
}

}  // namespace
}  // namespace rt
