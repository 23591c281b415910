#include "shading/SpotCone.h"

namespace rt {

float spotFalloffCurve(int type, float t) {
    t = clamp(t, 0.0f, 1.0f);
    switch (type) {
        case 0:  // off: full light up to the outer cone
            return t > 0.0f ? 1.0f : 0.0f;
        case 2:  // ease in: zero slope at the outer cone
            return t * t;
        case 3:  // ease out: zero slope at the inner cone
            return t * (2.0f - t);
        case 4:  // ease in/out: zero slope at both
            return t * t * (3.0f - 2.0f * t);
        default:  // linear
            return t;
    }
}

SpotCone SpotCone::fromParams(const SpotLightParams& params) {
    SpotCone c;
    c.falloffType = params.angleFalloffType;
    c.lensRadiusX = params.lensRadius;
    c.lensRadiusY = params.lensRadius / params.aspectRatio;

    // tan(90 degrees) would be infinite: MoonRay keeps the angles just inside 180.
    const float outer = clamp(params.outerConeAngle, -179.999f, 179.999f);
    const float inner = clamp(params.innerConeAngle, -179.999f, outer);
    const float tanOuter = std::tan(radians(0.5f * outer));
    const float tanInner = std::tan(radians(0.5f * inner));

    c.focalDistance = std::max(params.focalPlaneDistance, 1e-4f);
    // A beam that narrows (negative outer angle) has its apex at R / -tan(outer/2): the
    // focal plane must stay in front of it, or the pool would have no size.
    if (tanOuter < 0.0f)
        c.focalDistance = std::min(c.focalDistance, -0.999f * c.lensRadiusX / tanOuter);

    c.focalRadiusX = tanOuter * c.focalDistance + c.lensRadiusX;
    c.focalRadiusY = c.focalRadiusX / params.aspectRatio;
    c.falloffGradient = c.focalRadiusX / std::max((tanOuter - tanInner) * c.focalDistance, 1e-10f);
    c.crossOverDistance = c.focalDistance * c.lensRadiusX / (c.lensRadiusX + c.focalRadiusX);
    return c;
}

Vec2f SpotCone::lensToFocal(const Vec2f& lens, const Vec3f& p) const {
    const float z = p.z != 0.0f ? p.z : 1e-20f;
    return ((z - focalDistance) * lens + focalDistance * Vec2f(p.x, p.y)) / z;
}

Vec2f SpotCone::focalToLens(const Vec2f& focal, const Vec3f& p) const {
    float denominator = p.z - focalDistance;
    if (denominator == 0.0f) denominator = 1e-20f;
    return (p.z * focal - focalDistance * Vec2f(p.x, p.y)) / denominator;
}

float SpotCone::falloffParameter(const Vec2f& focal) const {
    const float r = std::sqrt(sqr(focal.x / focalRadiusX) + sqr(focal.y / focalRadiusY));
    return (1.0f - r) * falloffGradient;
}

}  // namespace rt
