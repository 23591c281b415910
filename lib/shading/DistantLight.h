#pragma once
// DistantLight: a disk-shaped source at infinity (MoonRay's "spherical cap on the sphere
// at infinity"), centred on node_xform's local +Z direction (the light travels toward
// local -Z) and `angular_extent` degrees across. Sampled uniformly over its cone.
#include "core/Frame.h"
#include "shading/Light.h"

namespace rt {

class DistantLight final : public Light {
  public:
    explicit DistantLight(const LightDesc& desc);  // desc validated by createLights

    bool sample(const Vec3f& p, const Vec2f& u, LightSample& out) const override;
    bool intersect(const Ray&, LightHit&) const override { return false; }
    bool escaped(const Vec3f& origin, const Vec3f& dir, LightHit& out) const override;
    bool isInfinite() const override { return true; }

    const Vec3f& direction() const { return m_frame.n; }  // world, unit, toward the light
    const Color& radiance() const { return m_radiance; }
    float solidAngle() const { return kTwoPi * m_versineMax; }

    // Half angles below this (radians) are clamped: a zero extent would be a delta light,
    // which a solid-angle pdf cannot express.
    static constexpr float kMinHalfAngle = 1e-6f;

  private:
    Frame m_frame;  // n: toward the light
    float m_versineMax;
    float m_chord2Limit;  // escaped() acceptance, see the constructor
    Color m_radiance;
};

}  // namespace rt
