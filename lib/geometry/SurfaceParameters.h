#pragma once
// Surface parameters (MoonRay's state variables St, dPds, dPdt) of a point on a shape.
#include <cstdint>

#include "core/Math.h"
#include "geometry/Sphere.h"
#include "geometry/TriangleMesh.h"

namespace rt {

struct SurfaceParameters {
    Vec2f st{0.0f, 0.0f};
    Vec3f dPds{0.0f, 0.0f, 0.0f};  // world-space change of the position per unit of s
    Vec3f dPdt{0.0f, 0.0f, 0.0f};
};

// A mesh's uvs interpolated at the barycentric point of `triangle`, and the derivatives
// of the (flat) triangle's position along them; all 0 for a mesh without uvs, and the
// derivatives 0 where the triangle's uvs are degenerate.
SurfaceParameters meshSurfaceParameters(const TriangleMesh& mesh, uint32_t triangle,
                                        const Vec2f& barycentric);

// The sphere's spherical coordinates in its own frame (pole zAxis), as PBRT's sphere:
// s = phi / 2 pi with phi = atan2(y, x) in [0, 2 pi), t = 1 - theta / pi with theta
// from the +z pole (t = 0 at the -z pole, 1 at the +z pole).
SurfaceParameters sphereSurfaceParameters(const Sphere& sphere, const Vec3f& position);

}  // namespace rt
