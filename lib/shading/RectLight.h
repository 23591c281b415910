#pragma once
// RectLight: width along local X, height along local Y, centred at the local origin,
// one-sided (see PlanarLight).
#include "shading/PlanarLight.h"

namespace rt {

class RectLight final : public PlanarLight {
  public:
    explicit RectLight(const LightDesc& desc);  // desc validated by createLights

  protected:
    Vec2f sampleLocal(const Vec2f& u) const override;
    bool containsLocal(float x, float y) const override;

  private:
    float m_halfWidth;
    float m_halfHeight;
};

}  // namespace rt
