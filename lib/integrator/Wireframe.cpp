#include "integrator/Wireframe.h"

#include <algorithm>

namespace rt {
namespace {

bool sharesEdge(const uint32_t* a, int k, const uint32_t* b) {
    const uint32_t p = a[k], q = a[(k + 1) % 3];
    for (int j = 0; j < 3; ++j) {
        const uint32_t r = b[j], s = b[(j + 1) % 3];
        if ((r == p && s == q) || (r == q && s == p)) return true;
    }
    return false;
}

// Clips the camera-space segment [a, b] to the half-space in front of the camera
// (z <= -near); false when nothing of it is there.
bool clipInFront(Vec3f& a, Vec3f& b) {
    constexpr float kNear = 1e-6f;
    const bool aIn = a.z <= -kNear, bIn = b.z <= -kNear;
    if (!aIn && !bIn) return false;
    if (aIn && bIn) return true;
    const float t = (-kNear - a.z) / (b.z - a.z);
    const Vec3f cut = a + (b - a) * t;
    (aIn ? b : a) = cut;
    return true;
}

float distanceToSegment(const Vec2f& p, const Vec2f& a, const Vec2f& b) {
    const Vec2f ab = b - a;
    const float length2 = ab.dot(ab);
    const float t = length2 > 0.0f ? std::clamp((p - a).dot(ab) / length2, 0.0f, 1.0f) : 0.0f;
    return (p - (a + ab * t)).length();
}

}  // namespace

std::vector<uint8_t> authoredEdges(const TriangleMesh& mesh) {
    const size_t n = mesh.triangleCount();
    std::vector<uint8_t> edges(n, 0b111);
    if (mesh.triangleFace.empty()) return edges;  // every triangle is a face of its own
    // Triangulation keeps a face's triangles together: compare within each run.
    for (size_t begin = 0; begin < n;) {
        size_t end = begin + 1;
        while (end < n && mesh.triangleFace[end] == mesh.triangleFace[begin]) ++end;
        for (size_t t = begin; t < end; ++t) {
            for (int k = 0; k < 3; ++k) {
                for (size_t u = begin; u < end; ++u) {
                    if (u != t && sharesEdge(&mesh.indices[3 * t], k, &mesh.indices[3 * u])) {
                        edges[t] &= static_cast<uint8_t>(~(1u << k));
                        break;
                    }
                }
            }
        }
        begin = end;
    }
    return edges;
}

bool onWireframe(const CameraRayGenerator& camera, const TriangleMesh& mesh, size_t triangle,
                 uint8_t edges, const Vec3f& point, float halfWidth) {
    if (edges == 0) return false;
    const Vec3f p = camera.toCamera(point);
    if (!(p.z < 0.0f)) return false;
    const Vec2f film = camera.cameraToFilm(p);
    for (int k = 0; k < 3; ++k) {
        if (!(edges & (1u << k))) continue;
        Vec3f a = camera.toCamera(mesh.positions[mesh.indices[3 * triangle + k]]);
        Vec3f b = camera.toCamera(mesh.positions[mesh.indices[3 * triangle + (k + 1) % 3]]);
        if (!clipInFront(a, b)) continue;
        if (distanceToSegment(film, camera.cameraToFilm(a), camera.cameraToFilm(b)) <= halfWidth)
            return true;
    }
    return false;
}

}  // namespace rt
