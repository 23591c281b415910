#pragma once
// Triangle meshes as plain data, in world space once a scene is built.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Math.h"

namespace rt {

struct TriangleMesh {
    std::vector<Vec3f> positions;
    std::vector<uint32_t> indices;  // three per triangle, counter-clockwise = front
    // The authored polygon (face) each triangle came from; empty: triangle i is face i.
    std::vector<uint32_t> triangleFace;
    // Surface parameters (MoonRay uv_list, OBJ vt) of each triangle's corners, three per
    // triangle in the order of `indices`; empty: the mesh has none.
    std::vector<Vec2f> uvs;

    size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }
};

// Fan-triangulates polygons given MoonRay-style `face_vertex_count` and
// `vertices_by_index`. Returns false with `error` set on inconsistent input.
[[nodiscard]] bool triangulatePolygons(const std::vector<int>& faceVertexCount,
                                       const std::vector<int>& verticesByIndex, size_t vertexCount,
                                       std::vector<uint32_t>& indices, std::string& error);

// The face-varying values (one per entry of vertices_by_index) of the triangles
// triangulatePolygons made from the same faces, three per triangle. The sizes must agree
// (triangulatePolygons checked them).
std::vector<Vec2f> triangulateFaceVarying(const std::vector<int>& faceVertexCount,
                                          const std::vector<Vec2f>& values);

// Swaps two corners of every triangle (and their uvs): front faces become back faces.
void flipWinding(TriangleMesh& mesh);

// An axis-aligned box centred at the origin with outward-facing triangles.
TriangleMesh makeBox(const Vec3f& size);

// Applies a transform to every position; flips the winding when the transform mirrors,
// so front faces stay front faces.
void transformMesh(TriangleMesh& mesh, const Mat4f& xform);

Box3f bounds(const TriangleMesh& mesh);

}  // namespace rt
