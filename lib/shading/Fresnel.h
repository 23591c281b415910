#pragma once
// Fresnel terms and the reflect/refract helpers shared by the BSDF lobes. Directions point
// away from the surface; `n` is the (micro)normal on the side of the incident direction.
#include "core/Math.h"

namespace rt {

// Schlick's approximation with normal-incidence reflectance f0.
inline float schlickWeight(float cosTheta) {
    const float m = clamp(1.0f - cosTheta, 0.0f, 1.0f);
    const float m2 = m * m;
    return m2 * m2 * m;
}
inline Color fresnelSchlick(const Color& f0, float cosTheta) {
    const float w = schlickWeight(cosTheta);
    return f0 + (Color(1.0f) - f0) * w;
}
inline float fresnelSchlick(float f0, float cosTheta) {
    return f0 + (1.0f - f0) * schlickWeight(cosTheta);
}

// Normal-incidence reflectance of an interface with relative index of refraction eta.
inline float dielectricF0(float eta) {
    return sqr((eta - 1.0f) / (eta + 1.0f));
}

// Exact unpolarised Fresnel reflectance of a dielectric interface. cosThetaI is measured
// on the incident side; eta = n_transmitted / n_incident. A negative cosine means the
// incident direction is on the other side, so the interface is seen with 1 / eta.
inline float fresnelDielectric(float cosThetaI, float eta) {
    cosThetaI = clamp(cosThetaI, -1.0f, 1.0f);
    if (cosThetaI < 0.0f) {
        eta = 1.0f / eta;
        cosThetaI = -cosThetaI;
    }
    const float sin2ThetaT = (1.0f - cosThetaI * cosThetaI) / (eta * eta);
    if (sin2ThetaT >= 1.0f) return 1.0f;  // total internal reflection
    const float cosThetaT = safeSqrt(1.0f - sin2ThetaT);
    const float rParallel = (eta * cosThetaI - cosThetaT) / (eta * cosThetaI + cosThetaT);
    const float rPerpendicular = (cosThetaI - eta * cosThetaT) / (cosThetaI + eta * cosThetaT);
    return 0.5f * (rParallel * rParallel + rPerpendicular * rPerpendicular);
}

inline Vec3f reflect(const Vec3f& wo, const Vec3f& n) {
    return n * (2.0f * wo.dot(n)) - wo;
}

// Refracts wi (on the side n points to, wi.n > 0) through an interface with
// eta = n_transmitted / n_incident. Returns false on total internal reflection.
inline bool refract(const Vec3f& wi, const Vec3f& n, float eta, Vec3f& wt) {
    const float cosThetaI = wi.dot(n);
    const float sin2ThetaT = std::max(0.0f, 1.0f - cosThetaI * cosThetaI) / (eta * eta);
    if (sin2ThetaT >= 1.0f) return false;
    const float cosThetaT = safeSqrt(1.0f - sin2ThetaT);
    wt = -wi / eta + n * (cosThetaI / eta - cosThetaT);
    return true;
}

}  // namespace rt
