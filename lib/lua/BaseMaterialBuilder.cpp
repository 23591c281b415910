// MoonRay's BaseMaterial -> rt::Material (doc/SHADING.md, "BaseMaterial"). Its lobes that
// we have: Lambert diffuse (diffuse x diffuse_factor x diffuse_color) under a Schlick
// Fresnel specular of normal-incidence reflectance specular x specular_factor x
// specular_color and roughness specular_roughness. Our coat's Schlick F0 comes from its
// index of refraction, so a grey F0 becomes the index that gives it:
//   F0 = ((n - 1) / (n + 1))^2  <=>  n = (1 + sqrt F0) / (1 - sqrt F0).
// What else BaseMaterial has (directional diffuse, translucency, transmission, emission,
// retroreflection, iridescence, opacity, anisotropy, normals) is refused unless at
// MoonRay's default (RdlClassTable.cpp).
#include <cmath>

#include "lua/Builders.h"

namespace rt {
namespace {

// The coat index of refraction at or below which our lobes stay valid (the BSDF clamps
// refractive_index to 100): F0 up to ((100 - 1) / (100 + 1))^2 = 0.9608.
constexpr float kMaxSpecularF0 = 0.96f;

// MoonRay's evalColorComponent: the switch on, factor x colour (white by default); off,
// black. Only a factor the scene set can be out of range.
Color component(const RdlObject& obj, const char* on, const char* factor, float factorDefault,
                const char* colour) {
    if (!obj.getBool(on, true)) return Color(0.0f);
    const float f = obj.getFloat(factor, factorDefault);
    if (!(f >= 0.0f) || std::isinf(f))
        failAt(*obj.find(factor), factor,
               obj.describe() + ": " + factor + " must be finite and non-negative");
    return colourAttr(obj, colour, Color(1.0f)) * f;
}

}  // namespace

Material buildBaseMaterial(const RdlObject& obj) {
    Material m;
    m.name = obj.name;
    m.label = obj.getString("label", "");
    m.metallic = 0.0f;
    m.transmission = 0.0f;
    m.diffuseColor = component(obj, "diffuse", "diffuse_factor", 1.0f, "diffuse_color");

    // MoonRay's defaults: specular on, factor 0.1, white, roughness 0.3.
    const Color f0 = component(obj, "specular", "specular_factor", 0.1f, "specular_color");
    if (f0.x != f0.y || f0.y != f0.z) {
        const char* culprit = obj.find("specular_color") ? "specular_color" : "specular_factor";
        failAt(*obj.find(culprit), culprit,
               obj.describe() + ": a tinted specular (F0 " + std::to_string(f0.x) + " " +
                   std::to_string(f0.y) + " " + std::to_string(f0.z) +
                   ") is not supported: it would change the picture (our specular coat is "
                   "untinted; a grey specular_color is accepted; doc/SCENES.md)");
    }
    if (f0.x > kMaxSpecularF0) {
        const char* culprit = obj.find("specular_factor") ? "specular_factor" : "specular_color";
        failAt(*obj.find(culprit), culprit,
               obj.describe() + ": a specular reflectance of " + std::to_string(f0.x) +
                   " at normal incidence is not supported (at most 0.96: use a metal)");
    }
    m.roughness = unitFloat(obj, "specular_roughness", 0.3f);
    if (f0.x > 0.0f) {
        const double s = std::sqrt(static_cast<double>(f0.x));
        m.specular = 1.0f;
        m.refractiveIndex = static_cast<float>((1.0 + s) / (1.0 - s));
    } else {
        m.specular = 0.0f;  // the index then shades nothing: keep our default
    }
    return m;
}

}  // namespace rt
