// The frame a scene animates with: the Lua global `frame` and the scene variable `frame`
// (doc/SCENES.md, "Animation").
#include "SceneTestUtil.h"
#include "core/Error.h"
#include "scene/SceneFingerprint.h"

namespace rt {
namespace {

using test::kMinimalScene;
using test::loadFiles;
using test::SceneDir;

// A ball that moves with the frame; the file also checks the global's Lua type.
constexpr const char* kAnimated = R"(
SphereGeometry("/ball") { radius = 1, node_xform = translate(frame * 0.5, 0, 0) }
Layer("/layer") { {SphereGeometry("/ball"), "", DwaBaseMaterial("/mtl")} }
frame_type = math.type(frame)
assert(frame_type == expected_type, "frame is a " .. tostring(frame_type))
)";

// Loads the animated scene (plus `extra` lines) expecting `frame` to be a Lua `type`.
Scene loadShot(const std::string& type, std::vector<std::pair<std::string, std::string>> vars,
               const std::string& extra = "") {
    SceneDir dir;
    const std::string types = dir.write("types.rdla", "expected_type = '" + type + "'\n");
    const std::string shot = dir.write("shot.rdla", std::string(kMinimalScene) + kAnimated + extra);
    return loadFiles({types, shot}, std::move(vars));
}

float ballX(const Scene& scene) {
    for (const Geometry& g : scene.geometries) {
        if (g.name == "/ball") return std::get<Sphere>(g.shape).center.x;
    }
    ADD_FAILURE() << "no /ball";
    return -1.0f;
}

TEST(SceneFrame, WithoutAFrameTheGlobalIsTheIntegerZero) {
    const Scene scene = loadShot("integer", {});
    EXPECT_FLOAT_EQ(ballX(scene), 0.0f);
    EXPECT_FLOAT_EQ(scene.vars.extraFloat("frame", -1.0f), -1.0f) << "not set: the default";
}

TEST(SceneFrame, SceneVarFrameSetsTheGlobalBeforeTheFilesRun) {
    const Scene scene = loadShot("integer", {{"frame", "12"}});
    EXPECT_FLOAT_EQ(ballX(scene), 6.0f);
    EXPECT_FLOAT_EQ(scene.vars.extraFloat("frame", -1.0f), 12.0f);
}

TEST(SceneFrame, AFractionalFrameIsALuaFloat) {
    const Scene scene = loadShot("float", {{"frame", "2.5"}});
    EXPECT_FLOAT_EQ(ballX(scene), 1.25f);
}

TEST(SceneFrame, TheCommandLineFrameWinsOverTheFile) {
    const Scene scene = loadShot("integer", {{"frame", "3"}}, "SceneVariables { frame = 99 }\n");
    EXPECT_FLOAT_EQ(scene.vars.extraFloat("frame", -1.0f), 3.0f);
    EXPECT_FLOAT_EQ(ballX(scene), 1.5f);
}

TEST(SceneFrame, ABadFrameIsAUsageErrorNamingIt) {
    SceneDir dir;
    const std::string shot = dir.write("shot.rdla", kMinimalScene);
    try {
        loadFiles({shot}, {{"frame", "twelve"}});
        FAIL() << "no error";
    } catch (const UsageError& e) {
        EXPECT_CONTAINS(std::string(e.what()), "-scene_var frame");
    }
}

TEST(SceneFrame, TheFingerprintTellsFramesApart) {
    const uint64_t three = sceneFingerprint(loadShot("integer", {{"frame", "3"}}));
    EXPECT_NE(three, sceneFingerprint(loadShot("integer", {{"frame", "4"}})));
    EXPECT_EQ(three, sceneFingerprint(loadShot("integer", {{"frame", "3.0"}})));

    SceneDir dir;

    // A still scene that does not use the global still tells its frames apart: a
    // checkpoint of frame 3 never resumes frame 4.
    const std::string still = dir.write("still.rdla", std::string(kMinimalScene) + R"(
SphereGeometry("/ball") { radius = 1 }
Layer("/layer") { {SphereGeometry("/ball"), "", DwaBaseMaterial("/mtl")} }
)");
    EXPECT_NE(sceneFingerprint(loadFiles({still}, {{"frame", "3"}})),
              sceneFingerprint(loadFiles({still}, {{"frame", "4"}})));
}

}  // namespace
}  // namespace rt
