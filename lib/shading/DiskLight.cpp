#include "shading/DiskLight.h"

#include "sampling/Warp.h"

namespace rt {

DiskLight::DiskLight(const LightDesc& desc)
    : PlanarLight(desc, kPi * desc.radius * desc.radius), m_radius(desc.radius) {}

Vec2f DiskLight::sampleLocal(const Vec2f& u) const {
    // Concentric map: uniform by area and keeps stratification.
    return squareToConcentricDisk(u) * m_radius;
}

bool DiskLight::containsLocal(float x, float y) const {
    return x * x + y * y <= m_radius * m_radius;
}

}  // namespace rt
