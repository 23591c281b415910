#pragma once
// Helpers shared by the light implementations (not part of the public light interface).
#include <string>

#include "core/Frame.h"
#include "core/Math.h"
#include "scene/LightDesc.h"

namespace rt::lightutil {

// "RectLight \"name\": message" at desc.where.
[[noreturn]] void fail(const LightDesc& desc, const std::string& message);

// Checks what every light shares: finite, non-negative color and intensity, finite
// exposure, a finite invertible node_xform. Throws SceneError.
void validateCommon(const LightDesc& desc);

// Orthonormal frame of node_xform's rotation (Gram-Schmidt on its X, Y, Z axes): scale
// and shear are dropped, a mirroring is kept. s, t, n are the world images of local X,
// Y, Z.
Frame rotationFrame(const LightDesc& desc);

// 1 - cos(theta) computed without cancellation: the cones of the sun and of far sphere
// lights are far smaller than float's resolution of cos near 1.
inline float versineOfAngle(float theta) {
    const float s = std::sin(0.5f * theta);
    return 2.0f * s * s;
}
// 1 - cos(theta) from sin^2(theta), for theta in [0, pi/2].
inline float versineFromSin2(float sin2) {
    return sin2 / (1.0f + safeSqrt(1.0f - sin2));
}

// Uniform direction in the cone around +Z of half angle thetaMax, given its versine.
inline Vec3f sampleCone(const Vec2f& u, float versineMax) {
    const float v = u.x * versineMax;  // 1 - cos(theta), uniform in [0, versineMax)
    const float sinTheta = safeSqrt(v * (2.0f - v));
    const float phi = kTwoPi * u.y;
    return Vec3f(std::cos(phi) * sinTheta, std::sin(phi) * sinTheta, 1.0f - v);
}
inline float conePdf(float versineMax) {
    return 1.0f / (kTwoPi * versineMax);
}

// Squared chord between two unit vectors, 2 (1 - cos angle): accurate for tiny angles,
// where comparing cosines is not.
inline float chord2(const Vec3f& a, const Vec3f& b) {
    return (a - b).length2();
}

}  // namespace rt::lightutil
