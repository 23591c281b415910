// Light filters in renders. A filter's factor reaches both of the path tracer's light
// strategies (next-event estimation and BSDF-sampled hits of the light, MIS-weighted by
// pdfs that the filter does not touch), so a factor that is a power of two scales every
// contribution exactly: the filtered film equals the unfiltered one times the factor, bit
// for bit. (direct_lighting_test.cpp: a filtered disk light against the closed form.)
#include <gtest/gtest.h>

#include "session/RenderSession.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

LightFilterDesc intensityFilter(float intensity, float exposure = 0.0f, bool invert = false) {
    LightFilterDesc f;
    f.name = "/filter";
    f.intensity = intensity;
    f.exposure = exposure;
    f.invert = invert;
    return f;
}

// A rough, coated floor under a large rect light close above it: BSDF samples find the
// light as often as light samples do, so both strategies carry weight.
Scene glossyFloorUnderRect() {
    Scene scene;
    scene.vars.imageWidth = 12;
    scene.vars.imageHeight = 12;
    scene.vars.pixelSamples = 4;
    scene.vars.maxDepth = 1;
    scene.camera.nodeXform =
        rotateMatrix(-60.0f, Vec3f(1.0f, 0.0f, 0.0f)) * translateMatrix(Vec3f(0.0f, 2.0f, 1.5f));
    TriangleMesh plane;
    plane.positions = {{-5, 0, -5}, {5, 0, -5}, {5, 0, 5}, {-5, 0, 5}};
    plane.indices = {0, 2, 1, 0, 3, 2};
    test::addGeometry(scene, "/floor", plane);
    Material glossy = test::lambert(Color(0.6f, 0.5f, 0.4f));
    glossy.specular = 1.0f;
    glossy.roughness = 0.4f;
    scene.materials.push_back(glossy);
    scene.layer.push_back({0, 0, -1});
    LightDesc rect;
    rect.type = LightType::Rect;
    rect.name = "/rect";
    rect.width = rect.height = 3.0f;
    rect.visibleInCamera = false;  // camera rays see lights unfiltered (MoonRay)
    rect.nodeXform =
        rotateMatrix(-90.0f, Vec3f(1.0f, 0.0f, 0.0f)) * translateMatrix(Vec3f(0.0f, 1.0f, 0.0f));
    scene.lights.push_back(rect);
    return scene;
}

std::vector<Color> render(const Scene& scene) {
    RenderOptions options;
    options.threads = 2;
    RenderSession session(scene, options);
    session.render();
    std::vector<Color> pixels;
    for (int y = 0; y < scene.vars.imageHeight; ++y)
        for (int x = 0; x < scene.vars.imageWidth; ++x)
            pixels.push_back(session.film().beauty(x, y));
    return pixels;
}

Scene withFilter(Scene scene, const LightFilterDesc& filter) {
    scene.lightFilters.push_back(filter);
    scene.lights[0].filters = {0};
    return scene;
}

void expectScaledExactly(const std::vector<Color>& filtered, const std::vector<Color>& plain,
                         float factor) {
    ASSERT_EQ(filtered.size(), plain.size());
    int lit = 0;
    for (size_t i = 0; i < plain.size(); ++i) {
        EXPECT_EQ(filtered[i], plain[i] * factor) << "pixel " << i;
        lit += plain[i].x > 0.0f ? 1 : 0;
    }
    EXPECT_GT(lit, static_cast<int>(plain.size()) / 2);
}

TEST(LightFilterRender, PowerOfTwoFactorsScaleBothStrategiesExactly) {
    const Scene scene = glossyFloorUnderRect();
    const std::vector<Color> plain = render(scene);
    expectScaledExactly(render(withFilter(scene, intensityFilter(0.5f))), plain, 0.5f);
    expectScaledExactly(render(withFilter(scene, intensityFilter(1.0f, 1.0f))), plain, 2.0f);
    // invert: 1 / (4 x 2^-1) = 0.5.
    expectScaledExactly(render(withFilter(scene, intensityFilter(4.0f, -1.0f, true))), plain, 0.5f);
}

TEST(LightFilterRender, ALightFilterSetThatOmitsTheFilterLeavesTheLightUnfiltered) {
    const Scene scene = glossyFloorUnderRect();
    const std::vector<Color> plain = render(scene);
    Scene other = withFilter(scene, intensityFilter(0.5f));
    other.lightFilters.push_back(intensityFilter(0.25f));  // listed by the set, not the light
    other.lightFilterSets = {{"/set", {1}}};
    other.layer[0].lightFilterSet = 0;
    expectScaledExactly(render(other), plain, 1.0f);
    other.lightFilterSets[0].filters = {0, 1};  // the set lists the light's filter: it acts
    expectScaledExactly(render(other), plain, 0.5f);
}

}  // namespace
}  // namespace rt
