#pragma once
// SpotLight (MoonRay's): a one-sided elliptical lens of radius lens_radius (local X) and
// lens_radius / aspect_ratio (local Y) in the local XY plane, emitting down local -Z like
// the other planar lights, whose radiance along each ray falls off with where the ray
// crosses the focal plane (SpotCone). Any invertible affine node_xform is exact.
//
// Sampling follows MoonRay's two strategies: a point farther from the lens than the
// cross-over distance samples the lens uniformly by area; a nearer one samples the pool
// on the focal plane uniformly and maps it back onto the lens (rejecting what misses it),
// so that the few lens points that light a point close to the lens are found.
#include "shading/Light.h"
#include "shading/SpotCone.h"

namespace rt {

class SpotLight final : public Light {
  public:
    explicit SpotLight(const LightDesc& desc);  // desc validated by createLights

    bool sample(const Vec3f& p, const Vec2f& u, LightSample& out) const override;
    bool intersect(const Ray& ray, LightHit& out) const override;
    // Where the lens is dark, a camera ray sees black_level times the radiance.
    bool intersectFromCamera(const Ray& ray, LightHit& out) const override;
    bool escaped(const Vec3f&, const Vec3f&, LightHit&) const override { return false; }
    bool isInfinite() const override { return false; }

    const SpotCone& cone() const { return m_cone; }
    float lensArea() const { return m_lensArea; }         // world space
    const Color& radiance() const { return m_radiance; }  // at full falloff

  private:
    struct LensHit {
        float t;       // ray parameter
        Vec3f origin;  // the ray origin in spot space
        Vec2f focal;   // the ray's point on the focal plane
    };
    bool hitLens(const Ray& ray, LensHit& hit) const;
    bool samplesFocalPlane(const Vec3f& spotPoint) const {
        return spotPoint.z <= m_cone.crossOverDistance;
    }
    // Density per world area on the lens of the strategy used from `spotPoint`.
    float lensAreaPdf(const Vec3f& spotPoint) const;
    float solidAnglePdf(float areaPdf, float dist2, const Vec3f& wi) const;

    SpotCone m_cone;
    Mat4f m_spotToWorld;
    Mat4f m_worldToSpot;
    Vec3f m_normal;          // world, unit, toward the lit side
    float m_worldAreaScale;  // world area per spot-space area in the lens plane
    float m_lensArea;
    Color m_radiance;
    float m_blackLevel;
};

}  // namespace rt
