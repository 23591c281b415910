#pragma once
#include <limits>

#include "core/Math.h"

namespace rt {

struct Ray {
    Vec3f org;
    Vec3f dir;  // not necessarily normalized; distances are in units of |dir|
    float tNear = 0.0f;
    float tFar = std::numeric_limits<float>::infinity();

    Vec3f at(float t) const { return org + dir * t; }
};

// Offsets a ray origin off a surface along the geometric normal, scaled to the
// magnitude of the position so that it works for millimetre and kilometre scenes.
inline Vec3f offsetRayOrigin(const Vec3f& p, const Vec3f& ng, const Vec3f& dir) {
    const float magnitude = std::max({std::abs(p.x), std::abs(p.y), std::abs(p.z), 1.0f});
    const float eps = 1e-4f * magnitude;
    return dir.dot(ng) >= 0.0f ? p + ng * eps : p - ng * eps;
}

}  // namespace rt
