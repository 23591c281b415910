#pragma once
// Monte Carlo checks shared by the light tests. Every estimator uses a caller-owned
// fixed-seed std::mt19937, so the tests are deterministic.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>

#include "core/Frame.h"
#include "core/Transform.h"
#include "sampling/Warp.h"
#include "shading/Light.h"

namespace rt::test {

inline LightDesc makeDesc(LightType type, const Mat4f& xform = Mat4f()) {
    LightDesc d;
    d.type = type;
    d.name = "light";
    d.where = SourceLocation{"test.rdla", 7};
    d.nodeXform = xform;
    return d;
}

inline std::unique_ptr<Light> makeLight(const LightDesc& desc) {
    auto lights = createLights({desc});
    return std::move(lights.at(0));
}

inline float uniform01(std::mt19937& rng) {
    return std::min(std::uniform_real_distribution<float>(0.0f, 1.0f)(rng), kOneMinusEpsilon);
}
inline Vec2f uniform2(std::mt19937& rng) {
    const float a = uniform01(rng);
    return Vec2f(a, uniform01(rng));
}

// What a ray from p along dir (unit) sees of the light.
inline bool lookup(const Light& light, const Vec3f& p, const Vec3f& dir, LightHit& hit) {
    if (light.isInfinite()) return light.escaped(p, dir, hit);
    return light.intersect(Ray{p, dir}, hit);
}

inline float mean3(const Color& c) {
    return (c.x + c.y + c.z) / 3.0f;
}
inline bool relNear(double a, double b, double rel) {
    return std::abs(a - b) <= rel * std::max(std::abs(a), std::abs(b));
}

// (1) Every sample() result must be found again along wi with the same radiance, pdf and
// distance. Returns the number of samples checked; rounding at a silhouette may lose a
// handful (at most maxMissFraction). Radiances agree to 1e-3 of the larger of the two or
// of `radianceScale` (a light whose radiance fades to zero, like a spot light's edge, is
// compared against its full radiance there).
inline int checkSampleMatchesLookup(const Light& light, const Vec3f& p, int n, std::mt19937& rng,
                                    double maxMissFraction = 1e-3, double radianceScale = 0.0) {
    int checked = 0, misses = 0, bad = 0;
    std::string firstBad;
    for (int i = 0; i < n; ++i) {
        LightSample s;
        if (!light.sample(p, uniform2(rng), s)) continue;
        ++checked;
        const bool valid = std::isfinite(s.pdf) && s.pdf > 0.0f && isFinite(s.radiance) &&
                           std::abs(s.wi.length() - 1.0f) < 1e-5f && !std::isnan(s.distance);
        LightHit hit;
        if (valid && !lookup(light, p, s.wi, hit)) {
            ++misses;
            continue;
        }
        const bool distanceOk = light.isInfinite()
                                    ? std::isinf(hit.distance) && std::isinf(s.distance)
                                    : relNear(hit.distance, s.distance, 1e-3);
        if (!valid || !relNear(hit.pdf, s.pdf, 1e-3) ||
            std::abs(mean3(hit.radiance) - mean3(s.radiance)) >
                1e-3 * std::max<double>({std::abs(mean3(hit.radiance)), std::abs(mean3(s.radiance)),
                                         radianceScale}) ||
            !distanceOk) {
            if (bad++ == 0) {
                firstBad = "pdf " + std::to_string(s.pdf) + " vs " + std::to_string(hit.pdf) +
                           ", radiance " + std::to_string(mean3(s.radiance)) + " vs " +
                           std::to_string(mean3(hit.radiance)) + ", distance " +
                           std::to_string(s.distance) + " vs " + std::to_string(hit.distance);
            }
        }
    }
    EXPECT_EQ(bad, 0) << "first mismatch: " << firstBad;
    EXPECT_LE(misses, checked * maxMissFraction + 1);
    return checked;
}

// Jittered-stratified uniform directions over the whole sphere: k x k strata.
template <typename F>
void forStratifiedSphere(int k, std::mt19937& rng, F&& f) {
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j)
            f(squareToUniformSphere(Vec2f((i + uniform01(rng)) / k, (j + uniform01(rng)) / k)));
}

// (2) Integral of the light's pdf over the directions that reach it (should be 1).
inline double pdfIntegral(const Light& light, const Vec3f& p, int k, std::mt19937& rng) {
    double sum = 0.0;
    forStratifiedSphere(k, rng, [&](const Vec3f& dir) {
        LightHit hit;
        if (lookup(light, p, dir, hit)) sum += hit.pdf / uniformSpherePdf();
    });
    return sum / (static_cast<double>(k) * k);
}

struct Estimate {
    double mean = 0.0;
    double stdError = 0.0;  // of the mean, treating samples as independent
};

// (3) Irradiance at p with normal n (mean of the channels) by light sampling.
inline Estimate irradianceByLight(const Light& light, const Vec3f& p, const Vec3f& n, int count,
                                  std::mt19937& rng) {
    double sum = 0.0, sum2 = 0.0;
    for (int i = 0; i < count; ++i) {
        LightSample s;
        double v = 0.0;
        if (light.sample(p, uniform2(rng), s)) {
            v = mean3(s.radiance) * std::max(0.0f, dot(n, s.wi)) / s.pdf;
        }
        sum += v;
        sum2 += v * v;
    }
    const double mean = sum / count;
    return {mean, std::sqrt(std::max(0.0, sum2 / count - mean * mean) / count)};
}

// Brute force: stratified uniform sphere directions through intersect()/escaped().
inline double irradianceBruteForce(const Light& light, const Vec3f& p, const Vec3f& n, int k,
                                   std::mt19937& rng) {
    double sum = 0.0;
    forStratifiedSphere(k, rng, [&](const Vec3f& dir) {
        LightHit hit;
        if (lookup(light, p, dir, hit)) {
            sum += mean3(hit.radiance) * std::max(0.0f, dot(n, dir)) / uniformSpherePdf();
        }
    });
    return sum / (static_cast<double>(k) * k);
}

}  // namespace rt::test
