#pragma once

namespace rt {

// MoonRay's `state_variable` values (their numbers are MoonRay's) that we write: the
// first hit of the camera sample, in render (= world) space.
enum class StateVariable {
    P = 0,       // position
    Ng = 1,      // geometric normal, facing the camera
    N = 2,       // shading normal (= Ng: no normal maps or smooth normals yet)
    St = 3,      // surface parameterisation: sphere u = phi / 2 pi, v = theta / pi; meshes uv_list
    DPds = 4,    // dP/ds, the surface's tangent along s
    DPdt = 5,    // dP/dt
    Wp = 10,     // world position (render space is world space here, so = P)
    Depth = 11,  // camera-space distance along the view axis
    MotionVector = 12,  // screen-space motion: 0, nothing moves (no motion blur)
};

}  // namespace rt
