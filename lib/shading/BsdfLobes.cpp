#include "shading/BsdfLobes.h"

#include "sampling/Warp.h"
#include "shading/Fresnel.h"
#include "shading/MicrofacetAlbedo.h"

namespace rt {

namespace {

Vec3f mirrorZ(const Vec3f& w) {
    return Vec3f(w.x, w.y, -w.z);
}
Vec3f specularReflect(const Vec3f& wo) {
    return Vec3f(-wo.x, -wo.y, wo.z);
}

// Index of refraction so close to 1 that a rough interface would be a delta anyway.
constexpr float kIndexMatchedEpsilon = 1e-3f;

}  // namespace

// ---------------------------------------------------------------------------- Lambert

LambertLobe::LambertLobe(const Color& color, float coatWeight, float coatF0, float coatRoughness)
    : m_color(color), m_coatWeight(coatWeight), m_coatF0(coatF0), m_coatRoughness(coatRoughness) {
    if (m_coatWeight > 0.0f) {
        const float average = m_coatWeight * ggxAverageAlbedoTerms(coatRoughness).albedo(coatF0);
        // A coat that reflects (nearly) everything leaves nothing for the base.
        m_norm = average < 0.999f ? 1.0f / (1.0f - average) : 0.0f;
    }
}

float LambertLobe::coatTransmittance(float cosTheta) const {
    if (m_coatWeight <= 0.0f) return 1.0f;
    const float e = ggxAlbedoTerms(cosTheta, m_coatRoughness).albedo(m_coatF0);
    return std::max(0.0f, 1.0f - m_coatWeight * e);
}

Color LambertLobe::eval(const Vec3f& wo, const Vec3f& wi) const {
    if (wo.z <= 0.0f || wi.z <= 0.0f) return Color(0.0f);
    const float k = coatTransmittance(wo.z) * coatTransmittance(wi.z) * m_norm;
    return m_color * (k * wi.z * kInvPi);
}

float LambertLobe::pdf(const Vec3f& wo, const Vec3f& wi) const {
    return wo.z > 0.0f ? cosineHemispherePdf(wi.z) : 0.0f;
}

bool LambertLobe::sample(const Vec3f& wo, float, const Vec2f& u, LobeSample& s) const {
    if (wo.z <= 0.0f) return false;
    s.wi = squareToCosineHemisphere(u);
    s.isDelta = false;
    return s.wi.z > 0.0f;
}

float LambertLobe::selectionWeight(const Vec3f& wo) const {
    return luminance(m_color) * coatTransmittance(wo.z);
}

Color LambertLobe::albedo() const {
    if (m_coatWeight <= 0.0f) return m_color;
    const float average = ggxAverageAlbedoTerms(m_coatRoughness).albedo(m_coatF0);
    return m_color * (1.0f - m_coatWeight * average);
}

// ---------------------------------------------------------------- microfacet reflection

MicrofacetReflectionLobe::MicrofacetReflectionLobe(const Color& f0, float scale, float roughness)
    : m_f0(f0),
      m_scale(scale),
      m_roughness(roughness),
      m_ggx(roughnessToAlpha(roughness)),
      m_delta(roughnessToAlpha(roughness) < kMinGgxAlpha) {}

Color MicrofacetReflectionLobe::eval(const Vec3f& wo, const Vec3f& wi) const {
    if (m_delta || wo.z <= 0.0f || wi.z <= 0.0f) return Color(0.0f);
    const Vec3f h = (wo + wi).normalized();
    const float cosH = wo.dot(h);
    if (cosH <= 0.0f) return Color(0.0f);
    const float k = m_scale * m_ggx.d(h) * m_ggx.g2(wo, wi) / (4.0f * wo.z);
    return fresnelSchlick(m_f0, cosH) * k;
}

float MicrofacetReflectionLobe::pdf(const Vec3f& wo, const Vec3f& wi) const {
    if (m_delta || wo.z <= 0.0f || wi.z <= 0.0f) return 0.0f;
    const Vec3f h = (wo + wi).normalized();
    const float cosH = wo.dot(h);
    if (cosH <= 0.0f) return 0.0f;
    return m_ggx.visibleD(wo, h) / (4.0f * cosH);
}

bool MicrofacetReflectionLobe::sample(const Vec3f& wo, float, const Vec2f& u, LobeSample& s) const {
    if (wo.z <= 0.0f) return false;
    if (m_delta) {
        s.wi = specularReflect(wo);
        s.f = fresnelSchlick(m_f0, wo.z) * m_scale;
        s.pdf = 1.0f;
        s.isDelta = true;
        return true;
    }
    const Vec3f h = m_ggx.sampleVisible(wo, u);
    s.wi = reflect(wo, h);
    s.isDelta = false;
    return s.wi.z > 0.0f && wo.dot(h) > 0.0f;
}

float MicrofacetReflectionLobe::selectionWeight(const Vec3f& wo) const {
    return m_scale * luminance(ggxAlbedoTerms(wo.z, m_roughness).albedo(m_f0));
}

Color MicrofacetReflectionLobe::albedo() const {
    return ggxAverageAlbedoTerms(m_roughness).albedo(m_f0) * m_scale;
}

// ------------------------------------------------------------------------- dielectric

DielectricLobe::DielectricLobe(float eta, const Color& tint, float scale, float roughness)
    : m_eta(eta),
      m_tint(tint),
      m_scale(scale),
      m_roughness(roughness),
      m_ggx(roughnessToAlpha(roughness)),
      m_delta(roughnessToAlpha(roughness) < kMinGgxAlpha ||
              std::abs(eta - 1.0f) < kIndexMatchedEpsilon) {}

void DielectricLobe::evalPdf(const Vec3f& wo, const Vec3f& wi, float eta, Color* f,
                             float* pdf) const {
    if (f) *f = Color(0.0f);
    if (pdf) *pdf = 0.0f;
    const float cosO = wo.z, cosI = wi.z;
    if (m_delta || cosO <= 0.0f || cosI == 0.0f) return;
    const bool isReflection = cosI > 0.0f;
    // Generalized half vector (Walter et al. 2007, eq. 16), facing +Z.
    const float etap = isReflection ? 1.0f : eta;
    Vec3f h = wi * etap + wo;
    if (h.length2() == 0.0f) return;
    h.normalize();
    if (h.z < 0.0f) h = -h;
    const float dotO = wo.dot(h), dotI = wi.dot(h);
    // Both directions must see the front of the microfacet.
    if (dotO <= 0.0f || dotI * cosI <= 0.0f) return;
    const float fr = fresnelDielectric(dotO, eta);
    const float visible = m_ggx.visibleD(wo, h);
    if (isReflection) {
        if (f) *f = Color(m_scale * m_ggx.d(h) * m_ggx.g2(wo, wi) * fr / (4.0f * cosO));
        if (pdf) *pdf = visible * fr / (4.0f * dotO);
        return;
    }
    const float denom = sqr(dotI + dotO / etap);
    if (!(denom > 1e-12f) || fr >= 1.0f) return;
    if (f) {
        // Walter eq. 21 times |cos_i|; the 1 / etap^2 is the radiance change (n_o / n_i)^2.
        const float ft = m_ggx.d(h) * (1.0f - fr) * m_ggx.g2(wo, wi) * std::abs(dotI * dotO) /
                         (denom * cosO * etap * etap);
        *f = m_tint * (m_scale * ft);
    }
    if (pdf) *pdf = visible * (1.0f - fr) * std::abs(dotI) / denom;
}

Color DielectricLobe::eval(const Vec3f& wo, const Vec3f& wi) const {
    Color f;
    if (wo.z >= 0.0f)
        evalPdf(wo, wi, m_eta, &f, nullptr);
    else
        evalPdf(mirrorZ(wo), mirrorZ(wi), 1.0f / m_eta, &f, nullptr);
    return f;
}

float DielectricLobe::pdf(const Vec3f& wo, const Vec3f& wi) const {
    float p;
    if (wo.z >= 0.0f)
        evalPdf(wo, wi, m_eta, nullptr, &p);
    else
        evalPdf(mirrorZ(wo), mirrorZ(wi), 1.0f / m_eta, nullptr, &p);
    return p;
}

bool DielectricLobe::sample(const Vec3f& woIn, float uc, const Vec2f& u, LobeSample& s) const {
    const bool flip = woIn.z < 0.0f;
    const Vec3f wo = flip ? mirrorZ(woIn) : woIn;
    const float eta = flip ? 1.0f / m_eta : m_eta;
    if (wo.z <= 0.0f) return false;
    if (m_delta) {
        const float fr = fresnelDielectric(wo.z, eta);
        if (uc < fr) {
            s.wi = specularReflect(wo);
            s.f = Color(m_scale * fr);
            s.pdf = fr;
        } else {
            if (!refract(wo, Vec3f(0.0f, 0.0f, 1.0f), eta, s.wi)) return false;
            s.f = m_tint * (m_scale * (1.0f - fr) / (eta * eta));
            s.pdf = 1.0f - fr;
        }
        s.isDelta = true;
    } else {
        const Vec3f h = m_ggx.sampleVisible(wo, u);
        const float dotO = wo.dot(h);
        if (dotO <= 0.0f) return false;
        if (uc < fresnelDielectric(dotO, eta)) {
            s.wi = reflect(wo, h);
            if (s.wi.z <= 0.0f) return false;
        } else {
            if (!refract(wo, h, eta, s.wi) || s.wi.z >= 0.0f) return false;
        }
        s.isDelta = false;
    }
    if (flip) s.wi = mirrorZ(s.wi);
    return true;
}

float DielectricLobe::selectionWeight(const Vec3f& wo) const {
    const float fr = fresnelDielectric(std::abs(wo.z), wo.z >= 0.0f ? m_eta : 1.0f / m_eta);
    return m_scale * (fr + (1.0f - fr) * luminance(m_tint));
}

// A ray that enters and leaves a closed object is tinted twice.
Color DielectricLobe::albedo() const {
    return m_tint * m_tint * m_scale;
}

}  // namespace rt
