#pragma once
// Directional albedo of a single-scattering GGX reflection lobe with Schlick Fresnel, for
// energy-conserving layering and lobe selection. Schlick's F is linear in f0, so the
// albedo splits into two terms that do not depend on f0 (as in Karis's split sum):
//   E(mu, roughness, f0) = f0 * A(mu, roughness) + (1 - f0) * B(mu, roughness)
// where A uses F = 1 and B uses F = (1 - wo.h)^5. Tabulated once per process.
#include "core/Math.h"

namespace rt {

struct AlbedoTerms {
    float a = 0.0f;  // albedo with F = 1
    float b = 0.0f;  // albedo with F = (1 - wo.h)^5

    float albedo(float f0) const { return f0 * a + (1.0f - f0) * b; }
    Color albedo(const Color& f0) const { return f0 * a + (Color(1.0f) - f0) * b; }
};

// Albedo for an outgoing direction with cosine `cosTheta` to the normal.
AlbedoTerms ggxAlbedoTerms(float cosTheta, float roughness);
// Cosine-weighted hemispherical average 2 * integral of E(mu) mu dmu, consistent with the
// (interpolated) values of ggxAlbedoTerms.
AlbedoTerms ggxAverageAlbedoTerms(float roughness);

}  // namespace rt
