#pragma once
// The geometry of MoonRay's SpotLight in its own frame ("spot space": the lens is the
// ellipse x^2/rx^2 + y^2/ry^2 <= 1 at z = 0 and light leaves toward +z). A ray from lens
// point L to a receiving point P crosses the focal plane z = f at Q; the radiance along
// it is the light's radiance times a falloff of Q's place in the pool of light on that
// plane, an ellipse of radii (R + f tan(outer/2)) and that over the aspect ratio. So the
// beam is a cone of half angle outer/2 grown by the lens radius, and the pool is sharp
// where P lies on the focal plane. doc/SHADING.md, "SpotLight", has the formulas.
#include "core/Math.h"
#include "scene/LightDesc.h"

namespace rt {

// MoonRay's angle_falloff_type on t in [0, 1] (0 at the outer cone, 1 at the inner one;
// t is clamped first): off is a step at the outer cone, linear t, ease in t^2, ease out
// t (2 - t), ease in/out t^2 (3 - 2t).
float spotFalloffCurve(int type, float t);

struct SpotCone {
    float lensRadiusX = 1.0f, lensRadiusY = 1.0f;
    float focalDistance = 1.0f;
    float focalRadiusX = 1.0f, focalRadiusY = 1.0f;
    // Rate at which the falloff parameter grows from the pool's edge inwards, per unit
    // of normalized focal radius.
    float falloffGradient = 1.0f;
    // Points nearer to the lens than this sample the focal plane rather than the lens:
    // the smaller of the two ellipses, seen from the point, is the better one to sample.
    float crossOverDistance = 0.0f;
    int falloffType = 4;

    // MoonRay's clamps: cone angles within (-180, 180) degrees, inner <= outer, the focal
    // distance at least 1e-4 and, for a beam that narrows, before the cone's apex.
    static SpotCone fromParams(const SpotLightParams& params);

    // Where the line from lens point `lens` (z = 0) to `p` (z > 0) crosses the focal
    // plane, and back.
    Vec2f lensToFocal(const Vec2f& lens, const Vec3f& p) const;
    Vec2f focalToLens(const Vec2f& focal, const Vec3f& p) const;

    bool insideLens(const Vec2f& lens) const {
        return sqr(lens.x / lensRadiusX) + sqr(lens.y / lensRadiusY) <= 1.0f;
    }
    bool insideFocalPool(const Vec2f& focal) const {
        return sqr(focal.x / focalRadiusX) + sqr(focal.y / focalRadiusY) <= 1.0f;
    }
    // The falloff parameter before the curve: 1 - (normalized focal radius), times the
    // gradient; <= 0 outside the outer cone, >= 1 inside the inner cone.
    float falloffParameter(const Vec2f& focal) const;
    float falloff(const Vec2f& focal) const {
        return spotFalloffCurve(falloffType, falloffParameter(focal));
    }
};

}  // namespace rt
