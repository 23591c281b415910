#pragma once
// The lobes a Bsdf mixes, each in the local shading frame (+Z = geometric normal). Every
// lobe already includes its mixture weight (`scale`), so a Bsdf is the plain sum of its
// lobes. Conventions (doc/SHADING.md):
//  - eval() returns f(wo, wi) |cos theta_i|; pdf() the solid-angle density of sample();
//    both return 0 for delta lobes.
//  - Opaque lobes (kOpaque) expect wo.z > 0: the Bsdf mirrors the frame when wo is below
//    the surface, which makes them two-sided. The dielectric sees the unmirrored frame
//    because which side is inside matters.
#include "core/Math.h"
#include "shading/Microfacet.h"

namespace rt {

struct LobeSample {
    Vec3f wi;
    // Delta lobes only: throughput of the chosen event (not divided by its probability)
    // and the probability of that event within the lobe. Non-delta samples leave them
    // unset: the Bsdf evaluates the whole mixture for them.
    Color f{0.0f};
    float pdf = 0.0f;
    bool isDelta = false;
};

// Lambert reflection, optionally under a coat of weight coatWeight whose directional
// albedo is E(mu). Kelemen & Szirmay-Kalos (2001) style energy compensation:
//   f = color / pi * (1 - w E(mu_o)) (1 - w E(mu_i)) / (1 - w E_avg)
// is reciprocal and integrates to color (1 - w E(mu_o)), so coat + base <= 1.
class LambertLobe {
  public:
    static constexpr bool kOpaque = true;

    LambertLobe() = default;
    LambertLobe(const Color& color, float coatWeight, float coatF0, float coatRoughness);

    Color eval(const Vec3f& wo, const Vec3f& wi) const;
    float pdf(const Vec3f& wo, const Vec3f& wi) const;
    bool sample(const Vec3f& wo, float uc, const Vec2f& u, LobeSample& s) const;
    float selectionWeight(const Vec3f& wo) const;
    Color albedo() const;
    bool isDelta() const { return false; }
    // For material aovs: the colour the lobe scatters with (its weight included) and
    // MoonRay's roughness of a diffuse lobe, 1.
    Color color() const { return m_color; }
    float roughness() const { return 1.0f; }

  private:
    float coatTransmittance(float cosTheta) const;  // 1 - w E(mu)

    Color m_color{0.0f};
    float m_coatWeight = 0.0f;
    float m_coatF0 = 0.0f;
    float m_coatRoughness = 0.0f;
    float m_norm = 1.0f;  // 1 / (1 - w E_avg)
};

// GGX reflection with Schlick Fresnel: the conductor (f0 = diffuse color) and the
// dielectric coat (f0 from the index of refraction). A perfect mirror when alpha is below
// kMinGgxAlpha.
class MicrofacetReflectionLobe {
  public:
    static constexpr bool kOpaque = true;

    MicrofacetReflectionLobe(const Color& f0, float scale, float roughness);

    Color eval(const Vec3f& wo, const Vec3f& wi) const;
    float pdf(const Vec3f& wo, const Vec3f& wi) const;
    bool sample(const Vec3f& wo, float uc, const Vec2f& u, LobeSample& s) const;
    float selectionWeight(const Vec3f& wo) const;
    Color albedo() const;
    bool isDelta() const { return m_delta; }
    Color color() const { return m_f0 * m_scale; }
    float roughness() const { return m_roughness; }

  private:
    Color m_f0;
    float m_scale;
    float m_roughness;
    GgxDistribution m_ggx;
    bool m_delta;
};

// Dielectric interface with index of refraction eta (inside / outside, +Z is outside):
// smooth (delta reflection and refraction chosen by exact Fresnel) or rough GGX (Walter
// et al. 2007, sampled with visible normals). Transmission is multiplied by `tint` and by
// (n_o / n_i)^2, the change of radiance across the interface for camera paths.
class DielectricLobe {
  public:
    static constexpr bool kOpaque = false;

    DielectricLobe(float eta, const Color& tint, float scale, float roughness);

    Color eval(const Vec3f& wo, const Vec3f& wi) const;
    float pdf(const Vec3f& wo, const Vec3f& wi) const;
    bool sample(const Vec3f& wo, float uc, const Vec2f& u, LobeSample& s) const;
    float selectionWeight(const Vec3f& wo) const;
    Color albedo() const;
    bool isDelta() const { return m_delta; }
    Color color() const { return m_tint * m_scale; }  // per interface crossed
    float roughness() const { return m_roughness; }

  private:
    // Evaluates f |cos_i| and the pdf with wo mirrored onto +Z; eta is then the relative
    // index n(wi side) / n(wo side) for transmission.
    void evalPdf(const Vec3f& wo, const Vec3f& wi, float eta, Color* f, float* pdf) const;

    float m_eta;
    Color m_tint;
    float m_scale;
    float m_roughness;
    GgxDistribution m_ggx;
    bool m_delta;
};

}  // namespace rt
