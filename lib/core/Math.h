#pragma once
// Basic math vocabulary shared by every module: Imath types under short names,
// constants and small scalar helpers.
#include <ImathBox.h>
#include <ImathColor.h>
#include <ImathMatrix.h>
#include <ImathVec.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace rt {

using Vec2f = Imath::V2f;
using Vec2i = Imath::V2i;
using Vec3f = Imath::V3f;
using Vec3d = Imath::V3d;
using Vec4f = Imath::V4f;
using Mat4f = Imath::M44f;
using Box3f = Imath::Box3f;
using Color = Imath::C3f;  // linear RGB radiance or reflectance

inline constexpr float kPi = 3.14159265358979323846f;
inline constexpr float kTwoPi = 2.0f * kPi;
inline constexpr float kInvPi = 1.0f / kPi;
inline constexpr float kInv2Pi = 1.0f / kTwoPi;
inline constexpr float kInv4Pi = 1.0f / (4.0f * kPi);
// Largest float below 1: samplers return values in [0, kOneMinusEpsilon].
inline constexpr float kOneMinusEpsilon = 0x1.fffffep-1f;

inline float sqr(float x) {
    return x * x;
}
inline float safeSqrt(float x) {
    return std::sqrt(std::max(0.0f, x));
}
inline float clamp(float x, float lo, float hi) {
    return std::min(std::max(x, lo), hi);
}
inline float lerp(float t, float a, float b) {
    return (1.0f - t) * a + t * b;
}
inline float radians(float degrees) {
    return degrees * (kPi / 180.0f);
}
inline float degrees(float rad) {
    return rad * (180.0f / kPi);
}

// Luma with MoonRay's weights (Rec. 601), used by the error metric and light selection.
inline float luminance(const Color& c) {
    return 0.299f * c.x + 0.587f * c.y + 0.114f * c.z;
}
inline double luminance(const Vec3d& c) {
    return 0.299 * c.x + 0.587 * c.y + 0.114 * c.z;
}
inline float maxComponent(const Color& c) {
    return std::max(c.x, std::max(c.y, c.z));
}
inline bool isBlack(const Color& c) {
    return c.x == 0.0f && c.y == 0.0f && c.z == 0.0f;
}
inline bool isFinite(const Color& c) {
    return std::isfinite(c.x) && std::isfinite(c.y) && std::isfinite(c.z);
}

inline Vec3f toVec3(const Color& c) {
    return Vec3f(c.x, c.y, c.z);
}
inline Color toColor(const Vec3f& v) {
    return Color(v.x, v.y, v.z);
}

inline float dot(const Vec3f& a, const Vec3f& b) {
    return a.dot(b);
}
inline float absDot(const Vec3f& a, const Vec3f& b) {
    return std::abs(a.dot(b));
}
inline Vec3f cross(const Vec3f& a, const Vec3f& b) {
    return a.cross(b);
}
inline Vec3f normalize(const Vec3f& v) {
    return v.normalized();
}

}  // namespace rt
