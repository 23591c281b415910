#pragma once
// A subset of MoonRay's DwaBaseMaterial. Lobes (see doc/SHADING.md):
//   metallic        -> GGX conductor tinted by diffuse_color
//   transmission    -> dielectric (smooth when roughness == 0), refractive_index
//   the remainder   -> Lambert diffuse_color under a GGX dielectric coat of weight `specular`
#include <string>

#include "core/Math.h"

namespace rt {

struct Material {
    std::string name;
    std::string label;  // MoonRay `label`: names the material's events in light path expressions
    Color diffuseColor{0.8f, 0.8f, 0.8f};
    float metallic = 0.0f;         // [0,1]
    float specular = 1.0f;         // coat weight [0,1]
    float roughness = 0.5f;        // perceptual roughness [0,1]; GGX alpha = roughness^2
    float transmission = 0.0f;     // [0,1]
    float refractiveIndex = 1.5f;  // > 0
    // bind(AttributeMap(...), colour) on the diffuse colour: the primitive attribute whose
    // value (per face or constant) multiplies diffuseColor, and the map's default_value
    // where a geometry has no such attribute. Empty: not bound.
    std::string diffuseColorAttribute;
    Color diffuseColorAttributeDefault{0.0f, 0.0f, 0.0f};
};

}  // namespace rt
