#pragma once
// MoonRay's material aov expressions (RenderOutput `material_aov`), in its grammar:
//   ['geometry labels'.]['material labels'.]['lobe labels'.][selector.][fresnel.]property
// Labels are quoted ('specular' 'diffuse': any of them matches); the selector is made of
// R T (sides) D G M (diffuse, glossy, mirror) and SS (subsurface); the property is one
// of MoonRay's names (doc/OUTPUT.md lists the ones we compute). Parsed when the scene
// loads, evaluated at the camera ray's first hit (integrator/MaterialAovs).
#include <stdexcept>
#include <string>
#include <vector>

#include "scene/PrimitiveAttribute.h"
#include "scene/StateVariable.h"

namespace rt {

// Lobe selection bits: a lobe matches when it shares a side bit and a category bit.
namespace lobe_bits {
inline constexpr int kReflection = 1, kTransmission = 2;
inline constexpr int kDiffuse = 4, kGlossy = 8, kMirror = 16;
inline constexpr int kSides = kReflection | kTransmission;
inline constexpr int kCategories = kDiffuse | kGlossy | kMirror;
inline constexpr int kAll = kSides | kCategories;
}  // namespace lobe_bits

struct MaterialAovExpression {
    enum class Property {
        Albedo,     // sum over the selected lobes
        Color,      // sum over the selected lobes
        Emission,   // the material's own emission
        Normal,     // average over the selected lobes
        Radius,     // subsurface radius
        Roughness,  // average over the selected lobes, (u, v)
        Matte,      // 1 where any selected lobe exists
        StateVariable,
        PrimitiveAttribute,
    };

    std::string text;  // as written
    std::vector<std::string> geometryLabels, materialLabels, lobeLabels;
    int lobes = lobe_bits::kAll;  // lobe_bits; 0: no lobe (only "SS.")
    bool subsurface = true;       // the selector includes the bssrdf
    bool defaultSelector = true;  // no selector was written
    Property property = Property::Albedo;
    StateVariable stateVariable = StateVariable::P;  // Property::StateVariable
    std::string attribute;                           // Property::PrimitiveAttribute
    AttributeType attributeType = AttributeType::Float;

    // Values per sample: 3 for colours and vectors, 2 for roughness, St, motionvec and
    // vec2 attributes, 1 for matte, depth and float attributes.
    int components() const;
    // Whether the values are colours (channels .R .G .B) rather than vectors (.X .Y .Z).
    bool isColour() const;
};

class MaterialAovSyntaxError : public std::runtime_error {
  public:
    // `unsupported`: the expression is valid MoonRay, but asks for what we do not compute.
    MaterialAovSyntaxError(const std::string& what, bool unsupported)
        : std::runtime_error(what), m_unsupported(unsupported) {}
    bool unsupported() const { return m_unsupported; }

  private:
    bool m_unsupported;
};

// Throws MaterialAovSyntaxError, naming the expression and what is wrong, for text that
// does not parse, for combinations MoonRay rejects (emission with a selector, factor
// without fresnel, ...) and for what we do not compute (fresnel properties,
// pbr_validity, the screen-space derivatives dSdx ... dTdy).
MaterialAovExpression parseMaterialAov(const std::string& text);

// The components of a primitive attribute of `type`.
int attributeComponents(AttributeType type);

// The components of state variable `variable`.
int stateVariableComponents(StateVariable variable);

}  // namespace rt
