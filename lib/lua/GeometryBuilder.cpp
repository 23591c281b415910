// Geometry objects -> world-space TriangleMesh / Sphere.
#include <cmath>
#include <cstdint>

#include "core/Transform.h"
#include "geometry/ObjLoader.h"
#include "lua/Builders.h"

namespace rt {
namespace {

std::vector<int> toIntVector(const RdlObject& obj, const std::string& name) {
    std::vector<int> out;
    if (const Attribute* a = obj.find(name)) {
        for (int64_t v : std::get<std::vector<int64_t>>(a->value)) {
            if (v < INT32_MIN || v > INT32_MAX) {
                failAt(*a, name,
                       name + " of " + obj.describe() + " has the value " + std::to_string(v) +
                           ", out of range");
            }
            out.push_back(static_cast<int>(v));
        }
    }
    return out;
}

TriangleMesh buildMesh(const RdlObject& obj) {
    const Attribute* vertices = obj.find("vertex_list_0");
    if (!vertices) vertices = obj.find("vertex_list");
    if (!vertices || std::get<std::vector<Vec3f>>(vertices->value).empty()) {
        throw SceneError(obj.where, obj.describe() + " has no vertex_list");
    }
    TriangleMesh mesh;
    mesh.positions = std::get<std::vector<Vec3f>>(vertices->value);
    std::vector<int> counts = toIntVector(obj, "face_vertex_count");
    std::vector<int> indices = toIntVector(obj, "vertices_by_index");
    if (counts.empty() && !indices.empty() && indices.size() % 3 == 0) {
        counts.assign(indices.size() / 3, 3);  // no face_vertex_count: a triangle list
    }
    std::string error;
    if (!triangulatePolygons(counts, indices, mesh.positions.size(), mesh.indices, error)) {
        throw SceneError(obj.where, obj.describe() + ": " + error);
    }
    if (mesh.empty()) throw SceneError(obj.where, obj.describe() + " has no faces");
    for (size_t face = 0; face < counts.size(); ++face)  // a fan: count - 2 triangles
        mesh.triangleFace.insert(mesh.triangleFace.end(), static_cast<size_t>(counts[face] - 2),
                                 static_cast<uint32_t>(face));
    if (const Attribute* uv = obj.find("uv_list")) {  // face-varying, as MoonRay's
        const auto& uvs = std::get<std::vector<Vec2f>>(uv->value);
        if (uvs.size() != indices.size()) {
            failAt(*uv, "uv_list",
                   obj.describe() + ": uv_list has " + std::to_string(uvs.size()) +
                       " entries, one per entry of vertices_by_index (" +
                       std::to_string(indices.size()) + ") expected");
        }
        mesh.uvs = triangulateFaceVarying(counts, uvs);
    }
    if (obj.getInt("orientation", 0) == 1) flipWinding(mesh);  // left-handed
    return mesh;
}

TriangleMesh buildObj(const RdlObject& obj) {
    const Attribute* model = obj.find("model");
    if (!model || std::get<std::string>(model->value).empty()) {
        throw SceneError(obj.where, obj.describe() + " has no 'model' (the path of an .obj file)");
    }
    const std::string path = resolveScenePath(*model);
    TriangleMesh mesh;
    std::string error;
    if (!loadObj(path, mesh, error)) failAt(*model, "model", obj.describe() + ": " + error);
    return mesh;
}

Sphere buildSphere(const RdlObject& obj) {
    const float radius = obj.getFloat("radius", 1.0f);
    if (!(radius > 0.0f) || !std::isfinite(radius)) {
        failAt(*obj.find("radius"), "radius",
               obj.describe() + ": radius must be positive, got " + std::to_string(radius));
    }
    const Mat4f xform = obj.getMat4("node_xform");
    const float scale = uniformScale(xform);
    if (!(scale > 0.0f)) {
        const std::string message = obj.describe() +
                                    ": node_xform must be a rotation, uniform scale and "
                                    "translation (a sphere cannot become an ellipsoid; use a mesh)";
        if (const Attribute* attr = obj.find("node_xform")) failAt(*attr, "node_xform", message);
        throw SceneError(obj.where, message);
    }
    // Row vectors: row i of the 3x3 part is the image of axis i.
    const auto axis = [&](int i) {
        return Vec3f(xform[i][0], xform[i][1], xform[i][2]).normalized();
    };
    Sphere sphere;
    sphere.center = transformPoint(xform, Vec3f(0.0f));
    sphere.radius = radius * scale;
    sphere.xAxis = axis(0);
    sphere.yAxis = axis(1);
    sphere.zAxis = axis(2);
    return sphere;
}

}  // namespace

Geometry buildGeometry(const RdlObject& obj) {
    Geometry geometry;
    geometry.name = obj.name;
    geometry.label = obj.getString("label", "");
    geometry.where = obj.where;
    const std::string& cls = obj.cls->name;
    if (cls == "SphereGeometry") {
        geometry.shape = buildSphere(obj);
        return geometry;
    }
    TriangleMesh mesh;
    if (cls == "RdlMeshGeometry") {
        mesh = buildMesh(obj);
    } else if (cls == "BoxGeometry") {
        const Vec3f size = obj.getVec3("size", Vec3f(1.0f));
        if (!(size.x > 0.0f && size.y > 0.0f && size.z > 0.0f)) {
            failAt(*obj.find("size"), "size", obj.describe() + ": size must be positive");
        }
        mesh = makeBox(size);
    } else if (cls == "ObjGeometry") {
        mesh = buildObj(obj);
    } else {
        throw SceneError(obj.where, "internal: no geometry builder for " + cls);
    }
    if (obj.getBool("reverse_normals", false)) flipWinding(mesh);
    transformMesh(mesh, obj.getMat4("node_xform"));
    geometry.shape = std::move(mesh);
    return geometry;
}

}  // namespace rt
