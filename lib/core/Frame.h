#pragma once
// Orthonormal basis around a normal. Shading code works in the local frame where the
// normal is +Z; directions point away from the surface.
#include "core/Math.h"

namespace rt {

struct Frame {
    Vec3f s, t, n;

    // Duff et al. 2017, "Building an Orthonormal Basis, Revisited": branch-free and
    // continuous except at n.z == 0 exactly.
    static Frame fromNormal(const Vec3f& n) {
        const float sign = std::copysign(1.0f, n.z);
        const float a = -1.0f / (sign + n.z);
        const float b = n.x * n.y * a;
        Frame f;
        f.s = Vec3f(1.0f + sign * n.x * n.x * a, sign * b, -sign * n.x);
        f.t = Vec3f(b, sign + n.y * n.y * a, -n.y);
        f.n = n;
        return f;
    }

    Vec3f toLocal(const Vec3f& v) const { return Vec3f(v.dot(s), v.dot(t), v.dot(n)); }
    Vec3f toWorld(const Vec3f& v) const { return s * v.x + t * v.y + n * v.z; }
};

}  // namespace rt
