#pragma once
// The BSDF of a surface point: a weighted mixture of at most four lobes built from a
// Material (see doc/SHADING.md for the lobe model and conventions). Constructing one
// allocates nothing; it is meant to live on the stack for one path vertex.
#include <array>
#include <variant>

#include "core/Frame.h"
#include "core/Math.h"
#include "scene/Material.h"
#include "scene/MaterialAovExpression.h"
#include "shading/BsdfLobes.h"

namespace rt {

struct BsdfSample {
    Vec3f wi;  // world space, unit, pointing away from the surface
    // f * |cos theta_i| / pdf (for delta lobes: lobe throughput / lobe choice probability)
    Color weight;
    // Solid-angle pdf of the whole BSDF mixture; for delta samples the lobe choice probability.
    float pdf = 0.0f;
    bool isDelta = false;
    bool isTransmission = false;
    // The sampled lobe's scattering type for light path expressions: 'D' diffuse,
    // 'G' glossy, 'S' specular (a delta lobe).
    char scatter = 'D';
};

// One lobe's share of eval(), for light path expressions.
struct LobeValue {
    Color f;             // f * |cos theta_i| of this lobe alone
    char scatter = 'D';  // as in BsdfSample
};

// One lobe as material aovs see it (MoonRay's lobe properties, scene/MaterialAovExpression.h).
struct LobeProperties {
    int bits = 0;  // lobe_bits: its sides and its category
    // MoonRay's Dwa lobe labels: "diffuse", "specular" (coat and metal), "specular
    // transmission" (glass, which reflects as well: it has both side bits).
    const char* label = "";
    Color color{0.0f}, albedo{0.0f};
    float roughness = 0.0f;  // perceptual; MoonRay's (u, v) are both this value
};

class Bsdf {
  public:
    // ng: geometric normal (world, unit) as authored (outward for closed meshes; NOT flipped
    // toward wo).
    Bsdf(const Material& material, const Vec3f& ng) : Bsdf(material, ng, material.diffuseColor) {}
    // With the diffuse colour a primitive attribute gives this point (RenderScene).
    Bsdf(const Material& material, const Vec3f& ng, const Color& diffuseColor);

    // f(wo,wi)*|cos theta_i|, non-delta lobes only.
    Color eval(const Vec3f& wo, const Vec3f& wi) const;
    // eval() lobe by lobe (non-delta lobes only): fills `out` and returns how many; their
    // sum is eval() up to rounding.
    int evalLobes(const Vec3f& wo, const Vec3f& wi, LobeValue out[4]) const;
    // Mixture solid-angle pdf, non-delta lobes only.
    float pdf(const Vec3f& wo, const Vec3f& wi) const;
    bool sample(const Vec3f& wo, float uLobe, const Vec2f& u, BsdfSample& out) const;
    // false => next-event estimation is pointless.
    bool hasNonDeltaLobes() const;
    // For the albedo AOV: a rough directional-hemispherical reflectance estimate.
    Color albedo() const;
    // The lobes for material aovs: fills `out` and returns how many; their albedos sum to
    // albedo().
    int lobeProperties(LobeProperties out[4]) const;

  private:
    static constexpr int kMaxLobes = 4;
    using Lobe = std::variant<LambertLobe, MicrofacetReflectionLobe, DielectricLobe>;
    using Probabilities = std::array<float, kMaxLobes>;

    void add(const Lobe& lobe);
    // Lobe choice probabilities for a local wo; false when no lobe reflects anything.
    bool choiceProbabilities(const Vec3f& wo, Probabilities& p) const;
    Color evalLocal(const Vec3f& wo, const Vec3f& wi) const;
    float pdfLocal(const Vec3f& wo, const Vec3f& wi, const Probabilities& p) const;

    Frame m_frame;
    std::array<Lobe, kMaxLobes> m_lobes;
    // Lower bound of each lobe's choice weight, so a poor albedo estimate cannot starve it.
    Probabilities m_selectionFloor{};
    int m_lobeCount = 0;
    bool m_hasNonDelta = false;
};

}  // namespace rt
