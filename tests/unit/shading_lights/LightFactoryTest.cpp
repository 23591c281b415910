// createLights: one light per desc in order, and SceneError with the location for
// invalid parameters.
#include "LightTestUtil.h"
#include "core/Error.h"

namespace rt::test {
namespace {

TEST(CreateLights, OneLightPerDescInOrder) {
    std::vector<LightDesc> descs = {makeDesc(LightType::Rect), makeDesc(LightType::Sphere),
                                    makeDesc(LightType::Disk), makeDesc(LightType::Distant),
                                    makeDesc(LightType::Env)};
    const char* names[] = {"rect", "sphere", "disk", "sun", "sky"};
    for (size_t i = 0; i < descs.size(); ++i) descs[i].name = names[i];
    descs[1].visibleInCamera = false;
    descs[3].intensity = 0.0f;  // black lights are kept so that light-set indices hold
    const auto lights = createLights(descs);
    ASSERT_EQ(lights.size(), descs.size());
    for (size_t i = 0; i < lights.size(); ++i) EXPECT_EQ(lights[i]->name(), descs[i].name);
    EXPECT_TRUE(lights[0]->visibleInCamera());
    EXPECT_FALSE(lights[1]->visibleInCamera());
    EXPECT_FALSE(lights[0]->isInfinite());
    EXPECT_TRUE(lights[3]->isInfinite());
    EXPECT_TRUE(lights[4]->isInfinite());
    LightSample s;
    EXPECT_FALSE(lights[3]->sample(Vec3f(0, 0, 0), Vec2f(0.5f, 0.5f), s));  // black
    EXPECT_TRUE(createLights({}).empty());
}

void expectSceneError(const LightDesc& desc, const std::string& fragment) {
    try {
        createLights({makeDesc(LightType::Rect), desc});
        ADD_FAILURE() << "no SceneError for " << fragment;
    } catch (const SceneError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("test.rdla:7"), std::string::npos) << what;
        EXPECT_NE(what.find(fragment), std::string::npos) << what;
        EXPECT_EQ(e.where().line, 7);
    }
}

TEST(CreateLights, InvalidParametersThrowSceneError) {
    LightDesc d = makeDesc(LightType::Rect);
    d.width = -1.0f;
    expectSceneError(d, "width");
    d = makeDesc(LightType::Rect);
    d.height = 0.0f;
    expectSceneError(d, "height");
    d = makeDesc(LightType::Disk);
    d.radius = -0.5f;
    expectSceneError(d, "radius");
    d = makeDesc(LightType::Sphere);
    d.radius = std::nanf("");
    expectSceneError(d, "radius");
    d = makeDesc(LightType::Sphere, scaleMatrix(Vec3f(1, 2, 1)));
    expectSceneError(d, "ellipsoid");
    d = makeDesc(LightType::Distant);
    d.angularExtent = -1.0f;
    expectSceneError(d, "angular_extent");
    d.angularExtent = 400.0f;
    expectSceneError(d, "angular_extent");
    d = makeDesc(LightType::Rect);
    d.intensity = std::numeric_limits<float>::infinity();
    expectSceneError(d, "intensity");
    d = makeDesc(LightType::Disk);
    d.color = Color(1.0f, -0.1f, 1.0f);
    expectSceneError(d, "color");
    d = makeDesc(LightType::Rect, scaleMatrix(Vec3f(1, 0, 1)));
    expectSceneError(d, "singular");
    d = makeDesc(LightType::Env);
    d.texture = "/missing.exr";
    expectSceneError(d, "not loaded");
    auto image = std::make_shared<RgbImage>();
    image->width = 4;
    image->height = 2;
    image->pixels.resize(5);
    d.textureImage = image;
    expectSceneError(d, "inconsistent");
}

TEST(CreateLights, ValidEdgeCasesAreAccepted) {
    LightDesc d = makeDesc(LightType::Distant);
    d.angularExtent = 0.0f;
    EXPECT_NO_THROW(createLights({d}));
    d.angularExtent = 360.0f;
    EXPECT_NO_THROW(createLights({d}));
    // A mirrored, uniformly scaled sphere is still a sphere.
    d = makeDesc(LightType::Sphere, scaleMatrix(Vec3f(-2, 2, 2)));
    EXPECT_NO_THROW(createLights({d}));
}

}  // namespace
}  // namespace rt::test
