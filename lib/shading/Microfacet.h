#pragma once
// Isotropic GGX (Trowbridge-Reitz) microfacet distribution in the local frame (+Z is the
// macro normal) with the height-correlated Smith masking-shadowing term and visible-normal
// sampling (Heitz 2018, "Sampling the GGX Distribution of Visible Normals").
#include <limits>

#include "core/Math.h"

namespace rt {

// Below this alpha the lobes become perfect specular (delta) lobes: a narrower GGX peak
// cannot be sampled or evaluated reliably in single precision.
inline constexpr float kMinGgxAlpha = 1e-3f;

// Perceptual roughness in [0,1] to GGX alpha.
inline float roughnessToAlpha(float roughness) {
    return sqr(clamp(roughness, 0.0f, 1.0f));
}

class GgxDistribution {
  public:
    explicit GgxDistribution(float alpha) : m_alpha(std::max(alpha, kMinGgxAlpha)) {}

    float alpha() const { return m_alpha; }

    // Microfacet normal density D(h), normalised so that the projected area is one.
    float d(const Vec3f& h) const {
        if (h.z <= 0.0f) return 0.0f;
        const float a2 = m_alpha * m_alpha;
        // cos^2 (a^2 - 1) + 1 written as sin^2 + cos^2 a^2 to keep precision near the peak.
        const float denom = (h.x * h.x + h.y * h.y) + h.z * h.z * a2;
        return a2 / (kPi * denom * denom);
    }

    // Smith's auxiliary function Lambda(w).
    float lambda(const Vec3f& w) const {
        const float cos2 = w.z * w.z;
        if (cos2 <= 0.0f) return std::numeric_limits<float>::infinity();
        const float tan2 = std::max(0.0f, w.x * w.x + w.y * w.y) / cos2;
        return 0.5f * (std::sqrt(1.0f + m_alpha * m_alpha * tan2) - 1.0f);
    }
    float g1(const Vec3f& w) const { return 1.0f / (1.0f + lambda(w)); }
    // Height-correlated masking-shadowing; symmetric in its arguments.
    float g2(const Vec3f& wo, const Vec3f& wi) const {
        return 1.0f / (1.0f + lambda(wo) + lambda(wi));
    }

    // Density of visible normals from direction w (w.z > 0): G1(w) max(0, w.h) D(h) / w.z.
    float visibleD(const Vec3f& w, const Vec3f& h) const {
        const float cosH = w.dot(h);
        if (w.z <= 0.0f || cosH <= 0.0f) return 0.0f;
        return g1(w) * cosH * d(h) / w.z;
    }

    // Samples a microfacet normal visible from w (w.z > 0) with density visibleD(w, h).
    Vec3f sampleVisible(const Vec3f& w, const Vec2f& u) const {
        // Stretch the view so that the distribution becomes the unit hemisphere.
        const Vec3f vh = Vec3f(m_alpha * w.x, m_alpha * w.y, w.z).normalized();
        const float lenSq = vh.x * vh.x + vh.y * vh.y;
        const Vec3f t1 =
            lenSq > 0.0f ? Vec3f(-vh.y, vh.x, 0.0f) / std::sqrt(lenSq) : Vec3f(1.0f, 0.0f, 0.0f);
        const Vec3f t2 = vh.cross(t1);
        // Uniform disk point, warped to the projected visible half disk.
        const float r = std::sqrt(u.x);
        const float phi = kTwoPi * u.y;
        const float p1 = r * std::cos(phi);
        float p2 = r * std::sin(phi);
        const float s = 0.5f * (1.0f + vh.z);
        p2 = (1.0f - s) * safeSqrt(1.0f - p1 * p1) + s * p2;
        const Vec3f nh = t1 * p1 + t2 * p2 + vh * safeSqrt(1.0f - p1 * p1 - p2 * p2);
        // Unstretch.
        return Vec3f(m_alpha * nh.x, m_alpha * nh.y, std::max(0.0f, nh.z)).normalized();
    }

  private:
    float m_alpha;
};

}  // namespace rt
