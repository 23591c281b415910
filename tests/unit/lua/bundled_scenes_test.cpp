// The scenes in rdl_scenes/ load without warnings and contain what they promise.
#include "SceneTestUtil.h"
#include "core/Transform.h"
#include "scene/SceneFingerprint.h"

namespace rt {
namespace {

using test::loadFiles;

const std::string kScenes = std::string(RT_SOURCE_DIR) + "/rdl_scenes/";

size_t triangleCount(const Scene& scene) {
    size_t n = 0;
    for (const Geometry& g : scene.geometries) {
        if (const auto* mesh = std::get_if<TriangleMesh>(&g.shape)) n += mesh->triangleCount();
    }
    return n;
}

TEST(BundledScenes, CornellBox) {
    const int warnings = log::warningCount();
    const Scene scene = loadFiles({kScenes + "cornell_box.rdla"});
    EXPECT_EQ(log::warningCount(), warnings);
    EXPECT_EQ(scene.vars.imageWidth, 256);
    EXPECT_EQ(scene.vars.imageHeight, 256);
    EXPECT_EQ(scene.vars.pixelSamples, 8);
    EXPECT_EQ(scene.vars.maxDepth, 8);
    EXPECT_EQ(scene.geometries.size(), 7u);
    EXPECT_EQ(triangleCount(scene), 5u * 2u + 2u * 10u);
    EXPECT_EQ(scene.materials.size(), 3u);
    ASSERT_EQ(scene.lights.size(), 1u);
    const LightDesc& light = scene.lights[0];
    EXPECT_EQ(light.type, LightType::Rect);
    EXPECT_FALSE(light.normalized);
    EXPECT_FLOAT_EQ(light.radianceScale().x, 17.0f);
    EXPECT_FLOAT_EQ(light.radianceScale().y, 12.0f);
    EXPECT_FLOAT_EQ(light.radianceScale().z, 4.0f);
    const Vec3f lightCenter = transformPoint(light.nodeXform, Vec3f(0.0f));
    EXPECT_NEAR(lightCenter.x, 278.0f, 1e-3f);
    EXPECT_NEAR(lightCenter.y, 548.7f, 1e-3f);
    EXPECT_NEAR(lightCenter.z, 279.5f, 1e-3f);
    // Rect lights emit down their local -z (doc/SHADING.md): here straight down.
    const Vec3f emit = transformVector(light.nodeXform, Vec3f(0, 0, -1));
    EXPECT_NEAR(emit.y, -1.0f, 1e-5f);
    const Vec3f camera = transformPoint(scene.camera.nodeXform, Vec3f(0.0f));
    EXPECT_NEAR(camera.x, 278.0f, 1e-3f);
    EXPECT_NEAR(camera.y, 273.0f, 1e-3f);
    EXPECT_NEAR(camera.z, -800.0f, 1e-3f);
    EXPECT_NEAR(transformVector(scene.camera.nodeXform, Vec3f(0, 0, -1)).z, 1.0f, 1e-5f);
    ASSERT_EQ(scene.outputs.size(), 5u);
    for (const RenderOutput& out : scene.outputs) EXPECT_EQ(out.fileName, "cornell_box.exr");
    // Every face of the box faces the inside: its normal points towards the room centre.
    const Vec3f center(278.0f, 274.4f, 279.6f);
    for (size_t g = 0; g < 5; ++g) {
        const auto& mesh = std::get<TriangleMesh>(scene.geometries[g].shape);
        for (size_t t = 0; t < mesh.triangleCount(); ++t) {
            const Vec3f& a = mesh.positions[mesh.indices[3 * t]];
            const Vec3f& b = mesh.positions[mesh.indices[3 * t + 1]];
            const Vec3f& c = mesh.positions[mesh.indices[3 * t + 2]];
            EXPECT_GT(dot(cross(b - a, c - a), center - a), 0.0f) << scene.geometries[g].name;
        }
    }
}

TEST(BundledScenes, GlossyGlass) {
    const int warnings = log::warningCount();
    const Scene scene = loadFiles({kScenes + "glossy_glass.rdla"});
    EXPECT_EQ(log::warningCount(), warnings);
    EXPECT_EQ(scene.geometries.size(), 5u);
    EXPECT_EQ(scene.lights.size(), 2u);
    EXPECT_GT(triangleCount(scene), 1000u);  // the OBJ torus
}

TEST(BundledScenes, CausticRoom) {
    const int warnings = log::warningCount();
    const Scene scene = loadFiles({kScenes + "caustic_room.rdla"});
    EXPECT_EQ(log::warningCount(), warnings);
    ASSERT_EQ(scene.lights.size(), 1u);
    EXPECT_EQ(scene.lights[0].type, LightType::Sphere);
    EXPECT_EQ(scene.vars.extra.count("sampling_mode"), 0u);  // uniform unless asked
}

TEST(BundledScenes, AnimatedShotMovesItsObjectsAndItsLightWithTheFrame) {
    const int warnings = log::warningCount();
    auto frameOf = [](int frame) {
        return loadFiles({kScenes + "animated_shot.rdla"}, {{"frame", std::to_string(frame)}});
    };
    const Scene first = frameOf(1), middle = frameOf(12), last = frameOf(24);
    EXPECT_EQ(log::warningCount(), warnings);
    EXPECT_EQ(first.geometries.size(), 4u);
    ASSERT_EQ(first.lights.size(), 2u);
    auto center = [](const Scene& scene, const std::string& name) {
        for (const Geometry& g : scene.geometries) {
            if (g.name == name) return std::get<Sphere>(g.shape).center;
        }
        ADD_FAILURE() << "no " << name;
        return Vec3f(0.0f);
    };
    auto lamp = [](const Scene& scene) {
        return transformPoint(scene.lights[1].nodeXform, Vec3f(0.0f));
    };
    // The red ball rolls right and the lamp swings right; the glass ball bounces twice a
    // second: on the floor at frames 12 and 24, 0.75 m up at frame 3 (a quarter bounce).
    EXPECT_LT(center(first, "/red_ball").x, center(middle, "/red_ball").x);
    EXPECT_LT(center(middle, "/red_ball").x, center(last, "/red_ball").x);
    EXPECT_LT(lamp(first).x, lamp(last).x);
    EXPECT_NEAR(center(middle, "/glass_ball").y, 0.35f, 1e-5f);
    EXPECT_NEAR(center(last, "/glass_ball").y, 0.35f, 1e-5f);
    EXPECT_NEAR(center(frameOf(3), "/glass_ball").y, 0.35f + 0.75f, 1e-5f);
    EXPECT_NE(sceneFingerprint(first), sceneFingerprint(middle));
    ASSERT_EQ(middle.outputs.size(), 2u);
    for (const RenderOutput& output : middle.outputs) {
        EXPECT_EQ(output.fileName, "animated_shot.0012.exr");
        EXPECT_EQ(output.extra.at("checkpoint_file_name"), "animated_shot_checkpoint.0012.exr");
    }
}

}  // namespace
}  // namespace rt
