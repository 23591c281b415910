#include "geometry/ObjLoader.h"

#include <tiny_obj_loader.h>

#include <filesystem>
#include <system_error>

namespace rt {

bool loadObj(const std::string& path, TriangleMesh& mesh, std::string& error) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        error = "cannot open OBJ file '" + path + "': no such file";
        return false;
    }

    tinyobj::ObjReaderConfig config;
    // We triangulate ourselves so that OBJ faces and RdlMeshGeometry polygons get the
    // same fan and the same validation.
    config.triangulate = false;
    config.vertex_color = false;
    tinyobj::ObjReader reader;
    if (!reader.ParseFromFile(path, config)) {
        error = "cannot read OBJ file '" + path + "': " + reader.Error();
        while (!error.empty() && (error.back() == '\n' || error.back() == '\r')) error.pop_back();
        return false;
    }

    const tinyobj::attrib_t& attrib = reader.GetAttrib();
    const size_t vertexCount = attrib.vertices.size() / 3;
    TriangleMesh result;
    result.positions.reserve(vertexCount);
    for (size_t i = 0; i < vertexCount; ++i) {
        result.positions.emplace_back(static_cast<float>(attrib.vertices[3 * i]),
                                      static_cast<float>(attrib.vertices[3 * i + 1]),
                                      static_cast<float>(attrib.vertices[3 * i + 2]));
    }

    std::vector<int> faceVertexCount;
    std::vector<int> verticesByIndex;
    std::vector<Vec2f> uvs;  // face-varying `vt`, kept when every corner has one
    bool everyCornerHasUv = true;
    const size_t uvCount = attrib.texcoords.size() / 2;
    for (const tinyobj::shape_t& shape : reader.GetShapes()) {
        const auto& faces = shape.mesh.num_face_vertices;
        faceVertexCount.insert(faceVertexCount.end(), faces.begin(), faces.end());
        for (const tinyobj::index_t& index : shape.mesh.indices) {
            verticesByIndex.push_back(index.vertex_index);
            const bool has =
                index.texcoord_index >= 0 && static_cast<size_t>(index.texcoord_index) < uvCount;
            everyCornerHasUv = everyCornerHasUv && has;
            if (has) {
                const size_t t = 2 * static_cast<size_t>(index.texcoord_index);
                uvs.emplace_back(static_cast<float>(attrib.texcoords[t]),
                                 static_cast<float>(attrib.texcoords[t + 1]));
            }
        }
    }
    std::string why;
    if (!triangulatePolygons(faceVertexCount, verticesByIndex, vertexCount, result.indices, why)) {
        error = "bad OBJ file '" + path + "': " + why;
        return false;
    }
    if (result.empty()) {
        error = "OBJ file '" + path + "' has no faces";
        return false;
    }
    if (everyCornerHasUv) result.uvs = triangulateFaceVarying(faceVertexCount, uvs);
    mesh = std::move(result);
    return true;
}

}  // namespace rt
