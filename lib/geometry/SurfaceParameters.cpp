#include "geometry/SurfaceParameters.h"

#include <algorithm>
#include <cmath>

namespace rt {

SurfaceParameters meshSurfaceParameters(const TriangleMesh& mesh, uint32_t triangle,
                                        const Vec2f& barycentric) {
    SurfaceParameters out;
    if (mesh.uvs.empty()) return out;
    const size_t first = 3 * static_cast<size_t>(triangle);
    const Vec2f& uv0 = mesh.uvs[first];
    const Vec2f& uv1 = mesh.uvs[first + 1];
    const Vec2f& uv2 = mesh.uvs[first + 2];
    const float b1 = barycentric.x, b2 = barycentric.y;
    out.st = uv0 * (1.0f - b1 - b2) + uv1 * b1 + uv2 * b2;
    // P - p0 = ds dPds + dt dPdt along both edges: solve the 2x2 system.
    const Vec3f& p0 = mesh.positions[mesh.indices[first]];
    const Vec3f e1 = mesh.positions[mesh.indices[first + 1]] - p0;
    const Vec3f e2 = mesh.positions[mesh.indices[first + 2]] - p0;
    const Vec2f d1 = uv1 - uv0, d2 = uv2 - uv0;
    const float det = d1.x * d2.y - d1.y * d2.x;
    if (std::abs(det) < 1e-12f) return out;
    out.dPds = (e1 * d2.y - e2 * d1.y) / det;
    out.dPdt = (e2 * d1.x - e1 * d2.x) / det;
    return out;
}

SurfaceParameters sphereSurfaceParameters(const Sphere& sphere, const Vec3f& position) {
    constexpr float kPi = 3.14159265358979323846f;
    const Vec3f d = position - sphere.center;
    const float x = d.dot(sphere.xAxis), y = d.dot(sphere.yAxis), z = d.dot(sphere.zAxis);
    float phi = std::atan2(y, x);
    if (phi < 0.0f) phi += 2.0f * kPi;
    const float theta = std::acos(std::clamp(z / sphere.radius, -1.0f, 1.0f));
    SurfaceParameters out;
    out.st = Vec2f(phi / (2.0f * kPi), 1.0f - theta / kPi);
    // d/ds and d/dt of (r sin theta cos phi, r sin theta sin phi, r cos theta) with
    // phi = 2 pi s and theta = pi (1 - t), in the sphere's frame, then in world space.
    const float sinTheta = std::sin(theta);
    const Vec3f ds(-2.0f * kPi * y, 2.0f * kPi * x, 0.0f);
    const Vec3f dt = Vec3f(-z * std::cos(phi), -z * std::sin(phi), sphere.radius * sinTheta) * kPi;
    auto world = [&](const Vec3f& v) {
        return sphere.xAxis * v.x + sphere.yAxis * v.y + sphere.zAxis * v.z;
    };
    out.dPds = world(ds);
    out.dPdt = world(dt);
    return out;
}

}  // namespace rt
