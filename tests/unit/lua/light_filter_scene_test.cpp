// Light filters from RDLA: IntensityLightFilter's attributes, a light's light_filters
// (those that are on, each once), a LightFilterSet as the 7th element of a layer entry as
// MoonRay writes it, and the errors: other filter classes, non-filters in light_filters,
// light_path_selection, bad factors.
#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::loadMinimalPlus;
using test::sceneErrorOfMinimalPlus;

TEST(LightFilterScene, IntensityLightFilterAttributesAndTheLightsFilterList) {
    const Scene scene = loadMinimalPlus(R"(
IntensityLightFilter("/half") { intensity = 0.5 }
IntensityLightFilter("/tint") { color = Rgb(1, 0.5, 0.25), exposure = 1, invert = true }
IntensityLightFilter("/off") { on = false, intensity = 0 }
IntensityLightFilter("/default") { light_path_selection = "all light paths" }
RectLight("/key") { light_filters = { IntensityLightFilter("/half"), IntensityLightFilter("/off"),
                                      IntensityLightFilter("/tint"), IntensityLightFilter("/half") } }
DiskLight("/fill") {}
IntensityLightFilter("/unused") { intensity = 3 }
)");
    ASSERT_EQ(scene.lights.size(), 2u);
    // The filter that is off is left out, a filter named twice acts once, filters no
    // light uses are not in the scene.
    ASSERT_EQ(scene.lightFilters.size(), 2u);
    EXPECT_EQ(scene.lights[0].filters, (std::vector<int>{0, 1}));
    EXPECT_TRUE(scene.lights[1].filters.empty());
    const LightFilterDesc& half = scene.lightFilters[0];
    EXPECT_EQ(half.name, "/half");
    EXPECT_FLOAT_EQ(half.intensity, 0.5f);
    EXPECT_CONTAINS(half.where.str(), "scene.rdla:6");
    const LightFilterDesc& tint = scene.lightFilters[1];
    EXPECT_TRUE(tint.invert);
    EXPECT_FLOAT_EQ(tint.exposure, 1.0f);
    EXPECT_FLOAT_EQ(tint.radianceScale().z, 2.0f);             // 1 / (0.25 x 2)
    EXPECT_FLOAT_EQ(lightFilterScale(scene, 0, -1).x, 0.25f);  // 0.5 x 1 / 2
}

TEST(LightFilterScene, ALightFilterSetIsTheSeventhElementOfALayerEntry) {
    const Scene scene = loadMinimalPlus(R"(
IntensityLightFilter("/half") { intensity = 0.5 }
IntensityLightFilter("/quarter") { intensity = 0.25 }
RectLight("/key") { light_filters = { IntensityLightFilter("/half"), IntensityLightFilter("/quarter") } }
LightSet("/lights") { RectLight("/key") }
LightFilterSet("/onlyHalf") { IntensityLightFilter("/half") }
BoxGeometry("/other") {}
Layer("/layer") {
    {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl"), LightSet("/lights"), undef(), undef(),
     LightFilterSet("/onlyHalf"), undef()},
    {BoxGeometry("/other"), "", DwaBaseMaterial("/mtl"), LightSet("/lights")},
}
)");
    ASSERT_EQ(scene.layer.size(), 2u);
    ASSERT_EQ(scene.lightFilterSets.size(), 1u);
    EXPECT_EQ(scene.lightFilterSets[0].name, "/onlyHalf");
    EXPECT_EQ(scene.layer[0].lightFilterSet, 0);
    EXPECT_EQ(scene.layer[1].lightFilterSet, -1);
    EXPECT_FLOAT_EQ(lightFilterScale(scene, 0, 0).x, 0.5f);     // the set keeps /half
    EXPECT_FLOAT_EQ(lightFilterScale(scene, 0, -1).x, 0.125f);  // no set: both
}

TEST(LightFilterScene, ErrorsNameTheClassOrAttributeAtItsLine) {
    const struct {
        const char* text;
        const char* expected;
    } cases[] = {
        {R"(BarnDoorLightFilter("/barn") {})",
         "scene.rdla:6: unknown class 'BarnDoorLightFilter' (a MoonRay light filter we do not "
         "support: of the light filters only IntensityLightFilter is)"},
        {R"(SphereLight("/key") { light_filters = {DwaBaseMaterial("/mtl")} })",
         "scene.rdla:6: attribute 'light_filters' of SphereLight '/key': expected a list of "
         "LightFilter objects"},
        {R"(IntensityLightFilter("/f") { light_path_selection = "indirect diffuse" })",
         "scene.rdla:6: IntensityLightFilter '/f': attribute 'light_path_selection' = 3 is not "
         "supported: it would change the picture"},
        {R"(LightFilterSet("/s") { RectLight("/l") })",
         "scene.rdla:6: LightFilterSet '/s' entry 1: expected a LightFilter object"},
        {"IntensityLightFilter(\"/f\") { intensity = -1 }\nRectLight(\"/l\") { light_filters = "
         "{IntensityLightFilter(\"/f\")} }",
         "scene.rdla:6: IntensityLightFilter '/f': intensity must give a finite, non-negative"},
        {"IntensityLightFilter(\"/f\") { exposure = 500 }\nRectLight(\"/l\") { light_filters = "
         "{IntensityLightFilter(\"/f\")} }",
         "scene.rdla:6: IntensityLightFilter '/f': exposure must give a finite"},
        {R"(Layer("/layer") { {BoxGeometry("/box"), "", LightFilterSet("/a"), LightFilterSet("/b")} })",
         "element 4: a second LightFilterSet"},
    };
    for (const auto& c : cases) {
        EXPECT_CONTAINS(sceneErrorOfMinimalPlus(std::string("\n") + c.text + "\n"), c.expected);
    }
}

}  // namespace
}  // namespace rt
