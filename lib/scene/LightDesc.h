#pragma once
// Light descriptions as loaded from RDLA (plain data). lib/shading turns them into
// samplable lights. Radiance = color * intensity * 2^exposure, divided by the surface
// area when `normalized` (MoonRay's default for area lights).
#include <memory>
#include <string>

#include "core/Error.h"
#include "core/Math.h"
#include "core/RgbImage.h"

namespace rt {

enum class LightType { Rect, Sphere, Disk, Distant, Env };

struct LightDesc {
    LightType type = LightType::Rect;
    std::string name;
    std::string label;  // MoonRay `label`: names the light's events in light path expressions
    SourceLocation where;
    Mat4f nodeXform;  // light to world
    Color color{1.0f, 1.0f, 1.0f};
    float intensity = 1.0f;
    float exposure = 0.0f;
    bool normalized = true;       // area lights only
    bool visibleInCamera = true;  // area lights and EnvLight
    // MoonRay max_shadow_distance: occluders farther than this (world units) from the
    // shaded point do not shadow this light; 0 = every occluder does.
    float maxShadowDistance = 0.0f;
    float width = 1.0f;           // RectLight, local X
    float height = 1.0f;          // RectLight, local Y
    float radius = 1.0f;          // SphereLight, DiskLight
    float angularExtent = 0.53f;  // DistantLight, degrees (the sun)
    std::string texture;          // EnvLight lat-long map, absolute path; empty = constant
    std::shared_ptr<const RgbImage> textureImage;  // decoded by the loader when `texture` is set

    Color radianceScale() const { return color * (intensity * std::exp2(exposure)); }
};

}  // namespace rt
