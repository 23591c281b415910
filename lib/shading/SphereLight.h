#pragma once
// SphereLight: a sphere of `radius` at node_xform's origin (scaled by its uniform scale),
// emitting outward only. From outside, sample() draws uniformly from the cone the sphere
// subtends; a point inside or on the sphere sees only its back (non-emitting) side.
#include "shading/Light.h"

namespace rt {

class SphereLight final : public Light {
  public:
    explicit SphereLight(const LightDesc& desc);  // desc validated by createLights

    bool sample(const Vec3f& p, const Vec2f& u, LightSample& out) const override;
    bool intersect(const Ray& ray, LightHit& out) const override;
    bool escaped(const Vec3f&, const Vec3f&, LightHit&) const override { return false; }
    bool isInfinite() const override { return false; }

    const Vec3f& center() const { return m_center; }
    float radius() const { return m_radius; }  // world space
    const Color& radiance() const { return m_radiance; }

  private:
    // Versine of the subtended cone's half angle from a point at squared distance
    // dist2 > radius^2 from the centre.
    float coneVersine(float dist2) const;

    Vec3f m_center;
    float m_radius;
    Color m_radiance;
};

}  // namespace rt
