// Several -in files and -scene_var overrides.
#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::kMinimalScene;
using test::loadFiles;
using test::SceneDir;

TEST(SceneOverrides, LaterFilesOverrideEarlierOnes) {
    SceneDir dir;
    const std::string base = dir.write("base.rdla", std::string(kMinimalScene) + R"(
SceneVariables { image_width = 100, image_height = 50 }
SphereGeometry("/ball") { radius = 1, node_xform = translate(0, 1, 0) }
Layer("/layer") { {SphereGeometry("/ball"), "", DwaBaseMaterial("/mtl")} }
shared_radius = 7  -- a global: later files run in the same Lua state
)");
    const std::string over = dir.write("override.rdla", R"(
SceneVariables { image_width = 200 }
SphereGeometry("/ball") { radius = shared_radius }
DwaBaseMaterial("/mtl") { diffuse_color = Rgb(1, 0, 0) }
)");
    const Scene scene = loadFiles({base, over});
    EXPECT_EQ(scene.vars.imageWidth, 200);
    EXPECT_EQ(scene.vars.imageHeight, 50);
    ASSERT_EQ(scene.geometries.size(), 2u);
    const Sphere& ball = std::get<Sphere>(scene.geometries[1].shape);
    EXPECT_FLOAT_EQ(ball.radius, 7.0f);
    EXPECT_FLOAT_EQ(ball.center.y, 1.0f);  // untouched attributes survive
    EXPECT_FLOAT_EQ(scene.materials[0].diffuseColor.y, 0.0f);
    EXPECT_EQ(scene.sourcePath, base);
}

TEST(SceneOverrides, ErrorsNameTheFileThatFailed) {
    SceneDir dir;
    const std::string base = dir.write("base.rdla", kMinimalScene);
    const std::string over = dir.write("override.rdla", "\nBoxGeometry(\"/box\") { size = 2 }\n");
    EXPECT_CONTAINS(test::sceneErrorOf({base, over}), "override.rdla:2: attribute 'size'");
}

TEST(SceneOverrides, SceneVarsConvertTypesAndApplyLast) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"(
PerspectiveCamera("/other") { focal = 80 }
SceneVariables { image_width = 10, pixel_samples = 2 }
)");
    const Scene scene = loadFiles({file}, {{"image_width", "640"},
                                           {"res", "2.5"},
                                           {"pixel_samples", "5"},
                                           {"camera", "/other"},
                                           {"sampling_mode", "adaptive"},
                                           {"checkpoint_interval", "1.5"},
                                           {"checkpoint_quality_steps", "2"},
                                           {"resumable_output", "on"},
                                           {"checkpoint_mode", "1"},
                                           {"checkpoint_time_cap", "120"}});
    EXPECT_EQ(scene.vars.imageWidth, 640);
    EXPECT_FLOAT_EQ(scene.vars.res, 2.5f);
    EXPECT_EQ(scene.vars.pixelSamples, 5);
    EXPECT_FLOAT_EQ(scene.camera.focal, 80.0f);
    EXPECT_EQ(scene.vars.camera, "/other");
    EXPECT_EQ(scene.vars.extra.at("sampling_mode"), "2");
    EXPECT_EQ(scene.vars.extra.at("checkpoint_interval"), "1.5");
    EXPECT_EQ(scene.vars.extra.at("checkpoint_quality_steps"), "2");
    EXPECT_EQ(scene.vars.extra.at("resumable_output"), "true");
    EXPECT_EQ(scene.vars.extra.at("checkpoint_mode"), "1");
    EXPECT_EQ(scene.vars.extra.at("checkpoint_time_cap"), "120");
}

// The UsageError message of loading with one -scene_var ("" when it loads).
std::string usageErrorFor(const std::string& file, const std::string& name,
                          const std::string& value) {
    try {
        loadFiles({file}, {{name, value}});
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

TEST(SceneOverrides, BadSceneVarsAreUsageErrorsNamingTheOption) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", kMinimalScene);
    EXPECT_CONTAINS(usageErrorFor(file, "image_width", "abc"),
                    "-scene_var image_width: expected an integer, got 'abc'");
    EXPECT_CONTAINS(usageErrorFor(file, "image_width", "12.5"), "-scene_var image_width");
    EXPECT_CONTAINS(usageErrorFor(file, "image_width", "0"),
                    "-scene_var image_width: image_width must be between 1");
    EXPECT_CONTAINS(usageErrorFor(file, "res", "fast"), "-scene_var res: expected a number");
    EXPECT_CONTAINS(usageErrorFor(file, "checkpoint_active", "maybe"),
                    "-scene_var checkpoint_active: expected a boolean");
    EXPECT_CONTAINS(usageErrorFor(file, "sampling_mode", "7"), "-scene_var sampling_mode");
    EXPECT_CONTAINS(usageErrorFor(file, "camera", "/nope"),
                    "-scene_var camera: no camera named '/nope'");
    EXPECT_CONTAINS(usageErrorFor(file, "layer", "/cam"),
                    "-scene_var layer: no layer named '/cam' (it is PerspectiveCamera '/cam')");
}

TEST(SceneOverrides, UnknownSceneVarWarnsAndIsKept) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", kMinimalScene);
    const int warnings = log::warningCount();
    const Scene scene = loadFiles({file}, {{"my_new_feature", "3"}});
    EXPECT_EQ(log::warningCount(), warnings + 1);
    EXPECT_EQ(scene.vars.extra.at("my_new_feature"), "3");
}

}  // namespace
}  // namespace rt
