// createLights: validation of every LightDesc, then one light object per desc.
#include "core/Error.h"
#include "core/Transform.h"
#include "shading/DiskLight.h"
#include "shading/DistantLight.h"
#include "shading/EnvLight.h"
#include "shading/Light.h"
#include "shading/LightUtil.h"
#include "shading/RectLight.h"
#include "shading/SphereLight.h"
#include "shading/SpotLight.h"

namespace rt {

namespace {

using lightutil::fail;

// Sizes must be positive: a zero-size light has no area to normalize by and emits nothing.
void requirePositive(const LightDesc& desc, float value, const char* attribute) {
    if (!(std::isfinite(value) && value > 0.0f))
        fail(desc, std::string(attribute) + " must be positive, got " + std::to_string(value));
}

void validateTexture(const LightDesc& desc) {
    if (!desc.texture.empty() && !desc.textureImage)
        fail(desc, "texture \"" + desc.texture + "\" was not loaded");
    if (!desc.textureImage) return;
    const RgbImage& image = *desc.textureImage;
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<size_t>(image.width) * image.height)
        fail(desc, "texture \"" + desc.texture + "\" has no pixels or inconsistent size");
}

// MoonRay clamps the cone angles and the focal distance (SpotCone::fromParams); what
// has no meaning at all (a lens without size, NaN) is an error.
void validateSpot(const LightDesc& desc) {
    const SpotLightParams& s = desc.spot;
    requirePositive(desc, s.lensRadius, "lens_radius");
    requirePositive(desc, s.aspectRatio, "aspect_ratio");
    if (!std::isfinite(s.focalPlaneDistance)) fail(desc, "focal_plane_distance must be finite");
    if (!std::isfinite(s.outerConeAngle) || !std::isfinite(s.innerConeAngle))
        fail(desc, "outer_cone_angle and inner_cone_angle must be finite");
    if (!(std::isfinite(s.blackLevel) && s.blackLevel >= 0.0f))
        fail(desc, "black_level must be finite and non-negative");
    if (s.angleFalloffType < 0 || s.angleFalloffType > 4)
        fail(desc, "angle_falloff_type must be 0 to 4, got " + std::to_string(s.angleFalloffType));
}

std::unique_ptr<Light> createLight(const LightDesc& desc) {
    lightutil::validateCommon(desc);
    switch (desc.type) {
        case LightType::Rect:
            requirePositive(desc, desc.width, "width");
            requirePositive(desc, desc.height, "height");
            return std::make_unique<RectLight>(desc);
        case LightType::Disk:
            requirePositive(desc, desc.radius, "radius");
            return std::make_unique<DiskLight>(desc);
        case LightType::Sphere:
            requirePositive(desc, desc.radius, "radius");
            if (uniformScale(desc.nodeXform) <= 0.0f)
                fail(desc,
                     "node_xform must be a rotation, uniform scale and translation "
                     "(a sphere light cannot become an ellipsoid)");
            return std::make_unique<SphereLight>(desc);
        case LightType::Distant:
            if (!(std::isfinite(desc.angularExtent) && desc.angularExtent >= 0.0f &&
                  desc.angularExtent <= 360.0f))
                fail(desc, "angular_extent must be in [0, 360] degrees, got " +
                               std::to_string(desc.angularExtent));
            return std::make_unique<DistantLight>(desc);
        case LightType::Env:
            validateTexture(desc);
            return std::make_unique<EnvLight>(desc);
        case LightType::Spot:
            validateSpot(desc);
            return std::make_unique<SpotLight>(desc);
    }
    fail(desc, "unknown light type");
}

}  // namespace

std::vector<std::unique_ptr<Light>> createLights(const std::vector<LightDesc>& descs) {
    std::vector<std::unique_ptr<Light>> lights;
    lights.reserve(descs.size());
    for (const LightDesc& desc : descs) lights.push_back(createLight(desc));
    return lights;
}

}  // namespace rt
