#pragma once
// The sRGB transfer function (IEC 61966-2-1), used to encode 8-bit display images and
// to decode 8-bit inputs back to linear values.
#include <cmath>
#include <cstdint>

namespace rt {

inline float linearToSrgb(float linear) {
    return linear <= 0.0031308f ? 12.92f * linear : 1.055f * std::pow(linear, 1.0f / 2.4f) - 0.055f;
}

inline float srgbToLinear(float encoded) {
    return encoded <= 0.04045f ? encoded / 12.92f : std::pow((encoded + 0.055f) / 1.055f, 2.4f);
}

// Clamp to [0, 1] (NaN to 0), encode, round to the nearest 8-bit code.
inline uint8_t linearToSrgb8(float linear) {
    const float clamped = linear > 0.0f ? (linear < 1.0f ? linear : 1.0f) : 0.0f;
    return static_cast<uint8_t>(std::lround(linearToSrgb(clamped) * 255.0f));
}

}  // namespace rt
