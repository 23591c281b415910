// Each kind of bad input ends as a SceneError that starts with "file:line: ".
#include <algorithm>

#include "SceneTestUtil.h"

namespace rt {
namespace {

using test::kMinimalScene;
using test::loadFiles;
using test::loadMinimalPlus;
using test::SceneDir;
using test::sceneErrorOf;
using test::sceneErrorOfMinimalPlus;

// Loads `text` as scene.rdla; returns the error message.
std::string errorFor(const SceneDir& dir, const std::string& text) {
    return sceneErrorOf({dir.write("scene.rdla", text)});
}

TEST(SceneErrors, SyntaxError) {
    SceneDir dir;
    const std::string error =
        errorFor(dir, "PerspectiveCamera(\"/cam\") {}\n\nBoxGeometry(\"/b\") {\n  size = \n}\n");
    EXPECT_CONTAINS(error, "scene.rdla:5: syntax error:");
    EXPECT_EQ(error.rfind(dir.path("scene.rdla") + ":5: ", 0), 0u) << error;
}

TEST(SceneErrors, UnknownClass) {
    SceneDir dir;
    const std::string error =
        errorFor(dir, "PerspectiveCamera(\"/cam\") {}\nSphere(\"/ball\") { radius = 1 }\n");
    EXPECT_CONTAINS(error, "scene.rdla:2: unknown class 'Sphere'");
    EXPECT_CONTAINS(error, "SphereGeometry");  // the suggestion
}

TEST(SceneErrors, WrongAttributeTypes) {
    SceneDir dir;
    std::string error =
        errorFor(dir, "\n\nSphereGeometry(\"/ball\") {\n    radius = \"big\",\n}\n");
    EXPECT_CONTAINS(error, "scene.rdla:3: attribute 'radius' of SphereGeometry '/ball'");
    EXPECT_CONTAINS(error, "expected a number, got string \"big\"");

    error = errorFor(dir, "DwaBaseMaterial(\"/m\") { diffuse_color = 3 }\n");
    EXPECT_CONTAINS(error, "scene.rdla:1: attribute 'diffuse_color' of DwaBaseMaterial '/m'");
    EXPECT_CONTAINS(error, "expected an Rgb(r, g, b), got number 3");

    error = errorFor(dir, "SceneVariables { image_width = 10.5 }\n");
    EXPECT_CONTAINS(error, "scene.rdla:1: scene variable 'image_width': expected an integer");

    error = errorFor(dir, "SceneVariables { camera = BoxGeometry(\"/b\") }\n");
    EXPECT_CONTAINS(error, "expected a Camera object or its name, got BoxGeometry '/b'");

    error = errorFor(dir, "RenderOutput(\"/o\") { result = \"beuty\" }\n");
    EXPECT_CONTAINS(error, "scene.rdla:1: attribute 'result'");
    EXPECT_CONTAINS(error, "\"beauty\" (0)");

    error = errorFor(dir, "RdlMeshGeometry(\"/m\") { vertex_list = { Vec3(0, 0, 0), 5 } }\n");
    EXPECT_CONTAINS(error, "expected a list of Vec3, got number 5 at position 2");

    error = errorFor(dir, "LightSet(\"/s\") { BoxGeometry(\"/b\") }\n");
    EXPECT_CONTAINS(error, "scene.rdla:1: LightSet '/s' entry 1: expected a Light object");

    error = errorFor(dir, "\nLayer(\"/l\") { {DwaBaseMaterial(\"/m\")} }\n");
    EXPECT_CONTAINS(error, "scene.rdla:2: Layer '/l' entry 1 (geometry): expected a Geometry");

    error = errorFor(dir, "BoxGeometry(\"/x\") {}\nSphereGeometry(\"/x\") {}\n");
    EXPECT_CONTAINS(error, "scene.rdla:2: cannot create SphereGeometry '/x'");
    EXPECT_CONTAINS(error, "already used by BoxGeometry '/x'");

    error = errorFor(dir, "BoxGeometry(42)\n");
    EXPECT_CONTAINS(error, "scene.rdla:1: BoxGeometry expects an object name");
}

TEST(SceneErrors, ErrorsInsideLuaFunctionsPointAtTheFailingLine) {
    SceneDir dir;
    const std::string error = errorFor(dir, R"(local function ball(name, r)
    return SphereGeometry(name) { radius = r }
end
ball("/a", 1)
ball("/b", "big")
)");
    EXPECT_CONTAINS(error, "scene.rdla:2: attribute 'radius' of SphereGeometry '/b'");
}

TEST(SceneErrors, RuntimeErrorsKeepTheirLine) {
    SceneDir dir;
    EXPECT_CONTAINS(errorFor(dir, "\n\nerror(\"custom failure\")\n"),
                    "scene.rdla:3: custom failure");
    EXPECT_CONTAINS(errorFor(dir, "local t = nil\nlocal x = t.field\n"), "scene.rdla:2: ");
}

TEST(SceneErrors, MissingReferencedFiles) {
    SceneDir dir;
    std::string error = errorFor(dir, std::string(kMinimalScene) +
                                          "ObjGeometry(\"/o\") {\n  model = \"nope.obj\" }\n"
                                          "Layer(\"/layer\") { {ObjGeometry(\"/o\"), \"\", "
                                          "DwaBaseMaterial(\"/mtl\")} }\n");
    EXPECT_CONTAINS(error, "scene.rdla:5: ObjGeometry '/o': cannot open OBJ file");
    EXPECT_CONTAINS(error, dir.path("nope.obj"));

    error = errorFor(
        dir, std::string(kMinimalScene) + "\nEnvLight(\"/sky\") { texture = \"sky.exr\" }\n");
    EXPECT_CONTAINS(error, "scene.rdla:6: EnvLight '/sky': cannot read texture");
    EXPECT_CONTAINS(error, "sky.exr");

    dir.write("garbage.exr", "this is not an image");
    error = errorFor(
        dir, std::string(kMinimalScene) + "EnvLight(\"/sky\") { texture = \"garbage.exr\" }\n");
    EXPECT_CONTAINS(error, "scene.rdla:5: EnvLight '/sky': cannot read texture");

    error = sceneErrorOf({dir.path("no_such_scene.rdla")});
    EXPECT_CONTAINS(error, "no_such_scene.rdla: cannot open scene file");
}

TEST(SceneErrors, IncompleteScenes) {
    SceneDir dir;
    EXPECT_CONTAINS(errorFor(dir, "BoxGeometry(\"/b\") {}\n"),
                    "scene.rdla: the scene has no camera");
    EXPECT_CONTAINS(errorFor(dir, "PerspectiveCamera(\"/c\") {}\n"),
                    "scene.rdla: the scene has no layer");
    EXPECT_CONTAINS(errorFor(dir, "PerspectiveCamera(\"/c\") {}\n\nLayer(\"/l\") {}\n"),
                    "scene.rdla:3: Layer '/l' has no geometry");
    EXPECT_CONTAINS(
        errorFor(dir, std::string(kMinimalScene) + "SceneVariables { camera = \"/nope\" }\n"),
        "scene.rdla:5: no camera named '/nope'");
}

TEST(SceneErrors, BadValues) {
    SceneDir dir;
    EXPECT_CONTAINS(errorFor(dir, std::string(kMinimalScene) +
                                      "RdlMeshGeometry(\"/m\") { vertex_list = {Vec3(0,0,0)},"
                                      " vertices_by_index = {0, 1, 2}, face_vertex_count = {3} }\n"
                                      "Layer(\"/layer\") { {RdlMeshGeometry(\"/m\"), \"\", "
                                      "DwaBaseMaterial(\"/mtl\")} }\n"),
                    "scene.rdla:5: RdlMeshGeometry '/m': vertices_by_index[1] = 1 is out of range");
    EXPECT_CONTAINS(
        errorFor(dir, std::string(kMinimalScene) + "SceneVariables { image_width = 0 }\n"),
        "scene.rdla:5: image_width must be between 1");
    EXPECT_CONTAINS(
        errorFor(dir, std::string(kMinimalScene) + "RectLight(\"/l\") { width = -1 }\n"),
        "scene.rdla:5: RectLight '/l': width must be in (0, inf]");
}

TEST(SceneErrors, UnknownAttributeIsAWarningWithItsLine) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"(
SphereGeometry("/ball") {
    raduis = 2,
}
SceneVariables { pixel_sample = 4 }
)");
    const int warnings = log::warningCount();
    ::testing::internal::CaptureStderr();
    const Scene scene = loadFiles({file});
    const std::string stderrText = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(log::warningCount(), warnings + 2);
    EXPECT_CONTAINS(stderrText,
                    "scene.rdla:6: unknown attribute 'raduis' on SphereGeometry '/ball' (did you "
                    "mean 'radius'?)");
    EXPECT_CONTAINS(stderrText, "scene.rdla:9: unknown scene variable 'pixel_sample'");
    // An unknown scene variable is still kept, so that newer features can read it.
    EXPECT_EQ(scene.vars.extra.at("pixel_sample"), "4");
}

// A sphere under a non-uniform scale or a shear would be an ellipsoid, which it cannot
// draw: an error at node_xform's line rather than a round sphere in the picture.
TEST(SceneErrors, ASphereMustBeScaledUniformly) {
    const std::string egg =
        "Layer(\"/layer\") { {SphereGeometry(\"/egg\"), \"\", DwaBaseMaterial(\"/mtl\")} }\n";
    EXPECT_CONTAINS(sceneErrorOfMinimalPlus("SphereGeometry(\"/egg\") {\n"
                                            "    node_xform = scale(1, 2, 1) }\n" +
                                            egg),
                    "scene.rdla:5: SphereGeometry '/egg': node_xform must be a rotation, uniform "
                    "scale and translation");
    // A shear: x maps to (1, 0.5, 0), lengths unequal and axes not at right angles.
    const std::string shear = sceneErrorOfMinimalPlus(
        "SphereGeometry(\"/egg\") { node_xform = Mat4(1, 0.5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, "
        "0, 0, 0, 1) }\n" +
        egg);
    EXPECT_CONTAINS(shear, "scene.rdla:5:");
    EXPECT_CONTAINS(shear, "uniform scale");

    const Scene scene = loadMinimalPlus(
        "SphereGeometry(\"/ball\") { radius = 0.5,\n"
        "    node_xform = scale(3, 3, 3) * rotate(30, 0, 1, 0) * translate(1, 2, 3) }\n"
        "Layer(\"/layer\") { {SphereGeometry(\"/ball\"), \"\", DwaBaseMaterial(\"/mtl\")} }\n");
    const auto ball = std::find_if(scene.geometries.begin(), scene.geometries.end(),
                                   [](const Geometry& g) { return g.name == "/ball"; });
    ASSERT_NE(ball, scene.geometries.end());
    const Sphere& sphere = std::get<Sphere>(ball->shape);
    EXPECT_NEAR(sphere.radius, 1.5f, 1e-5f);
    test::expectNear(sphere.center, Vec3f(1, 2, 3));
}

}  // namespace
}  // namespace rt
