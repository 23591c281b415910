#pragma once
// DiskLight: a disk of `radius` in the local XY plane centred at the local origin,
// one-sided (see PlanarLight). A non-uniform scale makes it an ellipse, handled exactly.
#include "shading/PlanarLight.h"

namespace rt {

class DiskLight final : public PlanarLight {
  public:
    explicit DiskLight(const LightDesc& desc);  // desc validated by createLights

  protected:
    Vec2f sampleLocal(const Vec2f& u) const override;
    bool containsLocal(float x, float y) const override;

  private:
    float m_radius;
};

}  // namespace rt
