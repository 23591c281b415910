// Values, transforms and geometry parse to the right model values.
#include "SceneTestUtil.h"
#include "core/Transform.h"

namespace rt {
namespace {

using test::kMinimalScene;
using test::loadFiles;
using test::SceneDir;

using test::expectNear;
using test::kEps;

const TriangleMesh& meshOf(const Scene& scene, size_t i) {
    return std::get<TriangleMesh>(scene.geometries.at(i).shape);
}

TEST(SceneValues, CameraAttributesAndTransform) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {
    ["node_xform"] = rotate(180, 0, 1, 0) * translate(1, 2, 3),
    ["focal"] = 35, ["film_width_aperture"] = 25, near = 0.5, far = 500,
}
DwaBaseMaterial("/mtl") {}
BoxGeometry("/box") {}
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")} }
)");
    const Scene scene = loadFiles({file});
    EXPECT_FLOAT_EQ(scene.camera.focal, 35.0f);
    EXPECT_FLOAT_EQ(scene.camera.filmWidthAperture, 25.0f);
    EXPECT_FLOAT_EQ(scene.camera.nearClip, 0.5f);
    EXPECT_FLOAT_EQ(scene.camera.farClip, 500.0f);
    expectNear(transformPoint(scene.camera.nodeXform, Vec3f(0.0f)), Vec3f(1, 2, 3));
    // The camera looks down its local -z: after the 180 degree turn, world +z.
    expectNear(transformVector(scene.camera.nodeXform, Vec3f(0, 0, -1)), Vec3f(0, 0, 1));
    EXPECT_EQ(scene.vars.camera, "/cam");
    EXPECT_EQ(scene.vars.layer, "/layer");
}

TEST(SceneValues, ValueTypesAndMatrixConventionsInLua) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", std::string(kMinimalScene) + R"lua(
local m = Mat4(1,0,0,0, 0,1,0,0, 0,0,1,0, 5,6,7,1)
assert(m == translate(5, 6, 7), "row-major Mat4 with translation in the last row")
assert(Mat4() == scale(1), "Mat4() is the identity")
local p = Vec3(1, 0, 0) * rotate(90, 0, 0, 1)
assert(math.abs(p.x) < 1e-9 and math.abs(p.y - 1) < 1e-9, "right-handed rotation")
local q = Vec3(1, 0, 0) * (scale(2) * translate(1, 0, 0))
assert(q.x == 3, "a * b applies a first")
local c = Rgb(0.1, 0.2, 0.3)
assert(c.r == 0.1 and c.g == 0.2 and c.b == 0.3 and c[3] == 0.3)
assert(Vec2(1, 2).y == 2 and Rgba(1, 2, 3, 4).a == 4)
assert((Vec3(1, 2, 3) + Vec3(1, 1, 1)) == Vec3(2, 3, 4) and -Vec3(1, 0, 0) == Vec3(-1, 0, 0))
assert(tostring(Vec3(1, 2, 3)) == "Vec3(1, 2, 3)")
assert(tostring(BoxGeometry("/box")) == 'BoxGeometry("/box")')
assert(BoxGeometry("/box") == BoxGeometry("/box"))
)lua");
    EXPECT_NO_THROW(loadFiles({file}));
}

TEST(SceneValues, MeshIsTriangulatedInWorldSpace) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
RdlMeshGeometry("/quad") {
    ["vertex_list"] = { Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(1, 1, 0), Vec3(0, 1, 0) },
    ["vertices_by_index"] = { 0, 1, 2, 3 },
    ["face_vertex_count"] = { 4 },
    ["node_xform"] = scale(2) * translate(10, 0, 0),
    ["uv_list"] = { Vec2(0, 0), Vec2(1, 0), Vec2(1, 1), Vec2(0, 1) },  -- face-varying
}
RdlMeshGeometry("/flat") {  -- a flat position list, no face_vertex_count: triangles
    ["vertex_list"] = { 0, 0, 0,  1, 0, 0,  0, 1, 0 },
    ["vertices_by_index"] = { 0, 1, 2 },
    ["node_xform"] = scale(-1, 1, 1),  -- a mirror keeps the front face
}
Layer("/layer") {
    {RdlMeshGeometry("/quad"), "", DwaBaseMaterial("/mtl")},
    {RdlMeshGeometry("/flat"), "", DwaBaseMaterial("/mtl")},
}
)");
    const int warnings = log::warningCount();
    const Scene scene = loadFiles({file});
    EXPECT_EQ(log::warningCount(), warnings);
    ASSERT_EQ(scene.geometries.size(), 2u);
    const TriangleMesh& quad = meshOf(scene, 0);
    EXPECT_EQ(scene.geometries[0].name, "/quad");
    ASSERT_EQ(quad.triangleCount(), 2u);
    expectNear(quad.positions[2], Vec3f(12, 2, 0));
    EXPECT_EQ(quad.indices, (std::vector<uint32_t>{0, 1, 2, 0, 2, 3}));
    const TriangleMesh& flat = meshOf(scene, 1);
    ASSERT_EQ(flat.triangleCount(), 1u);
    expectNear(flat.positions[1], Vec3f(-1, 0, 0));
    const Vec3f n = cross(flat.positions[flat.indices[1]] - flat.positions[flat.indices[0]],
                          flat.positions[flat.indices[2]] - flat.positions[flat.indices[0]]);
    EXPECT_GT(n.z, 0.0f);  // still facing +z after the mirror
}

TEST(SceneValues, BoxHasTwelveOutwardTriangles) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
BoxGeometry("/box") { ["size"] = Vec3(2, 4, 6), ["node_xform"] = translate(0, 10, 0) }
BoxGeometry("/inside") { ["reverse_normals"] = true }
Layer("/layer") {
    {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")},
    {BoxGeometry("/inside"), "", DwaBaseMaterial("/mtl")},
}
)");
    const Scene scene = loadFiles({file});
    const TriangleMesh& box = meshOf(scene, 0);
    ASSERT_EQ(box.triangleCount(), 12u);
    const Box3f b = bounds(box);
    expectNear(b.min, Vec3f(-1, 8, -3));
    expectNear(b.max, Vec3f(1, 12, 3));
    const TriangleMesh& inside = meshOf(scene, 1);
    for (size_t t = 0; t < 12; ++t) {
        auto normalDotOut = [t](const TriangleMesh& m, const Vec3f& center) {
            const Vec3f& a = m.positions[m.indices[3 * t]];
            const Vec3f& b = m.positions[m.indices[3 * t + 1]];
            const Vec3f& c = m.positions[m.indices[3 * t + 2]];
            return dot(cross(b - a, c - a), (a + b + c) / 3.0f - center);
        };
        EXPECT_GT(normalDotOut(box, Vec3f(0, 10, 0)), 0.0f);
        EXPECT_LT(normalDotOut(inside, Vec3f(0.0f)), 0.0f);
    }
}

TEST(SceneValues, SphereRadiusFollowsTheScale) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
SphereGeometry("/a") { ["radius"] = 1.5, ["node_xform"] = scale(2) * translate(1, 2, 3) }
Layer("/layer") { {SphereGeometry("/a"), "", DwaBaseMaterial("/mtl")} }
)");
    // A non-uniform scale is an error: SceneErrors.ASphereMustBeScaledUniformly.
    const Scene scene = loadFiles({file});
    const Sphere& a = std::get<Sphere>(scene.geometries[0].shape);
    EXPECT_FLOAT_EQ(a.radius, 3.0f);
    expectNear(a.center, Vec3f(1, 2, 3));
}

TEST(SceneValues, MaterialFields) {
    SceneDir dir;
    const std::string file = dir.write("scene.rdla", R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {
    diffuse_color = Rgb(0.1, 0.2, 0.3), metallic = 0.25, specular = 0.5,
    roughness = 0.75, transmission = 1, refractive_index = 1.33,
}
BoxGeometry("/box") {}
Layer("/layer") { {BoxGeometry("/box"), "", DwaBaseMaterial("/mtl")} }
)");
    const Scene scene = loadFiles({file});
    ASSERT_EQ(scene.materials.size(), 1u);
    const Material& m = scene.materials[0];
    EXPECT_EQ(m.name, "/mtl");
    EXPECT_FLOAT_EQ(m.diffuseColor.y, 0.2f);
    EXPECT_FLOAT_EQ(m.metallic, 0.25f);
    EXPECT_FLOAT_EQ(m.specular, 0.5f);
    EXPECT_FLOAT_EQ(m.roughness, 0.75f);
    EXPECT_FLOAT_EQ(m.transmission, 1.0f);
    EXPECT_FLOAT_EQ(m.refractiveIndex, 1.33f);
    EXPECT_EQ(scene.layer[0].material, 0);
}

TEST(SceneValues, ObjModelIsResolvedRelativeToTheSceneFile) {
    SceneDir dir;
    dir.write("scenes/models/tri.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    const std::string file = dir.write("scenes/scene.rdla", R"(
PerspectiveCamera("/cam") {}
DwaBaseMaterial("/mtl") {}
ObjGeometry("/tri") { model = "models/tri.obj", node_xform = translate(0, 0, 5) }
Layer("/layer") { {ObjGeometry("/tri"), "", DwaBaseMaterial("/mtl")} }
)");
    const Scene scene = loadFiles({file});
    const TriangleMesh& mesh = meshOf(scene, 0);
    ASSERT_EQ(mesh.triangleCount(), 1u);
    expectNear(mesh.positions[1], Vec3f(1, 0, 5));
}

}  // namespace
}  // namespace rt
