#include "integrator/FirstHitAovs.h"

#include <bit>

namespace rt {
namespace {

using Property = MaterialAovExpression::Property;

void put(float* v, const Vec3f& x) {
    v[0] = x.x;
    v[1] = x.y;
    v[2] = x.z;
}

void writeStateVariable(const AovPrograms& programs, StateVariable variable, const FirstHit& first,
                        float* v) {
    switch (variable) {
        case StateVariable::P:
        case StateVariable::Wp:
            return put(v, first.hit.position);
        case StateVariable::Ng:
        case StateVariable::N:
            return put(v, first.facingNormal);
        case StateVariable::Depth:
            v[0] = first.depth;
            return;
        case StateVariable::MotionVector:  // nothing moves: 0
            v[0] = v[1] = 0.0f;
            return;
        case StateVariable::St:
        case StateVariable::DPds:
        case StateVariable::DPdt: {
            const SurfaceParameters sp = programs.surfaceParameters(
                first.hit.geometry, first.hit.primitive, first.hit.barycentric, first.hit.position);
            if (variable == StateVariable::St) {
                v[0] = sp.st.x;
                v[1] = sp.st.y;
                return;
            }
            return put(v, variable == StateVariable::DPds ? sp.dPds : sp.dPdt);
        }
    }
}

bool labelMatches(const std::vector<std::string>& wanted, const char* label) {
    if (wanted.empty()) return true;
    for (const std::string& w : wanted)
        if (w == label) return true;
    return false;
}

// A lobe is selected when it shares a side and a category with the expression, and
// carries one of its lobe labels.
bool selects(const MaterialAovExpression& e, const LobeProperties& lobe) {
    return (lobe.bits & e.lobes & lobe_bits::kSides) &&
           (lobe.bits & e.lobes & lobe_bits::kCategories) && labelMatches(e.lobeLabels, lobe.label);
}

// MoonRay's rule for state variables and primitive attributes: the hit is selected when
// a lobe is, or, with no selector written, when the material has no lobe at all.
bool hitSelected(const MaterialAovExpression& e, const LobeProperties* lobes, int count) {
    if (e.defaultSelector && count == 0) return true;
    for (int k = 0; k < count; ++k)
        if (selects(e, lobes[k])) return true;
    return false;
}

void writePrimitiveAttribute(const AovPrograms& programs, const AovPrograms::MaterialAov& aov,
                             const Hit& hit, float* v) {
    const PrimitiveAttribute* a = aov.attributes[hit.geometry];
    if (!a) return;  // keeps its miss value
    const size_t i = a->rate == PrimitiveAttribute::Rate::Constant
                         ? 0
                         : programs.faceOf(hit.geometry, hit.primitive);
    switch (aov.expression.attributeType) {
        case AttributeType::Float:
            v[0] = a->floats[i];
            return;
        case AttributeType::Rgb:
            return put(v, a->colors[i]);
        default:  // vec3
            return put(v, a->vectors[i]);
    }
}

// The hit's lobes, gathered once per sample for all of its material aovs.
struct Lobes {
    LobeProperties properties[4];
    int count = 0;
};

void writeMaterialAov(const AovPrograms& programs, const AovPrograms::MaterialAov& aov,
                      const FirstHit& first, const Lobes& hitLobes, float* v) {
    const MaterialAovExpression& e = aov.expression;
    if (!aov.labelsMatch[first.hit.geometry]) return;
    const LobeProperties* lobes = hitLobes.properties;
    const int count = hitLobes.count;
    switch (e.property) {
        case Property::StateVariable:
            if (hitSelected(e, lobes, count))
                writeStateVariable(programs, e.stateVariable, first, v);
            return;
        case Property::PrimitiveAttribute:
            if (hitSelected(e, lobes, count)) writePrimitiveAttribute(programs, aov, first.hit, v);
            return;
        case Property::Emission:  // our materials do not emit
        case Property::Radius:    // nor scatter below the surface
            put(v, Vec3f(0.0f));
            return;
        case Property::Matte:
            v[0] = hitSelected(e, lobes, count) ? 1.0f : 0.0f;
            return;
        default:
            break;
    }
    Color sum(0.0f);
    float roughness = 0.0f;
    int selected = 0;
    for (int k = 0; k < count; ++k) {
        if (!selects(e, lobes[k])) continue;
        ++selected;
        sum += e.property == Property::Albedo ? lobes[k].albedo : lobes[k].color;
        roughness += lobes[k].roughness;
    }
    switch (e.property) {
        case Property::Normal:  // every lobe shades with the same normal
            return put(v, selected > 0 ? first.facingNormal : Vec3f(0.0f));
        case Property::Roughness:
            v[0] = v[1] = selected > 0 ? roughness / static_cast<float>(selected) : 0.0f;
            return;
        default:  // albedo, color
            return put(v, sum);
    }
}

}  // namespace

void writeFirstHitAovs(const AovPrograms& programs, const FirstHit& first, float* values) {
    for (const AovPrograms::StateVariableAov& sv : programs.stateVariables())
        writeStateVariable(programs, sv.variable, first, values + sv.offset);
    if (!programs.wireframeOffsets().empty()) {
        const float edge =
            programs.onWireframe(first.hit.geometry, first.hit.primitive, first.hit.position)
                ? 1.0f
                : 0.0f;
        for (size_t offset : programs.wireframeOffsets()) values[offset] = edge;
    }
    for (const AovPrograms::CryptomatteAov& crypto : programs.cryptomattes())
        values[crypto.offset] = std::bit_cast<float>(programs.cryptomatteId(first.hit.geometry));
    if (programs.materialAovs().empty()) return;
    Lobes lobes;
    lobes.count = first.bsdf.lobeProperties(lobes.properties);
    for (const AovPrograms::MaterialAov& aov : programs.materialAovs())
        writeMaterialAov(programs, aov, first, lobes, values + aov.offset);
}

}  // namespace rt
