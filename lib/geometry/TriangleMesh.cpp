#include "geometry/TriangleMesh.h"

#include <limits>

#include "core/Transform.h"

namespace rt {

bool triangulatePolygons(const std::vector<int>& faceVertexCount,
                         const std::vector<int>& verticesByIndex, size_t vertexCount,
                         std::vector<uint32_t>& indices, std::string& error) {
    // Validate everything before writing so that a failure leaves `indices` untouched.
    size_t total = 0;
    size_t triangles = 0;
    for (size_t face = 0; face < faceVertexCount.size(); ++face) {
        const int count = faceVertexCount[face];
        if (count < 3) {
            error = "face " + std::to_string(face) + " has " + std::to_string(count) +
                    " vertices (a polygon needs at least 3)";
            return false;
        }
        total += static_cast<size_t>(count);
        triangles += static_cast<size_t>(count) - 2;
    }
    if (total != verticesByIndex.size()) {
        error = "face_vertex_count adds up to " + std::to_string(total) +
                " vertices but vertices_by_index has " + std::to_string(verticesByIndex.size()) +
                " entries";
        return false;
    }
    if (vertexCount > std::numeric_limits<uint32_t>::max()) {
        error = "too many vertices (" + std::to_string(vertexCount) + ")";
        return false;
    }
    for (size_t i = 0; i < verticesByIndex.size(); ++i) {
        const int v = verticesByIndex[i];
        if (v < 0 || static_cast<size_t>(v) >= vertexCount) {
            error = "vertices_by_index[" + std::to_string(i) + "] = " + std::to_string(v) +
                    " is out of range (the mesh has " + std::to_string(vertexCount) + " vertices)";
            return false;
        }
    }

    indices.reserve(indices.size() + 3 * triangles);
    size_t first = 0;
    for (const int count : faceVertexCount) {
        // Fan around the first corner: exact for convex polygons, which is what
        // MoonRay's polygon meshes and OBJ exporters produce in practice.
        for (int k = 1; k + 1 < count; ++k) {
            indices.push_back(static_cast<uint32_t>(verticesByIndex[first]));
            indices.push_back(static_cast<uint32_t>(verticesByIndex[first + k]));
            indices.push_back(static_cast<uint32_t>(verticesByIndex[first + k + 1]));
        }
        first += static_cast<size_t>(count);
    }
    return true;
}

TriangleMesh makeBox(const Vec3f& size) {
    const Vec3f h = size * 0.5f;
    TriangleMesh mesh;
    // Corner i has bit 0 -> +x, bit 1 -> +y, bit 2 -> +z.
    for (int i = 0; i < 8; ++i) {
        mesh.positions.emplace_back((i & 1) ? h.x : -h.x, (i & 2) ? h.y : -h.y,
                                    (i & 4) ? h.z : -h.z);
    }
    // Each face lists its corners counter-clockwise seen from outside.
    static const uint32_t kFaces[6][4] = {
        {1, 3, 7, 5},  // +x
        {0, 4, 6, 2},  // -x
        {2, 6, 7, 3},  // +y
        {0, 1, 5, 4},  // -y
        {4, 5, 7, 6},  // +z
        {0, 2, 3, 1},  // -z
    };
    // Six authored faces of two triangles each, as MoonRay's box: uniform primitive
    // attributes have one value per side, and wireframes draw no diagonals.
    for (uint32_t face = 0; face < 6; ++face) {
        const auto& f = kFaces[face];
        mesh.indices.insert(mesh.indices.end(), {f[0], f[1], f[2], f[0], f[2], f[3]});
        mesh.triangleFace.insert(mesh.triangleFace.end(), {face, face});
    }
    return mesh;
}

void transformMesh(TriangleMesh& mesh, const Mat4f& xform) {
    for (Vec3f& p : mesh.positions) p = transformPoint(xform, p);
    // A transform with a negative determinant mirrors space, which turns
    // counter-clockwise triangles clockwise; swap two corners to keep front faces.
    const float det = xform[0][0] * (xform[1][1] * xform[2][2] - xform[1][2] * xform[2][1]) -
                      xform[0][1] * (xform[1][0] * xform[2][2] - xform[1][2] * xform[2][0]) +
                      xform[0][2] * (xform[1][0] * xform[2][1] - xform[1][1] * xform[2][0]);
    if (det < 0.0f) flipWinding(mesh);
}

void flipWinding(TriangleMesh& mesh) {
    for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
        std::swap(mesh.indices[i + 1], mesh.indices[i + 2]);
        if (!mesh.uvs.empty()) std::swap(mesh.uvs[i + 1], mesh.uvs[i + 2]);
    }
}

std::vector<Vec2f> triangulateFaceVarying(const std::vector<int>& faceVertexCount,
                                          const std::vector<Vec2f>& values) {
    std::vector<Vec2f> out;
    size_t first = 0;
    for (const int count : faceVertexCount) {  // the fan of triangulatePolygons
        for (int k = 1; k + 1 < count; ++k) {
            out.push_back(values[first]);
            out.push_back(values[first + k]);
            out.push_back(values[first + k + 1]);
        }
        first += static_cast<size_t>(count);
    }
    return out;
}

Box3f bounds(const TriangleMesh& mesh) {
    Box3f box;
    for (const Vec3f& p : mesh.positions) box.extendBy(p);
    return box;
}

}  // namespace rt
