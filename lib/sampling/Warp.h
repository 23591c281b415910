#pragma once
// Warps from the unit square to common domains, each with its density.
#include "core/Math.h"

namespace rt {

// Shirley-Chiu concentric map to the unit disk.
inline Vec2f squareToConcentricDisk(const Vec2f& u) {
    const float ox = 2.0f * u.x - 1.0f, oy = 2.0f * u.y - 1.0f;
    if (ox == 0.0f && oy == 0.0f) return Vec2f(0.0f, 0.0f);
    float r, theta;
    if (std::abs(ox) > std::abs(oy)) {
        r = ox;
        theta = (kPi / 4.0f) * (oy / ox);
    } else {
        r = oy;
        theta = (kPi / 2.0f) - (kPi / 4.0f) * (ox / oy);
    }
    return Vec2f(r * std::cos(theta), r * std::sin(theta));
}

inline Vec3f squareToCosineHemisphere(const Vec2f& u) {
    const Vec2f d = squareToConcentricDisk(u);
    const float z = safeSqrt(1.0f - d.x * d.x - d.y * d.y);
    return Vec3f(d.x, d.y, z);
}
inline float cosineHemispherePdf(float cosTheta) {
    return cosTheta > 0.0f ? cosTheta * kInvPi : 0.0f;
}

inline Vec3f squareToUniformSphere(const Vec2f& u) {
    const float z = 1.0f - 2.0f * u.x;
    const float r = safeSqrt(1.0f - z * z);
    const float phi = kTwoPi * u.y;
    return Vec3f(r * std::cos(phi), r * std::sin(phi), z);
}
inline float uniformSpherePdf() {
    return kInv4Pi;
}

// Uniform directions in the cone around +Z with the given cosine of the half angle.
inline Vec3f squareToUniformCone(const Vec2f& u, float cosThetaMax) {
    const float cosTheta = (1.0f - u.x) + u.x * cosThetaMax;
    const float sinTheta = safeSqrt(1.0f - cosTheta * cosTheta);
    const float phi = kTwoPi * u.y;
    return Vec3f(std::cos(phi) * sinTheta, std::sin(phi) * sinTheta, cosTheta);
}
inline float uniformConePdf(float cosThetaMax) {
    return 1.0f / (kTwoPi * (1.0f - cosThetaMax));
}

}  // namespace rt
