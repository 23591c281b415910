#pragma once
#include "core/Math.h"

namespace rt {

// What one camera sample contributes to its pixel.
struct PixelSample {
    Color radiance{0.0f, 0.0f, 0.0f};
    float alpha = 0.0f;  // 1 when the camera ray hit geometry
    float depth = 0.0f;  // camera-space depth of the first hit (alpha-weighted)
    Vec3f normal{0.0f, 0.0f, 0.0f};
    Color albedo{0.0f, 0.0f, 0.0f};
};

}  // namespace rt
