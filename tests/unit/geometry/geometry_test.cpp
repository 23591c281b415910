#include <gtest/gtest.h>

#include "core/Transform.h"
#include "geometry/ObjLoader.h"
#include "geometry/TriangleMesh.h"

namespace rt {
namespace {

Vec3f triangleNormal(const TriangleMesh& mesh, size_t t) {
    const Vec3f& a = mesh.positions[mesh.indices[3 * t]];
    const Vec3f& b = mesh.positions[mesh.indices[3 * t + 1]];
    const Vec3f& c = mesh.positions[mesh.indices[3 * t + 2]];
    return cross(b - a, c - a);
}

Vec3f triangleCentroid(const TriangleMesh& mesh, size_t t) {
    return (mesh.positions[mesh.indices[3 * t]] + mesh.positions[mesh.indices[3 * t + 1]] +
            mesh.positions[mesh.indices[3 * t + 2]]) /
           3.0f;
}

TEST(Triangulate, FansPolygonsInOrder) {
    std::vector<uint32_t> indices;
    std::string error;
    ASSERT_TRUE(
        triangulatePolygons({3, 4, 5}, {0, 1, 2, 0, 2, 3, 4, 0, 1, 2, 3, 4}, 5, indices, error))
        << error;
    const std::vector<uint32_t> expected = {0, 1, 2,                     // triangle
                                            0, 2, 3, 0, 3, 4,            // quad
                                            0, 1, 2, 0, 2, 3, 0, 3, 4};  // pentagon
    EXPECT_EQ(indices, expected);
}

TEST(Triangulate, RejectsDegenerateFaces) {
    std::vector<uint32_t> indices;
    std::string error;
    EXPECT_FALSE(triangulatePolygons({3, 2}, {0, 1, 2, 0, 1}, 3, indices, error));
    EXPECT_NE(error.find("face 1 has 2 vertices"), std::string::npos) << error;
    EXPECT_TRUE(indices.empty());
}

TEST(Triangulate, RejectsCountMismatch) {
    std::vector<uint32_t> indices;
    std::string error;
    EXPECT_FALSE(triangulatePolygons({4}, {0, 1, 2}, 4, indices, error));
    EXPECT_NE(error.find("adds up to 4"), std::string::npos) << error;
}

TEST(Triangulate, RejectsIndexOutOfRange) {
    std::vector<uint32_t> indices;
    std::string error;
    EXPECT_FALSE(triangulatePolygons({3}, {0, 1, 3}, 3, indices, error));
    EXPECT_NE(error.find("vertices_by_index[2] = 3"), std::string::npos) << error;
    EXPECT_FALSE(triangulatePolygons({3}, {0, -1, 2}, 3, indices, error));
    EXPECT_NE(error.find("= -1"), std::string::npos) << error;
}

TEST(Box, HasTwelveOutwardTrianglesOfTheRightSize) {
    const TriangleMesh box = makeBox(Vec3f(2.0f, 4.0f, 6.0f));
    ASSERT_EQ(box.triangleCount(), 12u);
    for (size_t t = 0; t < box.triangleCount(); ++t) {
        EXPECT_GT(dot(triangleNormal(box, t), triangleCentroid(box, t)), 0.0f) << "triangle " << t;
    }
    const Box3f b = bounds(box);
    EXPECT_EQ(b.min, Vec3f(-1.0f, -2.0f, -3.0f));
    EXPECT_EQ(b.max, Vec3f(1.0f, 2.0f, 3.0f));
}

TEST(Box, FacesCoverEveryAxisDirectionTwice) {
    const TriangleMesh box = makeBox(Vec3f(1.0f));
    int perAxis[6] = {};
    for (size_t t = 0; t < box.triangleCount(); ++t) {
        const Vec3f n = normalize(triangleNormal(box, t));
        for (int axis = 0; axis < 3; ++axis) {
            if (n[axis] > 0.99f) ++perAxis[2 * axis];
            if (n[axis] < -0.99f) ++perAxis[2 * axis + 1];
        }
    }
    for (int count : perAxis) EXPECT_EQ(count, 2);
}

TEST(TransformMesh, MovesPositionsAndKeepsWindingForRotations) {
    TriangleMesh box = makeBox(Vec3f(1.0f));
    transformMesh(box, rotateMatrix(30.0f, Vec3f(1, 1, 0)) * translateMatrix(Vec3f(5, 0, 0)));
    const Vec3f center(5, 0, 0);
    for (size_t t = 0; t < box.triangleCount(); ++t) {
        EXPECT_GT(dot(triangleNormal(box, t), triangleCentroid(box, t) - center), 0.0f);
    }
}

TEST(TransformMesh, MirrorFlipsWindingSoFrontFacesStayOutside) {
    TriangleMesh box = makeBox(Vec3f(1.0f));
    const std::vector<uint32_t> before = box.indices;
    transformMesh(box, scaleMatrix(Vec3f(-1.0f, 1.0f, 1.0f)));
    EXPECT_NE(box.indices, before);
    for (size_t t = 0; t < box.triangleCount(); ++t) {
        EXPECT_GT(dot(triangleNormal(box, t), triangleCentroid(box, t)), 0.0f) << "triangle " << t;
    }
}

TEST(TransformMesh, TwoMirrorsKeepTheWinding) {
    TriangleMesh box = makeBox(Vec3f(1.0f));
    const std::vector<uint32_t> before = box.indices;
    transformMesh(box, scaleMatrix(Vec3f(-1.0f, -1.0f, 1.0f)));
    EXPECT_EQ(box.indices, before);
}

const std::string kData = std::string(RT_SOURCE_DIR) + "/tests/data/";

TEST(ObjLoader, LoadsAllShapesAndTriangulates) {
    TriangleMesh mesh;
    std::string error;
    ASSERT_TRUE(loadObj(kData + "quad_and_triangle.obj", mesh, error)) << error;
    EXPECT_EQ(mesh.positions.size(), 7u);
    ASSERT_EQ(mesh.triangleCount(), 3u);
    // The quad faces +z (counter-clockwise in the xy-plane), the triangle too.
    for (size_t t = 0; t < 3; ++t) EXPECT_GT(triangleNormal(mesh, t).z, 0.0f);
    // Relative indices of the triangle resolve to the last three vertices.
    EXPECT_EQ(mesh.indices[6], 4u);
    EXPECT_EQ(mesh.indices[7], 5u);
    EXPECT_EQ(mesh.indices[8], 6u);
    EXPECT_EQ(mesh.positions[4], Vec3f(0, 0, 1));
}

TEST(ObjLoader, MissingFileIsAnErrorNamingTheFile) {
    TriangleMesh mesh;
    std::string error;
    EXPECT_FALSE(loadObj(kData + "does_not_exist.obj", mesh, error));
    EXPECT_NE(error.find("does_not_exist.obj"), std::string::npos) << error;
    EXPECT_TRUE(mesh.empty());
}

TEST(ObjLoader, BadIndexIsAnError) {
    TriangleMesh mesh;
    std::string error;
    EXPECT_FALSE(loadObj(kData + "bad_index.obj", mesh, error));
    EXPECT_NE(error.find("bad_index.obj"), std::string::npos) << error;
}

}  // namespace
}  // namespace rt
