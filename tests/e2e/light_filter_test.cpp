// IntensityLightFilter and LightFilterSet from RDLA, through renderer_cmd: a glossy floor
// under a RectLight (not visible in camera: camera rays see lights unfiltered, as in
// MoonRay), direct and BSDF-sampled light alike. A filter of intensity 0.5 on the light
// halves every pixel exactly, exposure 1 doubles it; a layer entry's LightFilterSet (the
// 7th element, as MoonRay writes it) that omits the light's filter leaves it unfiltered,
// and one that lists it keeps it.
#include <gtest/gtest.h>

#include "RenderScene.h"

namespace rt {
namespace {

// `lightFilters` goes into the light, `entryTail` after the light set in the layer entry.
std::vector<float> renderRed(const std::string& name, const std::string& lightFilters,
                             const std::string& entryTail) {
    return test::renderChannel(name, R"(
SceneVariables { image_width = 24, image_height = 24, pixel_samples = 4, max_depth = 2 }
PerspectiveCamera("/cam") { node_xform = rotate(-60, 1, 0, 0) * translate(0, 2, 1.5) }
DwaBaseMaterial("/floor_mtl") { albedo = Rgb(0.6, 0.5, 0.4), specular = 1, roughness = 0.4 }
BoxGeometry("/floor") { size = Vec3(10, 0.1, 10), node_xform = translate(0, -0.05, 0) }
IntensityLightFilter("/half") { intensity = 0.5 }
IntensityLightFilter("/double") { exposure = 1 }
IntensityLightFilter("/other") { intensity = 0.25 }
RectLight("/key") {
    node_xform = rotate(-90, 1, 0, 0) * translate(0, 1, 0), width = 3, height = 3,
    visible_in_camera = false, light_filters = { )" +
                                         lightFilters + R"( },
}
LightSet("/lights") { RectLight("/key") }
LightFilterSet("/keepHalf") { IntensityLightFilter("/half") }
LightFilterSet("/onlyOther") { IntensityLightFilter("/other") }
Layer("/layer") { {BoxGeometry("/floor"), "", DwaBaseMaterial("/floor_mtl"), LightSet("/lights"),
                   undef(), undef(), )" + entryTail +
                                         R"(} }
RenderOutput("/beauty") { file_name = "out.exr", channel_format = "float" }
)");
}

void expectScaled(const std::vector<float>& filtered, const std::vector<float>& plain,
                  float factor) {
    ASSERT_EQ(filtered.size(), plain.size());
    ASSERT_FALSE(plain.empty());
    int lit = 0;
    for (size_t i = 0; i < plain.size(); ++i) {
        EXPECT_EQ(filtered[i], plain[i] * factor) << "pixel " << i;
        lit += plain[i] > 0.0f ? 1 : 0;
    }
    EXPECT_GT(lit, static_cast<int>(plain.size()) / 2);
}

TEST(LightFilterRdla, IntensityFiltersAndLightFilterSetsThroughTheRenderer) {
    const std::vector<float> plain = renderRed("filter_none", "", "undef()");
    expectScaled(renderRed("filter_half", R"(IntensityLightFilter("/half"))", "undef()"), plain,
                 0.5f);
    expectScaled(renderRed("filter_double", R"(IntensityLightFilter("/double"))", "undef()"), plain,
                 2.0f);
    // The set restricts the light's filters: /other is not the light's, /half is.
    expectScaled(renderRed("filter_set_omits", R"(IntensityLightFilter("/half"))",
                           R"(LightFilterSet("/onlyOther"))"),
                 plain, 1.0f);
    expectScaled(renderRed("filter_set_keeps",
                           R"(IntensityLightFilter("/half"), IntensityLightFilter("/double"))",
                           R"(LightFilterSet("/keepHalf"))"),
                 plain, 0.5f);
}

}  // namespace
}  // namespace rt
