#include "shading/SphereLight.h"

#include "core/Frame.h"
#include "core/Transform.h"
#include "shading/LightUtil.h"

namespace rt {

SphereLight::SphereLight(const LightDesc& desc)
    : Light(desc),
      m_center(transformPoint(desc.nodeXform, Vec3f(0, 0, 0))),
      m_radius(desc.radius * uniformScale(desc.nodeXform)) {
    m_radiance = desc.radianceScale();
    if (desc.normalized) m_radiance /= 4.0f * kPi * m_radius * m_radius;
}

float SphereLight::coneVersine(float dist2) const {
    return lightutil::versineFromSin2(std::min(1.0f, m_radius * m_radius / dist2));
}

bool SphereLight::sample(const Vec3f& p, const Vec2f& u, LightSample& out) const {
    if (isBlack(m_radiance)) return false;
    const Vec3f toCenter = m_center - p;
    const float dist2 = toCenter.length2();
    const float r2 = m_radius * m_radius;
    if (!(dist2 > r2)) return false;  // inside: only the back side is visible
    const float dist = std::sqrt(dist2);
    const float versineMax = coneVersine(dist2);
    const float pdf = lightutil::conePdf(versineMax);
    if (!(pdf > 0.0f) || !std::isfinite(pdf)) return false;

    const Vec3f local = lightutil::sampleCone(u, versineMax);
    const Vec3f wi = normalize(Frame::fromNormal(toCenter / dist).toWorld(local));
    // Distance to the near intersection, from the sampled angle (pbrt-v3): the
    // discriminant is clamped at the silhouette, where rounding can make it negative.
    const float cosTheta = local.z;
    const float sin2Theta = local.x * local.x + local.y * local.y;
    const float distance = dist * cosTheta - safeSqrt(r2 - dist2 * sin2Theta);
    out = LightSample{wi, std::max(distance, 0.0f), m_radiance, pdf};
    return true;
}

bool SphereLight::intersect(const Ray& ray, LightHit& out) const {
    if (isBlack(m_radiance)) return false;
    const float dirLen = ray.dir.length();
    if (!(dirLen > 0.0f)) return false;
    const Vec3f d = ray.dir / dirLen;
    const Vec3f oc = ray.org - m_center;
    const float r2 = m_radius * m_radius;
    const float c = oc.length2() - r2;
    const float b = dot(oc, d);
    // Origin inside (c <= 0): every hit is on the back side. Moving away (b >= 0): no hit.
    if (!(c > 0.0f) || !(b < 0.0f)) return false;
    // Discriminant from the perpendicular offset (Ray Tracing Gems ch. 7): accurate for
    // small, far spheres where b^2 - c cancels.
    const float disc = r2 - (oc - d * b).length2();
    if (disc < 0.0f) return false;
    const float q = -b + std::sqrt(disc);
    const float tEuclid = c / q;  // the near root, c / q == -b - sqrt(disc)
    const float t = tEuclid / dirLen;
    if (!(t >= ray.tNear && t <= ray.tFar)) return false;
    const float pdf = lightutil::conePdf(coneVersine(oc.length2()));
    if (!(pdf > 0.0f) || !std::isfinite(pdf)) return false;
    out = LightHit{t, m_radiance, pdf};
    return true;
}

}  // namespace rt
