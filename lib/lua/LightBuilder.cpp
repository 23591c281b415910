// Light objects -> LightDesc (EnvLight textures are decoded here).
#include <cmath>
#include <memory>

#include "lua/Builders.h"
#include "lua/TextureLoader.h"

namespace rt {
namespace {

LightType lightType(const std::string& cls) {
    if (cls == "RectLight") return LightType::Rect;
    if (cls == "SphereLight") return LightType::Sphere;
    if (cls == "DiskLight") return LightType::Disk;
    if (cls == "DistantLight") return LightType::Distant;
    if (cls == "SpotLight") return LightType::Spot;
    return LightType::Env;
}

// Reads a float attribute that must lie in (lo, hi].
float positive(const RdlObject& obj, const std::string& name, float fallback, float hi = INFINITY) {
    const float v = obj.getFloat(name, fallback);
    if (!(v > 0.0f && v <= hi)) {
        failAt(*obj.find(name), name,
               obj.describe() + ": " + name + " must be in (0, " +
                   (std::isinf(hi) ? std::string("inf") : std::to_string(hi)) + "], got " +
                   std::to_string(v));
    }
    return v;
}

// SpotLight's cone and lens (MoonRay's names; createLights checks the values).
SpotLightParams spotParams(const RdlObject& obj) {
    SpotLightParams s;
    s.lensRadius = positive(obj, "lens_radius", s.lensRadius);
    s.aspectRatio = positive(obj, "aspect_ratio", s.aspectRatio);
    s.focalPlaneDistance = obj.getFloat("focal_plane_distance", s.focalPlaneDistance);
    s.outerConeAngle = obj.getFloat("outer_cone_angle", s.outerConeAngle);
    s.innerConeAngle = obj.getFloat("inner_cone_angle", s.innerConeAngle);
    s.angleFalloffType = static_cast<int>(obj.getInt("angle_falloff_type", s.angleFalloffType));
    s.blackLevel = obj.getFloat("black_level", s.blackLevel);
    if (!(s.blackLevel >= 0.0f) || std::isinf(s.blackLevel)) {
        failAt(*obj.find("black_level"), "black_level",
               obj.describe() + ": black_level must be a finite radiance scale >= 0");
    }
    return s;
}

}  // namespace

LightDesc buildLight(const RdlObject& obj) {
    LightDesc light;
    light.type = lightType(obj.cls->name);
    light.name = obj.name;
    light.label = obj.getString("label", "");
    light.where = obj.where;
    light.nodeXform = obj.getMat4("node_xform");
    light.color = obj.getColor("color", light.color);
    light.intensity = obj.getFloat("intensity", light.intensity);
    light.exposure = obj.getFloat("exposure", light.exposure);
    light.visibleInCamera = obj.getBool("visible_in_camera", light.visibleInCamera);
    light.normalized = obj.getBool("normalized", light.normalized);
    light.maxShadowDistance = obj.getFloat("max_shadow_distance", 0.0f);
    if (!(light.maxShadowDistance >= 0.0f) || std::isinf(light.maxShadowDistance)) {
        failAt(
            *obj.find("max_shadow_distance"), "max_shadow_distance",
            obj.describe() + ": max_shadow_distance must be 0 (no limit) or a positive distance");
    }
    if (!isFinite(light.radianceScale()) || light.color.x < 0.0f || light.color.y < 0.0f ||
        light.color.z < 0.0f || light.intensity < 0.0f) {
        throw SceneError(obj.where, obj.describe() +
                                        ": color, intensity and exposure must give a finite, "
                                        "non-negative radiance");
    }
    switch (light.type) {
        case LightType::Rect:
            light.width = positive(obj, "width", light.width);
            light.height = positive(obj, "height", light.height);
            break;
        case LightType::Sphere:
        case LightType::Disk:
            light.radius = positive(obj, "radius", light.radius);
            break;
        case LightType::Distant:
            light.angularExtent = positive(obj, "angular_extent", light.angularExtent, 180.0f);
            break;
        case LightType::Spot:
            light.spot = spotParams(obj);
            break;
        case LightType::Env:
            if (const Attribute* texture = obj.find("texture");
                texture && !std::get<std::string>(texture->value).empty()) {
                light.texture = resolveScenePath(*texture);
                auto image = std::make_shared<RgbImage>();
                std::string error;
                if (!loadRgbTexture(light.texture, *image, error)) {
                    failAt(*texture, "texture", obj.describe() + ": " + error);
                }
                light.textureImage = std::move(image);
            }
            break;
    }
    return light;
}

}  // namespace rt
