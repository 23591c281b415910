#include "shading/RectLight.h"

namespace rt {

RectLight::RectLight(const LightDesc& desc)
    : PlanarLight(desc, desc.width * desc.height),
      m_halfWidth(0.5f * desc.width),
      m_halfHeight(0.5f * desc.height) {}

Vec2f RectLight::sampleLocal(const Vec2f& u) const {
    return Vec2f((2.0f * u.x - 1.0f) * m_halfWidth, (2.0f * u.y - 1.0f) * m_halfHeight);
}

bool RectLight::containsLocal(float x, float y) const {
    return std::abs(x) <= m_halfWidth && std::abs(y) <= m_halfHeight;
}

}  // namespace rt
