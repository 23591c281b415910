// IntensityLightFilter's factor (intensity x color x 2^exposure, inverted channel by
// channel) and which of a light's filters act under a layer entry's LightFilterSet.
#include <gtest/gtest.h>

#include "scene/Scene.h"

namespace rt {
namespace {

LightFilterDesc filter(float intensity, float exposure = 0.0f, Color color = Color(1.0f),
                       bool invert = false) {
    LightFilterDesc f;
    f.intensity = intensity;
    f.exposure = exposure;
    f.color = color;
    f.invert = invert;
    return f;
}

void expectColor(const Color& c, float r, float g, float b) {
    EXPECT_FLOAT_EQ(c.x, r);
    EXPECT_FLOAT_EQ(c.y, g);
    EXPECT_FLOAT_EQ(c.z, b);
}

TEST(IntensityLightFilter, FactorIsIntensityTimesColorTimesTwoToTheExposure) {
    expectColor(filter(1.0f).radianceScale(), 1, 1, 1);  // MoonRay's defaults: none
    expectColor(filter(0.5f).radianceScale(), 0.5f, 0.5f, 0.5f);
    expectColor(filter(1.0f, 1.0f).radianceScale(), 2, 2, 2);  // exposure 1 doubles
    expectColor(filter(3.0f, -2.0f, Color(1.0f, 0.5f, 0.0f)).radianceScale(), 0.75f, 0.375f, 0);
}

TEST(IntensityLightFilter, InvertTakesTheReciprocalOfEachNonZeroChannel) {
    expectColor(filter(0.5f, 0.0f, Color(1.0f), true).radianceScale(), 2, 2, 2);
    expectColor(filter(1.0f, 1.0f, Color(1.0f), true).radianceScale(), 0.5f, 0.5f, 0.5f);
    // A black channel stays black (MoonRay leaves zeros alone).
    expectColor(filter(2.0f, 0.0f, Color(0.25f, 1.0f, 0.0f), true).radianceScale(), 2, 0.5f, 0);
}

// Three filters: halve, quarter, double. Light 0 has the first two, light 1 none.
Scene filteredScene() {
    Scene scene;
    scene.lightFilters = {filter(0.5f), filter(0.25f), filter(2.0f)};
    scene.lights.resize(2);
    scene.lights[0].filters = {0, 1};
    scene.lightFilterSets = {{"/halveOnly", {0}}, {"/doubleOnly", {2}}, {"/all", {0, 1, 2}}};
    return scene;
}

TEST(LightFilterScale, ALightFilterSetKeepsOnlyTheLightsFiltersThatItLists) {
    const Scene scene = filteredScene();
    // No set: all of the light's own filters act.
    expectColor(lightFilterScale(scene, 0, -1), 0.125f, 0.125f, 0.125f);
    // A set keeps those of the light's filters it lists ...
    expectColor(lightFilterScale(scene, 0, 0), 0.5f, 0.5f, 0.5f);
    // ... and adds none the light does not have (MoonRay's updateLightFilters).
    expectColor(lightFilterScale(scene, 0, 1), 1, 1, 1);
    expectColor(lightFilterScale(scene, 0, 2), 0.125f, 0.125f, 0.125f);
    // A light without filters is never filtered.
    for (int set = -1; set < 3; ++set) expectColor(lightFilterScale(scene, 1, set), 1, 1, 1);
}

}  // namespace
}  // namespace rt
