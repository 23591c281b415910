#pragma once
#include "core/Math.h"

namespace rt {

// An analytic sphere in world space (Embree renders it exactly as a sphere point).
struct Sphere {
    Vec3f center{0.0f, 0.0f, 0.0f};
    float radius = 1.0f;
};

}  // namespace rt
