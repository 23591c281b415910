// Lights, render outputs, layers, light sets and scene variables.
#include "SceneTestUtil.h"
#include "core/Transform.h"

namespace rt {
namespace {

using test::kMinimalScene;
using test::loadFiles;
using test::SceneDir;

using test::expectNear;
using test::kEps;

TEST(SceneModel, LightFields) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"(
RectLight("/rect") {
    color = Rgb(1, 0.5, 0.25), intensity = 2, exposure = 1, normalized = false,
    visible_in_camera = false, width = 3, height = 4,
    node_xform = rotate(90, 0, 0, 1),
}
SphereLight("/sphere") { radius = 0.5 }
DiskLight("/disk") { radius = 2 }
DistantLight("/sun") { angular_extent = 1.5 }
EnvLight("/sky") { color = Rgb(0.2, 0.3, 0.4) }
SphereLight("/off") { on = false }
)");
    const Scene scene = loadFiles({file});
    ASSERT_EQ(scene.lights.size(), 5u);  // the light that is off is left out
    const LightDesc& rect = scene.lights[0];
    EXPECT_EQ(rect.type, LightType::Rect);
    EXPECT_EQ(rect.name, "/rect");
    EXPECT_FALSE(rect.normalized);
    EXPECT_FALSE(rect.visibleInCamera);
    EXPECT_FLOAT_EQ(rect.width, 3.0f);
    EXPECT_FLOAT_EQ(rect.height, 4.0f);
    EXPECT_FLOAT_EQ(rect.radianceScale().x, 4.0f);  // 1 * 2 * 2^1
    EXPECT_FLOAT_EQ(rect.radianceScale().z, 1.0f);
    expectNear(transformVector(rect.nodeXform, Vec3f(1, 0, 0)), Vec3f(0, 1, 0));
    EXPECT_CONTAINS(rect.where.str(), "scene.rdla:6");
    EXPECT_EQ(scene.lights[1].type, LightType::Sphere);
    EXPECT_FLOAT_EQ(scene.lights[1].radius, 0.5f);
    EXPECT_TRUE(scene.lights[1].normalized);
    EXPECT_EQ(scene.lights[2].type, LightType::Disk);
    EXPECT_FLOAT_EQ(scene.lights[2].radius, 2.0f);
    EXPECT_EQ(scene.lights[3].type, LightType::Distant);
    EXPECT_FLOAT_EQ(scene.lights[3].angularExtent, 1.5f);
    EXPECT_EQ(scene.lights[4].type, LightType::Env);
    EXPECT_FLOAT_EQ(scene.lights[4].color.z, 0.4f);
    EXPECT_TRUE(scene.lights[4].texture.empty());
    EXPECT_FALSE(scene.lights[4].textureImage);
}

TEST(SceneModel, EnvLightTextureIsDecodedRelativeToTheSceneFile) {
    SceneDir dir;
    // A 2x1 ASCII PPM: red, then green.
    dir.write("maps/sky.ppm", "P3\n2 1\n255\n255 0 0  0 255 0\n");
    const std::string file = dir.write("scenes/scene.rdla", std::string(kMinimalScene) + R"(
EnvLight("/sky") { texture = "../maps/sky.ppm" }
)");
    const Scene scene = loadFiles({file});
    const LightDesc& sky = scene.lights.at(0);
    EXPECT_EQ(sky.texture, dir.path("maps/sky.ppm"));
    ASSERT_TRUE(sky.textureImage);
    ASSERT_EQ(sky.textureImage->width, 2);
    ASSERT_EQ(sky.textureImage->height, 1);
    EXPECT_GT(sky.textureImage->at(0, 0).x, 0.9f);
    EXPECT_LT(sky.textureImage->at(0, 0).y, 0.1f);
    EXPECT_GT(sky.textureImage->at(1, 0).y, 0.9f);
}

TEST(SceneModel, RenderOutputsKeepTheirSettingsAndFiles) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"(
RenderOutput("/beauty") { result = 0, file_name = "out/a.exr" }
RenderOutput("/alpha") { result = "alpha", file_name = "out/a.exr", channel_format = "float" }
RenderOutput("/depth") { result = 2, file_name = "out/a.exr", channel_name = "Z" }
RenderOutput("/normal") { result = "normal", file_name = "aux.exr", compression = "piz" }
RenderOutput("/albedo") { result = "albedo", file_name = "aux.exr", compression = 4,
                          active = false }
RenderOutput("/n2") { result = "state variable", state_variable = "N", file_name = "aux.exr",
                      compression = "piz", checkpoint_file_name = "cp.exr" }
RenderOutput("/weight") { result = "weight", file_name = "diag.exr" }
RenderOutput("/baux") { result = 12, file_name = "diag.exr" }
RenderOutput("/aaux") { result = "alpha aux", file_name = "diag.exr" }
RenderOutput("/err") { result = "variance", file_name = "diag.exr" }
RenderOutput("/spp") { result = "samples", file_name = "diag.exr" }
RenderOutput("/df") { result = "display filter", active = false }  -- not written: no error
)");
    const Scene scene = loadFiles({file});
    ASSERT_EQ(scene.outputs.size(), 11u);
    const auto& o = scene.outputs;
    EXPECT_EQ(o[0].result, OutputResult::Beauty);
    EXPECT_EQ(o[0].fileName, "out/a.exr");  // not resolved against the scene directory
    EXPECT_EQ(o[0].channelFormat, ChannelFormat::Half);
    EXPECT_EQ(o[0].compression, Compression::Zip);
    EXPECT_EQ(o[1].result, OutputResult::Alpha);
    EXPECT_EQ(o[1].channelFormat, ChannelFormat::Float);
    EXPECT_EQ(o[2].result, OutputResult::Depth);
    EXPECT_EQ(o[2].channelName, "Z");
    EXPECT_EQ(o[3].result, OutputResult::Normal);
    EXPECT_EQ(o[3].compression, Compression::Piz);
    EXPECT_EQ(o[4].result, OutputResult::Albedo);
    EXPECT_FALSE(o[4].active);
    EXPECT_EQ(o[5].result, OutputResult::StateVariable);
    EXPECT_EQ(o[5].stateVariable, StateVariable::N);
    EXPECT_EQ(o[5].aovSlot, 0);
    EXPECT_EQ(o[5].extra.at("checkpoint_file_name"), "cp.exr");
    EXPECT_EQ(o[6].result, OutputResult::Weight);
    EXPECT_EQ(o[7].result, OutputResult::BeautyAux);
    EXPECT_EQ(o[8].result, OutputResult::AlphaAux);
    EXPECT_EQ(o[9].result, OutputResult::Error);
    EXPECT_EQ(o[10].result, OutputResult::Samples);
    EXPECT_EQ(o[0].name, "/beauty");
    EXPECT_CONTAINS(o[1].where.str(), "scene.rdla:7");
}

TEST(SceneModel, LayerAssignmentsAndLightSets) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/a") {}
DwaBaseMaterial("/b") {}
BoxGeometry("/box1") {}
BoxGeometry("/box2") {}
BoxGeometry("/unused") {}
ObjGeometry("/not_in_layer") { model = "missing.obj" }  -- never built: no error
SphereLight("/l1") {}
SphereLight("/off") { on = false }
RectLight("/l2") {}
LightSet("/set") { RectLight("/l2"), SphereLight("/off") }
GeometrySet("/geoms") { BoxGeometry("/box1") }
Layer("/layer") {
    {BoxGeometry("/box1"), "", DwaBaseMaterial("/b"), LightSet("/set")},
    {BoxGeometry("/box2"), "", DwaBaseMaterial("/a")},
    {BoxGeometry("/box1"), "", DwaBaseMaterial("/a"), LightSet("/set")},  -- replaces the first
}
)");
    const Scene scene = loadFiles({file});
    ASSERT_EQ(scene.geometries.size(), 2u);
    EXPECT_EQ(scene.geometries[0].name, "/box1");
    EXPECT_EQ(scene.geometries[1].name, "/box2");
    ASSERT_EQ(scene.layer.size(), 2u);
    ASSERT_EQ(scene.materials.size(), 1u);  // only /a is used after the replacement
    EXPECT_EQ(scene.materials[0].name, "/a");
    EXPECT_EQ(scene.layer[0].geometry, 0);
    EXPECT_EQ(scene.layer[0].material, 0);
    EXPECT_EQ(scene.layer[0].lightSet, 0);
    EXPECT_EQ(scene.layer[1].lightSet, -1);
    ASSERT_EQ(scene.lights.size(), 2u);
    EXPECT_EQ(scene.lights[1].name, "/l2");
    ASSERT_EQ(scene.lightSets.size(), 1u);
    EXPECT_EQ(scene.lightSets[0].name, "/set");
    EXPECT_EQ(scene.lightSets[0].lights, std::vector<int>{1});
}

TEST(SceneModel, ActiveCameraAndLayerComeFromSceneVariables) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"(
PerspectiveCamera("/other") { focal = 50 }
SphereGeometry("/ball") {}
Layer("/other_layer") { {SphereGeometry("/ball"), "", DwaBaseMaterial("/mtl")} }
SceneVariables { camera = PerspectiveCamera("/other"), layer = "/other_layer" }
)");
    const Scene scene = loadFiles({file});
    EXPECT_FLOAT_EQ(scene.camera.focal, 50.0f);
    ASSERT_EQ(scene.geometries.size(), 1u);
    EXPECT_EQ(scene.geometries[0].name, "/ball");
}

TEST(SceneModel, SceneVariablesTypedAndExtra) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"(
SceneVariables {
    image_width = 640, image_height = 480, res = 2, pixel_samples = 3, max_depth = 7, seed = 9,
    sampling_mode = 2, min_adaptive_samples = 32, target_adaptive_error = 2.5,
    checkpoint_active = true, checkpoint_interval = 0.5, checkpoint_mode = "quality",
    checkpoint_post_script = "post.lua", debug_pixel = {1, 2},
    dicing_camera = PerspectiveCamera("/cam"),  -- accepted, not used
}
)");
    const int warnings = log::warningCount();
    const Scene scene = loadFiles({file});
    EXPECT_EQ(log::warningCount(), warnings);
    const SceneVariables& v = scene.vars;
    EXPECT_EQ(v.imageWidth, 640);
    EXPECT_EQ(v.imageHeight, 480);
    EXPECT_FLOAT_EQ(v.res, 2.0f);
    EXPECT_EQ(v.renderWidth(), 320);
    EXPECT_EQ(v.pixelSamples, 3);
    EXPECT_EQ(v.maxDepth, 7);
    EXPECT_EQ(v.seed, 9u);
    EXPECT_EQ(v.extra.at("sampling_mode"), "2");
    EXPECT_EQ(v.extra.at("min_adaptive_samples"), "32");
    EXPECT_EQ(v.extra.at("target_adaptive_error"), "2.5");
    EXPECT_EQ(v.extra.at("checkpoint_active"), "true");
    EXPECT_EQ(v.extra.at("checkpoint_interval"), "0.5");
    EXPECT_EQ(v.extra.at("checkpoint_mode"), "1");
    EXPECT_EQ(v.extra.at("checkpoint_post_script"), "post.lua");
    EXPECT_EQ(v.extra.at("debug_pixel"), "1 2");
    EXPECT_EQ(v.extra.count("dicing_camera"), 0u);
    EXPECT_EQ(v.extra.count("image_width"), 0u);
}

}  // namespace
}  // namespace rt
