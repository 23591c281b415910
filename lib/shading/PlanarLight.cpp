#include "shading/PlanarLight.h"

#include "core/Transform.h"

namespace rt {

namespace {

// MoonRay's default ("regular") sidedness: area lights point down their local -Z axis,
// like a camera (MoonRay composes node_xform with a 180 degree rotation about X, see
// doc/SHADING.md). +1 would emit toward local +Z.
constexpr float kEmitSide = -1.0f;

}  // namespace

PlanarLight::PlanarLight(const LightDesc& desc, float localArea)
    : Light(desc), m_toWorld(desc.nodeXform), m_toLocal(desc.nodeXform.inverse()) {
    const Vec3f ex = transformVector(m_toWorld, Vec3f(1, 0, 0));
    const Vec3f ey = transformVector(m_toWorld, Vec3f(0, 1, 0));
    m_area = localArea * cross(ex, ey).length();
    // The plane's normal is the inverse transpose image of local Z; with this sign,
    // dot(q - center, m_normal) > 0 exactly where local z has the emitting sign.
    m_normal = transformNormal(m_toWorld, Vec3f(0, 0, kEmitSide));
    m_radiance = desc.radianceScale();
    if (desc.normalized) m_radiance /= m_area;
}

float PlanarLight::solidAnglePdf(float dist2, const Vec3f& wi) const {
    const float cosLight = -dot(m_normal, wi);
    if (!(cosLight > 0.0f)) return 0.0f;
    const float pdf = dist2 / (cosLight * m_area);
    return std::isfinite(pdf) ? pdf : 0.0f;
}

bool PlanarLight::sample(const Vec3f& p, const Vec2f& u, LightSample& out) const {
    if (isBlack(m_radiance)) return false;
    if (!(transformPoint(m_toLocal, p).z * kEmitSide > 0.0f)) return false;  // back side
    const Vec2f s = sampleLocal(u);
    const Vec3f q = transformPoint(m_toWorld, Vec3f(s.x, s.y, 0.0f));
    const Vec3f d = q - p;
    const float dist2 = d.length2();
    if (!(dist2 > 0.0f)) return false;
    const float dist = std::sqrt(dist2);
    const Vec3f wi = d / dist;
    const float pdf = solidAnglePdf(dist2, wi);
    if (!(pdf > 0.0f)) return false;
    out = LightSample{wi, dist, m_radiance, pdf};
    return true;
}

bool PlanarLight::intersect(const Ray& ray, LightHit& out) const {
    if (isBlack(m_radiance)) return false;
    const Vec3f o = transformPoint(m_toLocal, ray.org);
    const Vec3f d = transformVector(m_toLocal, ray.dir);
    // Front side only: the origin on the emitting side, moving toward the plane. An
    // affine map keeps the ray parameter, so t is valid in both spaces.
    if (!(o.z * kEmitSide > 0.0f) || !(d.z * kEmitSide < 0.0f)) return false;
    const float t = -o.z / d.z;
    if (!(t >= ray.tNear && t <= ray.tFar)) return false;
    if (!containsLocal(o.x + t * d.x, o.y + t * d.y)) return false;
    const float dirLen = ray.dir.length();
    const float dist = t * dirLen;
    const float pdf = solidAnglePdf(dist * dist, ray.dir / dirLen);
    if (!(pdf > 0.0f)) return false;
    out = LightHit{t, m_radiance, pdf};
    return true;
}

}  // namespace rt
