#include "shading/Bsdf.h"

#include <type_traits>

#include "shading/Fresnel.h"

namespace rt {

namespace {

// Directions this close to the tangent plane carry no energy and make the microfacet
// terms ill-conditioned.
constexpr float kMinCos = 1e-6f;
// A lobe is never chosen with less than this fraction of its weight (times its scale) as
// long as it may contribute, so a poor albedo estimate cannot starve it.
constexpr float kMinSelection = 1e-3f;

Vec3f mirrorZ(const Vec3f& w) {
    return Vec3f(w.x, w.y, -w.z);
}

// Opaque lobes shade the side wo is on: mirror the frame when wo is below the surface.
template <typename L>
bool mirrored(const Vec3f& wo) {
    return L::kOpaque && wo.z < 0.0f;
}

// Applies fn(lobe, wo, wi) in the lobe's view of the local frame.
template <typename Variant, typename Fn>
auto inLobeFrame(const Variant& lobe, const Vec3f& wo, const Vec3f& wi, Fn&& fn) {
    return std::visit(
        [&](const auto& l) {
            using L = std::decay_t<decltype(l)>;
            return mirrored<L>(wo) ? fn(l, mirrorZ(wo), mirrorZ(wi)) : fn(l, wo, wi);
        },
        lobe);
}

float sanitize(float x) {
    return std::isfinite(x) && x > 0.0f ? x : 0.0f;
}

Color sanitize(const Color& c) {
    return Color(sanitize(c.x), sanitize(c.y), sanitize(c.z));
}

// A lobe's scattering type in light path expressions.
template <typename Variant>
char scatterType(const Variant& lobe) {
    return std::visit(
        [](const auto& l) {
            using L = std::decay_t<decltype(l)>;
            if (std::is_same_v<L, LambertLobe>) return 'D';
            return l.isDelta() ? 'S' : 'G';
        },
        lobe);
}

}  // namespace

Bsdf::Bsdf(const Material& material, const Vec3f& ng, const Color& diffuseColor)
    : m_frame(Frame::fromNormal(ng)) {
    const auto unit = [](float x) { return std::isfinite(x) ? clamp(x, 0.0f, 1.0f) : 0.0f; };
    const Color color(unit(diffuseColor.x), unit(diffuseColor.y), unit(diffuseColor.z));
    const float metallic = unit(material.metallic);
    const float transmission = unit(material.transmission);
    const float specular = unit(material.specular);
    const float roughness = unit(material.roughness);
    const float eta = std::isfinite(material.refractiveIndex)
                          ? clamp(material.refractiveIndex, 0.01f, 100.0f)
                          : 1.5f;

    const float metalWeight = metallic;
    const float glassWeight = (1.0f - metallic) * transmission;
    const float baseWeight = (1.0f - metallic) * (1.0f - transmission);
    if (metalWeight > 0.0f) add(MicrofacetReflectionLobe(color, metalWeight, roughness));
    if (glassWeight > 0.0f) {
        // sqrt: a path through a closed object crosses two interfaces and is tinted once.
        const Color tint(std::sqrt(color.x), std::sqrt(color.y), std::sqrt(color.z));
        add(DielectricLobe(eta, tint, glassWeight, roughness));
    }
    if (baseWeight > 0.0f) {
        const float coatF0 = dielectricF0(eta);
        if (specular > 0.0f)
            add(MicrofacetReflectionLobe(Color(coatF0), baseWeight * specular, roughness));
        if (!isBlack(color)) add(LambertLobe(color * baseWeight, specular, coatF0, roughness));
    }
}

void Bsdf::add(const Lobe& lobe) {
    std::visit(
        [&](const auto& l) {
            m_hasNonDelta |= !l.isDelta();
            m_selectionFloor[m_lobeCount] =
                kMinSelection * sanitize(l.selectionWeight(Vec3f(0.0f, 0.0f, 1.0f)));
        },
        lobe);
    m_lobes[m_lobeCount++] = lobe;
}

bool Bsdf::hasNonDeltaLobes() const {
    return m_hasNonDelta;
}

Color Bsdf::albedo() const {
    Color sum(0.0f);
    for (int k = 0; k < m_lobeCount; ++k)
        sum += std::visit([](const auto& l) { return l.albedo(); }, m_lobes[k]);
    return sum;
}

int Bsdf::lobeProperties(LobeProperties out[4]) const {
    using namespace lobe_bits;
    for (int k = 0; k < m_lobeCount; ++k) {
        out[k] = std::visit(
            [](const auto& l) {
                using L = std::decay_t<decltype(l)>;
                LobeProperties p;
                p.color = l.color();
                p.albedo = l.albedo();
                p.roughness = l.roughness();
                const int category = std::is_same_v<L, LambertLobe> ? kDiffuse
                                     : l.isDelta()                  ? kMirror
                                                                    : kGlossy;
                if (std::is_same_v<L, DielectricLobe>) {
                    p.bits = kReflection | kTransmission | category;
                    p.label = "specular transmission";
                } else {
                    p.bits = kReflection | category;
                    p.label = std::is_same_v<L, LambertLobe> ? "diffuse" : "specular";
                }
                return p;
            },
            m_lobes[k]);
    }
    return m_lobeCount;
}

bool Bsdf::choiceProbabilities(const Vec3f& wo, Probabilities& p) const {
    float total = 0.0f;
    for (int k = 0; k < m_lobeCount; ++k) {
        p[k] = inLobeFrame(m_lobes[k], wo, wo, [](const auto& l, const Vec3f& w, const Vec3f&) {
            return sanitize(l.selectionWeight(w));
        });
        p[k] = std::max(p[k], m_selectionFloor[k]);
        total += p[k];
    }
    if (!(total > 0.0f) || !std::isfinite(total)) return false;
    for (int k = 0; k < m_lobeCount; ++k) p[k] /= total;
    return true;
}

Color Bsdf::evalLocal(const Vec3f& wo, const Vec3f& wi) const {
    Color f(0.0f);
    for (int k = 0; k < m_lobeCount; ++k)
        f += inLobeFrame(m_lobes[k], wo, wi, [](const auto& l, const Vec3f& o, const Vec3f& i) {
            return l.eval(o, i);
        });
    return sanitize(f);
}

float Bsdf::pdfLocal(const Vec3f& wo, const Vec3f& wi, const Probabilities& p) const {
    float pdf = 0.0f;
    for (int k = 0; k < m_lobeCount; ++k) {
        if (p[k] <= 0.0f) continue;
        pdf += p[k] *
               inLobeFrame(m_lobes[k], wo, wi, [](const auto& l, const Vec3f& o, const Vec3f& i) {
                   return l.pdf(o, i);
               });
    }
    return sanitize(pdf);
}

Color Bsdf::eval(const Vec3f& woWorld, const Vec3f& wiWorld) const {
    const Vec3f wo = m_frame.toLocal(woWorld), wi = m_frame.toLocal(wiWorld);
    if (std::abs(wo.z) < kMinCos || std::abs(wi.z) < kMinCos) return Color(0.0f);
    return evalLocal(wo, wi);
}

int Bsdf::evalLobes(const Vec3f& woWorld, const Vec3f& wiWorld, LobeValue out[4]) const {
    const Vec3f wo = m_frame.toLocal(woWorld), wi = m_frame.toLocal(wiWorld);
    if (std::abs(wo.z) < kMinCos || std::abs(wi.z) < kMinCos) return 0;
    int n = 0;
    for (int k = 0; k < m_lobeCount; ++k) {
        const char scatter = scatterType(m_lobes[k]);
        if (scatter == 'S') continue;  // a delta lobe has no value off its one direction
        out[n].f = sanitize(inLobeFrame(
            m_lobes[k], wo, wi,
            [](const auto& l, const Vec3f& o, const Vec3f& i) { return l.eval(o, i); }));
        out[n++].scatter = scatter;
    }
    return n;
}

float Bsdf::pdf(const Vec3f& woWorld, const Vec3f& wiWorld) const {
    const Vec3f wo = m_frame.toLocal(woWorld), wi = m_frame.toLocal(wiWorld);
    Probabilities p;
    if (std::abs(wo.z) < kMinCos || std::abs(wi.z) < kMinCos || !choiceProbabilities(wo, p))
        return 0.0f;
    return pdfLocal(wo, wi, p);
}

bool Bsdf::sample(const Vec3f& woWorld, float uLobe, const Vec2f& u, BsdfSample& out) const {
    const Vec3f wo = m_frame.toLocal(woWorld);
    Probabilities p;
    if (std::abs(wo.z) < kMinCos || !choiceProbabilities(wo, p)) return false;

    // Pick a lobe and reuse the rest of uLobe for the lobe's own discrete choice.
    int k = 0;
    float cdf = 0.0f;
    while (k + 1 < m_lobeCount && uLobe >= cdf + p[k]) cdf += p[k++];
    const float uc = clamp((uLobe - cdf) / p[k], 0.0f, kOneMinusEpsilon);

    LobeSample ls;
    const bool ok =
        inLobeFrame(m_lobes[k], wo, wo, [&](const auto& l, const Vec3f& o, const Vec3f&) {
            if (!l.sample(o, uc, u, ls)) return false;
            if (o.z != wo.z) ls.wi = mirrorZ(ls.wi);  // back to the unmirrored frame
            return true;
        });
    if (!ok || std::abs(ls.wi.z) < kMinCos) return false;

    if (ls.isDelta) {
        out.pdf = p[k] * ls.pdf;
        if (!(out.pdf > 0.0f)) return false;
        out.weight = sanitize(ls.f / out.pdf);
    } else {
        // One-sample MIS over the lobes: the direction could have come from any non-delta
        // lobe, so divide the full f by the full mixture density.
        out.pdf = pdfLocal(wo, ls.wi, p);
        if (!(out.pdf > 0.0f)) return false;
        out.weight = sanitize(evalLocal(wo, ls.wi) / out.pdf);
    }
    out.wi = m_frame.toWorld(ls.wi).normalized();
    out.isDelta = ls.isDelta;
    out.isTransmission = (ls.wi.z > 0.0f) != (wo.z > 0.0f);
    out.scatter = scatterType(m_lobes[k]);
    return isFinite(out.weight);
}

}  // namespace rt
