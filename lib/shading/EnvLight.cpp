#include "shading/EnvLight.h"

#include <limits>
#include <vector>

#include "sampling/Warp.h"
#include "shading/LightUtil.h"

namespace rt {

namespace {

// Below this sin(theta) the pdf's 1/sin(theta) is clamped: a direction exactly at a pole
// (a mirror under a camera looking straight down) still gets a finite pdf.
constexpr float kMinSinTheta = 1e-6f;

}  // namespace

Vec3f EnvLight::uvToDirection(const Vec2f& uv) {
    const float theta = kPi * uv.y;
    const float phi = kTwoPi * uv.x;
    const float sinTheta = std::sin(theta);
    return Vec3f(sinTheta * std::sin(phi), std::cos(theta), -sinTheta * std::cos(phi));
}

Vec2f EnvLight::directionToUv(const Vec3f& dir, float* sinThetaOut) {
    const float sinTheta = std::sqrt(dir.x * dir.x + dir.z * dir.z);
    const float theta = std::atan2(sinTheta, dir.y);  // accurate near the poles, unlike acos
    float u = std::atan2(dir.x, -dir.z) * kInv2Pi;
    if (u < 0.0f) u += 1.0f;
    if (sinThetaOut) *sinThetaOut = sinTheta;
    return Vec2f(std::min(u, kOneMinusEpsilon), std::min(theta * kInvPi, kOneMinusEpsilon));
}

EnvLight::EnvLight(const LightDesc& desc)
    : Light(desc),
      m_scale(desc.radianceScale()),
      m_frame(lightutil::rotationFrame(desc)),
      m_image(desc.textureImage) {
    if (!m_image) return;
    const int w = m_image->width, h = m_image->height;
    // pdf over uv follows luminance; the sin(theta) of each row undoes the lat-long
    // map's oversampling of the poles so that the solid-angle pdf follows luminance.
    std::vector<float> f(static_cast<size_t>(w) * h);
    for (int y = 0; y < h; ++y) {
        const float sinTheta = std::sin(kPi * (static_cast<float>(y) + 0.5f) / h);
        for (int x = 0; x < w; ++x) {
            f[static_cast<size_t>(y) * w + x] = luminance(texel(x, y)) * sinTheta;
        }
    }
    m_distribution = std::make_unique<Distribution2D>(f.data(), w, h);
}

Color EnvLight::texel(int x, int y) const {
    // HDR files can hold NaN, inf or negative values: sampling needs non-negative ones.
    Color c = m_image->at(x, y);
    for (int i = 0; i < 3; ++i) {
        if (!(std::isfinite(c[i]) && c[i] > 0.0f)) c[i] = 0.0f;
    }
    return c;
}

bool EnvLight::evaluate(const Vec3f& dir, Color& radiance, float& pdf) const {
    if (!m_image) {
        radiance = m_scale;
        pdf = uniformSpherePdf();
        return !isBlack(radiance);
    }
    float sinTheta = 0.0f;
    const Vec2f uv = directionToUv(m_frame.toLocal(dir), &sinTheta);
    const int x = std::min(static_cast<int>(uv.x * m_image->width), m_image->width - 1);
    const int y = std::min(static_cast<int>(uv.y * m_image->height), m_image->height - 1);
    radiance = texel(x, y) * m_scale;
    // Jacobian of (u, v) -> direction: d omega = 2 pi^2 sin(theta) du dv.
    pdf = m_distribution->pdf(uv) / (2.0f * kPi * kPi * std::max(sinTheta, kMinSinTheta));
    return !isBlack(radiance) && pdf > 0.0f && std::isfinite(pdf);
}

bool EnvLight::sample(const Vec3f&, const Vec2f& u, LightSample& out) const {
    Vec3f wi;
    if (!m_image) {
        wi = squareToUniformSphere(u);
    } else {
        float pdfUv = 0.0f;
        const Vec2f uv = m_distribution->sample(u, pdfUv);
        if (!(pdfUv > 0.0f)) return false;
        wi = normalize(m_frame.toWorld(uvToDirection(uv)));
    }
    // Radiance and pdf come from the direction, exactly as escaped() computes them, so
    // that the two agree even where rounding moves a sample across a texel edge.
    Color radiance;
    float pdf = 0.0f;
    if (!evaluate(wi, radiance, pdf)) return false;
    out = LightSample{wi, std::numeric_limits<float>::infinity(), radiance, pdf};
    return true;
}

bool EnvLight::escaped(const Vec3f&, const Vec3f& dir, LightHit& out) const {
    Color radiance;
    float pdf = 0.0f;
    if (!evaluate(dir, radiance, pdf)) return false;
    out = LightHit{std::numeric_limits<float>::infinity(), radiance, pdf};
    return true;
}

}  // namespace rt
