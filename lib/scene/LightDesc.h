#pragma once
// Light descriptions as loaded from RDLA (plain data). lib/shading turns them into
// samplable lights. Radiance = color * intensity * 2^exposure, divided by the surface
// area when `normalized` (MoonRay's default for area lights).
#include <memory>
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/Math.h"
#include "core/RgbImage.h"

namespace rt {

enum class LightType { Rect, Sphere, Disk, Distant, Env, Spot };

// MoonRay's SpotLight: an elliptical lens in the local XY plane projecting a pool of light
// that is in focus on a plane `focalPlaneDistance` in front of it (doc/SHADING.md). Lengths
// are in node_xform's local units, angles in degrees (full angles, side to side).
struct SpotLightParams {
    float lensRadius = 1.0f;           // local X radius of the lens
    float aspectRatio = 1.0f;          // lens Y extent / X extent
    float focalPlaneDistance = 1e10f;  // MoonRay's default: the focal plane at infinity
    float outerConeAngle = 60.0f;      // no light outside it
    float innerConeAngle = 30.0f;      // full light inside it
    int angleFalloffType = 4;          // 0 off, 1 linear, 2 ease in, 3 ease out, 4 ease in/out
    float blackLevel = 0.001f;         // what camera rays see of the lens where it is dark
};

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
    SpotLightParams spot;         // SpotLight
    std::string texture;          // EnvLight lat-long map, absolute path; empty = constant
    std::shared_ptr<const RgbImage> textureImage;  // decoded by the loader when `texture` is set

    // MoonRay light_filters: indices into Scene::lightFilters, each once, those that are
    // on (scene/LightFilter.h).
    std::vector<int> filters;

    Color radianceScale() const { return color * (intensity * std::exp2(exposure)); }
};

}  // namespace rt
