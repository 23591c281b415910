#pragma once
// Helpers shared by the BSDF tests: materials, directions, sphere quadrature and a
// chi-square goodness-of-fit test in the style of pbrt's and Mitsuba's.
#include <functional>
#include <optional>
#include <random>
#include <string>

#include "core/Frame.h"
#include "scene/Material.h"
#include "shading/Bsdf.h"

namespace rt::test {

inline Material makeMaterial(float metallic, float transmission, float specular, float roughness,
                             Color color = Color(1.0f), float ior = 1.5f) {
    Material m;
    m.diffuseColor = color;
    m.metallic = metallic;
    m.transmission = transmission;
    m.specular = specular;
    m.roughness = roughness;
    m.refractiveIndex = ior;
    return m;
}

// Direction at polar angle thetaDeg from n (negative n side when below), fixed azimuth.
inline Vec3f directionAt(const Vec3f& n, float thetaDeg, bool below = false, float phi = 0.7f) {
    const Frame f = Frame::fromNormal(n);
    const float t = radians(thetaDeg);
    const Vec3f local(std::sin(t) * std::cos(phi), std::sin(t) * std::sin(phi), std::cos(t));
    const Vec3f w = f.toWorld(local);
    return below ? w - n * (2.0f * w.dot(n)) : w;
}

inline Vec3f uniformSphere(std::mt19937& rng) {
    std::uniform_real_distribution<float> u(0.0f, 1.0f);
    const float z = 1.0f - 2.0f * u(rng), phi = kTwoPi * u(rng);
    const float r = safeSqrt(1.0f - z * z);
    return Vec3f(r * std::cos(phi), r * std::sin(phi), z);
}

// Integral over the sphere of f(direction) with a midpoint rule in (theta, phi).
double integrateSphere(const std::function<double(const Vec3f&)>& f, int thetaRes = 360,
                       int phiRes = 720);

struct Chi2Result {
    bool passed = false;
    double pValue = 0.0;
    std::string message;
};

// Samples `count` directions (sample() returns nullopt for failed or delta samples), bins
// them over (theta, phi) and compares with the pdf integrated over each bin. Bins with
// expected count below 5 are pooled; the p-value must exceed `significance`.
Chi2Result chi2Test(const std::function<std::optional<Vec3f>(std::mt19937&)>& sample,
                    const std::function<double(const Vec3f&)>& pdf, int count, double significance,
                    int thetaRes = 20, int phiRes = 40);

}  // namespace rt::test
