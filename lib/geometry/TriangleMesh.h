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

    size_t triangleCount() const { return indices.size() / 3; }
    bool empty() const { return indices.empty(); }
};

// Fan-triangulates polygons given MoonRay-style `face_vertex_count` and
// `vertices_by_index`. Returns false with `error` set on inconsistent input.
[[nodiscard]] bool triangulatePolygons(const std::vector<int>& faceVertexCount,
                                       const std::vector<int>& verticesByIndex, size_t vertexCount,
                                       std::vector<uint32_t>& indices, std::string& error);

// An axis-aligned box centred at the origin with outward-facing triangles.
TriangleMesh makeBox(const Vec3f& size);

// Applies a transform to every position; flips the winding when the transform mirrors,
// so front faces stay front faces.
void transformMesh(TriangleMesh& mesh, const Mat4f& xform);

Box3f bounds(const TriangleMesh& mesh);

}  // namespace rt
