// The scene fingerprint for resume: equal scenes give equal values, every change that
// alters pixels changes it, and what a resume may change (sampling targets, caps,
// checkpoint and resume controls, outputs, names, paths) leaves it alone.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/Transform.h"
#include "scene/SceneFingerprint.h"

namespace rt {
namespace {

void addGeometry(Scene& scene, const std::string& name, std::variant<TriangleMesh, Sphere> shape) {
    Geometry g;
    g.name = name;
    g.where = {"/scenes/test.rdla", 10 + static_cast<int>(scene.geometries.size())};
    g.shape = std::move(shape);
    scene.geometries.push_back(std::move(g));
}

std::shared_ptr<const RgbImage> checkerTexture() {
    auto image = std::make_shared<RgbImage>();
    image->width = 2;
    image->height = 2;
    image->pixels = {Color(1.0f, 0.5f, 0.25f), Color(0.0f), Color(0.0f), Color(2.0f)};
    return image;
}

// Two quads, a sphere, two materials, a rect light, an environment light with a texture,
// a light set, three layer entries, a camera, an output and scene variables of each kind.
Scene testScene() {
    Scene scene;
    scene.sourcePath = "/scenes/test.rdla";
    scene.vars.imageWidth = 64;
    scene.vars.imageHeight = 48;
    scene.vars.pixelSamples = 4;
    scene.vars.maxDepth = 3;
    scene.vars.seed = 7;
    scene.vars.camera = "/camera";
    scene.vars.layer = "/layer";
    scene.vars.extra = {{"sampling_mode", "2"},        {"max_adaptive_samples", "256"},
                        {"checkpoint_active", "true"}, {"checkpoint_interval", "0.5"},
                        {"resumable_output", "true"},  {"pixel_filter_width", "2"}};
    scene.camera.nodeXform = translateMatrix(Vec3f(0.0f, 1.0f, 5.0f));
    scene.camera.focal = 35.0f;

    TriangleMesh floor;
    floor.positions = {{-1, 0, -1}, {1, 0, -1}, {1, 0, 1}, {-1, 0, 1}};
    floor.indices = {0, 2, 1, 0, 3, 2};
    addGeometry(scene, "/floor", floor);
    TriangleMesh wall;
    wall.positions = {{-1, 0, -1}, {1, 0, -1}, {1, 2, -1}, {-1, 2, -1}};
    wall.indices = {0, 1, 2, 0, 2, 3};
    addGeometry(scene, "/wall", wall);
    addGeometry(scene, "/ball", Sphere{Vec3f(0.0f, 0.5f, 0.0f), 0.5f});

    Material grey;
    grey.name = "/grey";
    grey.diffuseColor = Color(0.5f);
    scene.materials.push_back(grey);
    Material red;
    red.name = "/red";
    red.diffuseColor = Color(0.8f, 0.1f, 0.1f);
    red.roughness = 0.2f;
    scene.materials.push_back(red);

    LightDesc rect;
    rect.type = LightType::Rect;
    rect.name = "/rect";
    rect.where = {"/scenes/test.rdla", 30};
    rect.nodeXform = translateMatrix(Vec3f(0.0f, 3.0f, 0.0f));
    rect.intensity = 5.0f;
    rect.width = 0.5f;
    scene.lights.push_back(rect);
    LightDesc env;
    env.type = LightType::Env;
    env.name = "/env";
    env.texture = "/scenes/textures/sky.exr";
    env.textureImage = checkerTexture();
    scene.lights.push_back(env);

    scene.lightSets.push_back({"/keyOnly", {0}});
    scene.layer = {{0, 0, -1}, {1, 0, 0}, {2, 1, -1}};

    RenderOutput beauty;
    beauty.name = "/beauty";
    beauty.fileName = "out/beauty.exr";
    beauty.extra = {{"checkpoint_file_name", "out/checkpoint.exr"}};
    scene.outputs.push_back(beauty);
    return scene;
}

TriangleMesh& mesh(Scene& scene, size_t index) {
    return std::get<TriangleMesh>(scene.geometries[index].shape);
}

uint64_t fingerprintAfter(const std::function<void(Scene&)>& change) {
    Scene scene = testScene();
    change(scene);
    return sceneFingerprint(scene);
}

struct Change {
    const char* name;
    std::function<void(Scene&)> apply;
};

// GoogleTest (and ctest's test names) show a parameter as "GetParam() = ...": the
// change's name rather than the raw bytes of the struct.
void PrintTo(const Change& change, std::ostream* os) {
    *os << change.name;
}

std::string changeName(const testing::TestParamInfo<Change>& info) {
    return info.param.name;
}

float nextUp(float x) {
    return std::nextafter(x, std::numeric_limits<float>::infinity());
}

TEST(SceneFingerprint, SameSceneBuiltTwiceGivesTheSameValue) {
    const Scene a = testScene();
    const Scene b = testScene();
    EXPECT_EQ(sceneFingerprint(a), sceneFingerprint(b));
    EXPECT_EQ(sceneFingerprint(a), sceneFingerprint(a));
    const Scene copy = a;  // other addresses, same contents
    EXPECT_EQ(sceneFingerprint(copy), sceneFingerprint(a));
}

TEST(SceneFingerprint, EmptyAndDefaultScenesDifferFromTheTestScene) {
    EXPECT_EQ(sceneFingerprint(Scene{}), sceneFingerprint(Scene{}));
    EXPECT_NE(sceneFingerprint(Scene{}), sceneFingerprint(testScene()));
}

// ---- changes that alter pixels ----

class PixelChange : public testing::TestWithParam<Change> {};

TEST_P(PixelChange, ChangesTheFingerprint) {
    EXPECT_NE(fingerprintAfter(GetParam().apply), sceneFingerprint(testScene()));
}

const Change kPixelChanges[] = {
    {"VertexCoordinateOneUlp",
     [](Scene& s) { mesh(s, 1).positions[2].y = nextUp(mesh(s, 1).positions[2].y); }},
    {"VertexZeroSign", [](Scene& s) { mesh(s, 0).positions[0].y = -0.0f; }},
    {"TriangleIndex", [](Scene& s) { mesh(s, 0).indices[5] = 1; }},
    {"SphereRadius", [](Scene& s) { std::get<Sphere>(s.geometries[2].shape).radius = 0.6f; }},
    {"SphereCentre",
     [](Scene& s) { std::get<Sphere>(s.geometries[2].shape).center.z = nextUp(0.0f); }},
    {"GeometryOrder", [](Scene& s) { std::swap(s.geometries[0], s.geometries[1]); }},
    {"SphereBecomesMesh", [](Scene& s) { s.geometries[2].shape = TriangleMesh{}; }},
    {"MaterialColour", [](Scene& s) { s.materials[0].diffuseColor.z = 0.51f; }},
    {"MaterialRoughness", [](Scene& s) { s.materials[1].roughness = 0.3f; }},
    {"MaterialMetallic", [](Scene& s) { s.materials[1].metallic = 1.0f; }},
    {"MaterialIor", [](Scene& s) { s.materials[1].refractiveIndex = 1.33f; }},
    {"LightIntensity", [](Scene& s) { s.lights[0].intensity = 5.5f; }},
    {"LightExposure", [](Scene& s) { s.lights[0].exposure = 1.0f; }},
    {"LightColour", [](Scene& s) { s.lights[0].color.y = 0.9f; }},
    {"LightXform", [](Scene& s) { s.lights[0].nodeXform[3][0] = 0.25f; }},
    {"LightXformRotationEntry", [](Scene& s) { s.lights[0].nodeXform[0][1] = 1e-6f; }},
    {"LightType", [](Scene& s) { s.lights[0].type = LightType::Disk; }},
    {"LightNormalized", [](Scene& s) { s.lights[0].normalized = false; }},
    {"LightVisibleInCamera", [](Scene& s) { s.lights[1].visibleInCamera = false; }},
    {"LightWidth", [](Scene& s) { s.lights[0].width = 0.75f; }},
    {"LightHeight", [](Scene& s) { s.lights[0].height = 2.0f; }},
    {"LightRadius", [](Scene& s) { s.lights[0].radius = 2.0f; }},
    {"LightAngularExtent", [](Scene& s) { s.lights[0].angularExtent = 1.0f; }},
    {"LightOrder", [](Scene& s) { std::swap(s.lights[0], s.lights[1]); }},
    {"LightBecomesSpot", [](Scene& s) { s.lights[0].type = LightType::Spot; }},
    {"SpotOuterCone",
     [](Scene& s) {
         s.lights[0].type = LightType::Spot;
         s.lights[0].spot.outerConeAngle = 50.0f;
     }},
    {"SpotFalloffType",
     [](Scene& s) {
         s.lights[0].type = LightType::Spot;
         s.lights[0].spot.angleFalloffType = 1;
     }},
    {"EnvTextureOnePixel",
     [](Scene& s) {
         auto image = std::make_shared<RgbImage>(*s.lights[1].textureImage);
         image->pixels[3].x = nextUp(image->pixels[3].x);
         s.lights[1].textureImage = image;
     }},
    {"EnvTextureShape",
     [](Scene& s) {
         auto image = std::make_shared<RgbImage>(*s.lights[1].textureImage);
         image->width = 4;
         image->height = 1;  // same pixels, another layout
         s.lights[1].textureImage = image;
     }},
    {"EnvTextureRemoved", [](Scene& s) { s.lights[1].textureImage = nullptr; }},
    {"LightFilterAdded",
     [](Scene& s) {
         s.lightFilters.push_back(LightFilterDesc{});
         s.lights[0].filters = {0};
     }},
    {"LightFilterFactor",
     [](Scene& s) {
         s.lightFilters.push_back(LightFilterDesc{});
         s.lightFilters[0].intensity = 0.5f;
         s.lights[0].filters = {0};
     }},
    {"LightFilterInverted",
     [](Scene& s) {
         s.lightFilters.push_back(LightFilterDesc{});
         s.lightFilters[0].intensity = 0.5f;
         s.lightFilters[0].invert = true;
         s.lights[0].filters = {0};
     }},
    {"LayerLightFilterSet",
     [](Scene& s) {
         s.lightFilters.push_back(LightFilterDesc{});
         s.lights[0].filters = {0};
         s.lightFilterSets.push_back({"/set", {}});
         s.layer[0].lightFilterSet = 0;
     }},
    {"LightSetMembers", [](Scene& s) { s.lightSets[0].lights.push_back(1); }},
    {"LightSetAdded",
     [](Scene& s) {
         s.lightSets.push_back({"/empty", {}});
     }},
    {"LayerAssignmentOrder", [](Scene& s) { std::swap(s.layer[0], s.layer[1]); }},
    {"LayerMaterial", [](Scene& s) { s.layer[2].material = 0; }},
    {"LayerLightSet", [](Scene& s) { s.layer[0].lightSet = 0; }},
    {"LayerEntryRemoved", [](Scene& s) { s.layer.pop_back(); }},
    {"CameraFocal", [](Scene& s) { s.camera.focal = 36.0f; }},
    {"CameraXform", [](Scene& s) { s.camera.nodeXform[3][2] = 5.5f; }},
    {"CameraFilmAperture", [](Scene& s) { s.camera.filmWidthAperture = 36.0f; }},
    {"CameraNear", [](Scene& s) { s.camera.nearClip = 0.1f; }},
    {"CameraFar", [](Scene& s) { s.camera.farClip = 100.0f; }},
    {"Seed", [](Scene& s) { s.vars.seed = 8; }},
    {"MaxDepth", [](Scene& s) { s.vars.maxDepth = 4; }},
    {"ImageWidth", [](Scene& s) { s.vars.imageWidth = 65; }},
    {"ImageHeight", [](Scene& s) { s.vars.imageHeight = 64; }},
    {"ResDivisor", [](Scene& s) { s.vars.res = 2.0f; }},
    {"PixelSceneVariableValue", [](Scene& s) { s.vars.extra["pixel_filter_width"] = "3"; }},
    {"PixelSceneVariableAdded", [](Scene& s) { s.vars.extra["max_diffuse_depth"] = "2"; }},
    {"PixelSceneVariableRemoved", [](Scene& s) { s.vars.extra.erase("pixel_filter_width"); }},
};

INSTANTIATE_TEST_SUITE_P(SceneFingerprint, PixelChange, testing::ValuesIn(kPixelChanges),
                         changeName);

// No two of the changes above collide with each other either.
TEST(SceneFingerprint, PixelChangesGivePairwiseDistinctValues) {
    std::set<uint64_t> values{sceneFingerprint(testScene())};
    for (const Change& change : kPixelChanges) {
        EXPECT_TRUE(values.insert(fingerprintAfter(change.apply)).second) << change.name;
    }
}

// ---- changes a resume may make ----

class ResumeChange : public testing::TestWithParam<Change> {};

TEST_P(ResumeChange, KeepsTheFingerprint) {
    EXPECT_EQ(fingerprintAfter(GetParam().apply), sceneFingerprint(testScene()));
}

const Change kResumeChanges[] = {
    {"PixelSamples", [](Scene& s) { s.vars.pixelSamples = 16; }},
    {"SamplingMode", [](Scene& s) { s.vars.extra["sampling_mode"] = "0"; }},
    {"SamplingModeRemoved", [](Scene& s) { s.vars.extra.erase("sampling_mode"); }},
    {"MinAdaptiveSamples", [](Scene& s) { s.vars.extra["min_adaptive_samples"] = "4"; }},
    {"MaxAdaptiveSamples", [](Scene& s) { s.vars.extra["max_adaptive_samples"] = "1024"; }},
    {"TargetAdaptiveError", [](Scene& s) { s.vars.extra["target_adaptive_error"] = "5"; }},
    {"CheckpointSampleCap", [](Scene& s) { s.vars.extra["checkpoint_sample_cap"] = "64"; }},
    {"CheckpointInterval", [](Scene& s) { s.vars.extra["checkpoint_interval"] = "2"; }},
    {"CheckpointTimeCap", [](Scene& s) { s.vars.extra["checkpoint_time_cap"] = "30"; }},
    {"CheckpointMode", [](Scene& s) { s.vars.extra["checkpoint_mode"] = "1"; }},
    {"CheckpointPostScript",
     [](Scene& s) { s.vars.extra["checkpoint_post_script"] = "/tmp/post.lua"; }},
    {"ResumeRender", [](Scene& s) { s.vars.extra["resume_render"] = "true"; }},
    {"ResumableOutputOff", [](Scene& s) { s.vars.extra["resumable_output"] = "false"; }},
    {"OnResumeScript", [](Scene& s) { s.vars.extra["on_resume_script"] = "/tmp/resume.lua"; }},
    {"Threads", [](Scene& s) { s.vars.extra["threads"] = "2"; }},
    {"UnknownSceneVariable", [](Scene& s) { s.vars.extra["not_a_moonray_variable"] = "1"; }},
    {"OutputFileName", [](Scene& s) { s.outputs[0].fileName = "elsewhere/beauty.exr"; }},
    {"OutputCheckpointFileName",
     [](Scene& s) { s.outputs[0].extra["checkpoint_file_name"] = "ck.exr"; }},
    {"OutputAdded",
     [](Scene& s) {
         RenderOutput alpha;
         alpha.name = "/alpha";
         alpha.result = OutputResult::Alpha;
         alpha.fileName = "out/alpha.exr";
         s.outputs.push_back(alpha);
     }},
    {"OutputsRemoved", [](Scene& s) { s.outputs.clear(); }},
    {"GeometryName", [](Scene& s) { s.geometries[0].name = "/ground"; }},
    {"MaterialName", [](Scene& s) { s.materials[0].name = "/gray"; }},
    {"LightName", [](Scene& s) { s.lights[0].name = "/key"; }},
    {"LightSetName", [](Scene& s) { s.lightSets[0].name = "/key"; }},
    {"SourceLocations",
     [](Scene& s) {
         s.geometries[1].where = {"/elsewhere/test.rdla", 99};
         s.lights[0].where = {"/elsewhere/test.rdla", 100};
         s.outputs[0].where = {"/elsewhere/test.rdla", 101};
     }},
    {"SourcePath", [](Scene& s) { s.sourcePath = "/elsewhere/test.rdla"; }},
    {"TexturePath", [](Scene& s) { s.lights[1].texture = "/elsewhere/sky.exr"; }},
    {"TextureReloadedSamePixels", [](Scene& s) { s.lights[1].textureImage = checkerTexture(); }},
    {"CameraAndLayerSelectorNames",
     [](Scene& s) {
         s.vars.camera = "/shotCam";
         s.vars.layer = "";
     }},
    {"ImageSizeAndResGivingTheSameRenderSize",
     [](Scene& s) {
         s.vars.imageWidth = 128;
         s.vars.imageHeight = 96;
         s.vars.res = 2.0f;
     }},
};

INSTANTIATE_TEST_SUITE_P(SceneFingerprint, ResumeChange, testing::ValuesIn(kResumeChanges),
                         changeName);

// ---- structure: where a value sits matters, not only the values ----

TEST(SceneFingerprint, SwappingTwoTrianglesChangesIt) {
    const uint64_t before = sceneFingerprint(testScene());
    const uint64_t after = fingerprintAfter([](Scene& s) {
        std::vector<uint32_t>& idx = mesh(s, 0).indices;
        std::swap_ranges(idx.begin(), idx.begin() + 3, idx.begin() + 3);
    });
    EXPECT_NE(after, before);
}

TEST(SceneFingerprint, MovingAPositionIntoTheNextMeshChangesIt) {
    // Same stream of coordinates, another split between the two meshes.
    const uint64_t before = sceneFingerprint(testScene());
    const uint64_t after = fingerprintAfter([](Scene& s) {
        TriangleMesh& a = mesh(s, 0);
        TriangleMesh& b = mesh(s, 1);
        b.positions.insert(b.positions.begin(), a.positions.back());
        a.positions.pop_back();
    });
    EXPECT_NE(after, before);
}

TEST(SceneFingerprint, MovingAnIndexIntoTheNextMeshChangesIt) {
    const uint64_t before = sceneFingerprint(testScene());
    const uint64_t after = fingerprintAfter([](Scene& s) {
        TriangleMesh& a = mesh(s, 0);
        TriangleMesh& b = mesh(s, 1);
        b.indices.insert(b.indices.begin(), a.indices.back());
        a.indices.pop_back();
    });
    EXPECT_NE(after, before);
}

TEST(SceneFingerprint, MovingALightBetweenSetsChangesIt) {
    auto withSets = [](std::vector<int> first, std::vector<int> second) {
        return fingerprintAfter([&](Scene& s) {
            s.lightSets = {{"/a", std::move(first)}, {"/b", std::move(second)}};
        });
    };
    EXPECT_NE(withSets({0, 1}, {}), withSets({0}, {1}));
    EXPECT_NE(withSets({0}, {1}), withSets({}, {0, 1}));
}

// A float whose bit pattern is `bits`.
float fromBits(uint32_t bits) {
    return std::bit_cast<float>(bits);
}

TEST(SceneFingerprint, PositionsAndIndicesAreLengthPrefixedSeparately) {
    // Without a count before the positions, the 32-bit streams of these two meshes would
    // be identical: {3, 0, 9} | count 0 versus count 3 | {9, 0, 0}.
    auto withFloor = [](TriangleMesh floor) {
        return fingerprintAfter([&](Scene& s) { mesh(s, 0) = std::move(floor); });
    };
    TriangleMesh positionsOnly;
    positionsOnly.positions = {Vec3f(fromBits(3), fromBits(0), fromBits(9))};
    TriangleMesh indicesOnly;
    indicesOnly.indices = {9, 0, 0};
    EXPECT_NE(withFloor(positionsOnly), withFloor(indicesOnly));
}

TEST(SceneFingerprint, SceneVariableNamesCount) {
    const uint64_t frame = fingerprintAfter([](Scene& s) { s.vars.extra["frame"] = "2"; });
    const uint64_t fps = fingerprintAfter([](Scene& s) { s.vars.extra["fps"] = "2"; });
    EXPECT_NE(frame, fps);
}

TEST(SceneFingerprint, SceneVariableNameAndValueAreSeparated) {
    // The same characters split at another place between consecutive values.
    const uint64_t a = fingerprintAfter([](Scene& s) { s.vars.extra["scene_scale"] = "12"; });
    const uint64_t b = fingerprintAfter([](Scene& s) { s.vars.extra["scene_scale"] = "1"; });
    EXPECT_NE(a, b);
    const uint64_t c = fingerprintAfter([](Scene& s) {
        s.vars.extra["frame"] = "12";
        s.vars.extra["fps"] = "3";
    });
    const uint64_t d = fingerprintAfter([](Scene& s) {
        s.vars.extra["frame"] = "1";
        s.vars.extra["fps"] = "23";
    });
    EXPECT_NE(c, d);
}

TEST(SceneFingerprint, ASingleBitOfAnyCameraMatrixEntryChangesIt) {
    const uint64_t before = sceneFingerprint(testScene());
    std::set<uint64_t> values{before};
    for (int row = 0; row < 4; ++row) {
        for (int col = 0; col < 4; ++col) {
            const uint64_t after = fingerprintAfter([&](Scene& s) {
                float& v = s.camera.nodeXform[row][col];
                v = std::bit_cast<float>(std::bit_cast<uint32_t>(v) ^ 1u);
            });
            EXPECT_TRUE(values.insert(after).second) << "entry " << row << "," << col;
        }
    }
}

TEST(SceneFingerprint, OnlyPixelAffectingSceneVariablesAreFingerprinted) {
    for (const char* name : {"pixel_filter", "pixel_filter_width", "max_diffuse_depth",
                             "light_samples", "lights_visible_in_camera", "frame"}) {
        EXPECT_TRUE(fingerprintsSceneVariable(name)) << name;
    }
    for (const char* name : {"pixel_samples",
                             "sampling_mode",
                             "min_adaptive_samples",
                             "max_adaptive_samples",
                             "target_adaptive_error",
                             "checkpoint_active",
                             "checkpoint_interval",
                             "checkpoint_sample_cap",
                             "checkpoint_time_cap",
                             "checkpoint_mode",
                             "checkpoint_quality_steps",
                             "checkpoint_total_files",
                             "checkpoint_start_sample",
                             "checkpoint_post_script",
                             "resumable_output",
                             "resume_render",
                             "on_resume_script",
                             "threads",
                             "output_file",
                             "tmp_dir",
                             "stats_file",
                             "debug",
                             "info",
                             ""}) {
        EXPECT_FALSE(fingerprintsSceneVariable(name)) << name;
    }
}

}  // namespace
}  // namespace rt
