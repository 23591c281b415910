#include "shading/MicrofacetAlbedo.h"

#include <array>

#include "shading/Fresnel.h"
#include "shading/Microfacet.h"

namespace rt {

namespace {

// Nodes are uniform in x = sqrt(mu): the albedo changes fastest at grazing angles.
constexpr int kCosRes = 32;
constexpr int kRoughRes = 32;        // nodes r_j = j / (kRoughRes - 1)
constexpr int kIntegrationRes = 24;  // midpoint grid over the VNDF sampling square

bool isDeltaRoughness(float roughness) {
    return roughnessToAlpha(roughness) < kMinGgxAlpha;
}

// E[F G2/G1] over visible normals: the albedo of the lobe D G2 F / (4 cos_o) for the
// outgoing cosine mu, by a deterministic midpoint rule (smooth integrand, no noise).
AlbedoTerms integrate(float mu, float roughness) {
    const GgxDistribution ggx(roughnessToAlpha(roughness));
    const Vec3f wo(safeSqrt(1.0f - mu * mu), 0.0f, mu);
    double a = 0.0, b = 0.0;
    for (int i = 0; i < kIntegrationRes; ++i) {
        for (int j = 0; j < kIntegrationRes; ++j) {
            const Vec2f u((i + 0.5f) / kIntegrationRes, (j + 0.5f) / kIntegrationRes);
            const Vec3f h = ggx.sampleVisible(wo, u);
            const Vec3f wi = reflect(wo, h);
            if (wi.z <= 0.0f) continue;
            const float w = ggx.g2(wo, wi) / ggx.g1(wo);
            a += w;
            b += w * schlickWeight(wo.dot(h));
        }
    }
    const double n = double(kIntegrationRes) * kIntegrationRes;
    return {static_cast<float>(a / n), static_cast<float>(b / n)};
}

struct Tables {
    std::array<std::array<AlbedoTerms, kCosRes>, kRoughRes> e;
    std::array<AlbedoTerms, kRoughRes> average;

    Tables() {
        for (int j = 0; j < kRoughRes; ++j) {
            const float r = float(j) / (kRoughRes - 1);
            // mu = 0 is degenerate (grazing); its limit is approached closely enough.
            for (int i = 0; i < kCosRes; ++i)
                e[j][i] = integrate(std::max(sqr(float(i) / (kCosRes - 1)), 1e-4f), r);
            // 2 * integral of E mu dmu = 4 * integral of E(x) x^3 dx. With E linear in x on
            // each segment the integrand is a quartic, integrated exactly by 3-point
            // Gauss-Legendre, so the average matches what lookups return.
            const double nodes[3] = {-std::sqrt(0.6), 0.0, std::sqrt(0.6)};
            const double weights[3] = {5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0};
            double a = 0.0, b = 0.0;
            const double h = 1.0 / (kCosRes - 1);
            for (int i = 0; i + 1 < kCosRes; ++i) {
                for (int q = 0; q < 3; ++q) {
                    const double t = 0.5 * (1.0 + nodes[q]);
                    const double x = (i + t) * h, w = weights[q] * 0.5 * h * 4.0 * x * x * x;
                    a += w * lerp(float(t), e[j][i].a, e[j][i + 1].a);
                    b += w * lerp(float(t), e[j][i].b, e[j][i + 1].b);
                }
            }
            average[j] = {static_cast<float>(a), static_cast<float>(b)};
        }
    }
};

const Tables& tables() {
    static const Tables t;  // thread-safe lazy initialisation (a few ms)
    return t;
}

AlbedoTerms mix(const AlbedoTerms& x, const AlbedoTerms& y, float t) {
    return {lerp(t, x.a, y.a), lerp(t, x.b, y.b)};
}

// Continuous index into [0, res - 1]: lower node and fraction.
void locate(float x, int res, int& i, float& t) {
    const float f = clamp(x, 0.0f, 1.0f) * (res - 1);
    i = std::min(static_cast<int>(f), res - 2);
    t = f - i;
}

}  // namespace

AlbedoTerms ggxAlbedoTerms(float cosTheta, float roughness) {
    const float mu = clamp(cosTheta, 0.0f, 1.0f);
    if (isDeltaRoughness(roughness)) return {1.0f, schlickWeight(mu)};
    const Tables& t = tables();
    int i, j;
    float ti, tj;
    locate(std::sqrt(mu), kCosRes, i, ti);
    locate(roughness, kRoughRes, j, tj);
    return mix(mix(t.e[j][i], t.e[j][i + 1], ti), mix(t.e[j + 1][i], t.e[j + 1][i + 1], ti), tj);
}

AlbedoTerms ggxAverageAlbedoTerms(float roughness) {
    // 2 * integral of (1 - mu)^5 mu over [0,1] = 2 / 42.
    if (isDeltaRoughness(roughness)) return {1.0f, 1.0f / 21.0f};
    const Tables& t = tables();
    int j;
    float tj;
    locate(roughness, kRoughRes, j, tj);
    return mix(t.average[j], t.average[j + 1], tj);
}

}  // namespace rt
