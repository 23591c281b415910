#pragma once
// Shared code of the flat one-sided area lights (RectLight, DiskLight): a shape in the
// local XY plane, mapped to the world by node_xform (any invertible affine transform,
// so non-uniform scale and shear are exact), sampled uniformly by area.
#include "core/Frame.h"
#include "shading/Light.h"

namespace rt {

class PlanarLight : public Light {
  public:
    bool sample(const Vec3f& p, const Vec2f& u, LightSample& out) const override;
    bool intersect(const Ray& ray, LightHit& out) const override;
    bool escaped(const Vec3f&, const Vec3f&, LightHit&) const override { return false; }
    bool isInfinite() const override { return false; }

    float area() const { return m_area; }  // world space
    const Color& radiance() const { return m_radiance; }

  protected:
    // localArea: the shape's area in local units. desc must be valid.
    PlanarLight(const LightDesc& desc, float localArea);

    // A point of the shape (local XY), uniform by area for u uniform in [0,1)^2. An
    // affine map keeps area ratios, so it stays uniform in the world.
    virtual Vec2f sampleLocal(const Vec2f& u) const = 0;
    virtual bool containsLocal(float x, float y) const = 0;

  private:
    float solidAnglePdf(float dist2, const Vec3f& wi) const;

    Mat4f m_toWorld;
    Mat4f m_toLocal;
    Vec3f m_normal;  // world, unit, toward the emitting side
    float m_area;
    Color m_radiance;
};

}  // namespace rt
