#pragma once
#include "core/Math.h"

namespace rt {

// An analytic sphere in world space (Embree renders it exactly as a sphere point).
struct Sphere {
    Vec3f center{0.0f, 0.0f, 0.0f};
    float radius = 1.0f;
    // The object's axes in world space (unit): its pole is zAxis. They orient the
    // surface parameters (SurfaceParameters.h) only.
    Vec3f xAxis{1.0f, 0.0f, 0.0f}, yAxis{0.0f, 1.0f, 0.0f}, zAxis{0.0f, 0.0f, 1.0f};
};

}  // namespace rt
