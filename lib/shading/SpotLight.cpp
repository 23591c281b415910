#include "shading/SpotLight.h"

#include "core/Transform.h"
#include "sampling/Warp.h"

namespace rt {

namespace {

// Spot space is node_xform's local space turned 180 degrees about X: MoonRay's lights
// point down local -Z (like a camera), and its spot light works with the lens facing +z.
Mat4f turnAboutX() {
    Mat4f m;
    m[1][1] = -1.0f;
    m[2][2] = -1.0f;
    return m;
}

}  // namespace

SpotLight::SpotLight(const LightDesc& desc)
    : Light(desc),
      m_cone(SpotCone::fromParams(desc.spot)),
      m_spotToWorld(turnAboutX() * desc.nodeXform),
      m_worldToSpot(m_spotToWorld.inverse()),
      m_blackLevel(desc.spot.blackLevel) {
    const Vec3f ex = transformVector(m_spotToWorld, Vec3f(1, 0, 0));
    const Vec3f ey = transformVector(m_spotToWorld, Vec3f(0, 1, 0));
    m_worldAreaScale = cross(ex, ey).length();
    m_lensArea = kPi * m_cone.lensRadiusX * m_cone.lensRadiusY * m_worldAreaScale;
    m_normal = transformNormal(m_spotToWorld, Vec3f(0, 0, 1));
    m_radiance = desc.radianceScale();
    if (desc.normalized) m_radiance /= m_lensArea;
}

float SpotLight::lensAreaPdf(const Vec3f& spotPoint) const {
    if (!samplesFocalPlane(spotPoint)) return 1.0f / m_lensArea;
    // The focal pool is sampled uniformly; the map onto the lens scales lengths by
    // z / (f - z), so densities on the lens grow by ((f - z) / z)^2. Written as two
    // ratios so that MoonRay's focal distance of 1e10 does not overflow a float.
    const float gap = m_cone.focalDistance - spotPoint.z;
    const float sx = gap / (spotPoint.z * m_cone.focalRadiusX);
    const float sy = gap / (spotPoint.z * m_cone.focalRadiusY);
    return sx * sy / (kPi * m_worldAreaScale);
}

float SpotLight::solidAnglePdf(float areaPdf, float dist2, const Vec3f& wi) const {
    const float cosLight = -dot(m_normal, wi);
    if (!(cosLight > 0.0f)) return 0.0f;
    const float pdf = areaPdf * dist2 / cosLight;
    return std::isfinite(pdf) ? pdf : 0.0f;
}

bool SpotLight::sample(const Vec3f& p, const Vec2f& u, LightSample& out) const {
    if (isBlack(m_radiance)) return false;
    const Vec3f s = transformPoint(m_worldToSpot, p);
    if (!(s.z > 0.0f)) return false;  // behind the lens
    const Vec2f disk = squareToConcentricDisk(u);
    Vec2f lens, focal;
    if (samplesFocalPlane(s)) {
        focal = Vec2f(disk.x * m_cone.focalRadiusX, disk.y * m_cone.focalRadiusY);
        lens = m_cone.focalToLens(focal, s);
        if (!m_cone.insideLens(lens)) return false;
    } else {
        lens = Vec2f(disk.x * m_cone.lensRadiusX, disk.y * m_cone.lensRadiusY);
        focal = m_cone.lensToFocal(lens, s);
    }
    const float falloff = m_cone.falloff(focal);
    if (!(falloff > 0.0f)) return false;  // outside the beam: no light, no shadow ray

    const Vec3f d = transformPoint(m_spotToWorld, Vec3f(lens.x, lens.y, 0.0f)) - p;
    const float dist2 = d.length2();
    if (!(dist2 > 0.0f)) return false;
    const float dist = std::sqrt(dist2);
    const Vec3f wi = d / dist;
    const float pdf = solidAnglePdf(lensAreaPdf(s), dist2, wi);
    if (!(pdf > 0.0f)) return false;
    out = LightSample{wi, dist, m_radiance * falloff, pdf};
    return true;
}

bool SpotLight::hitLens(const Ray& ray, LensHit& hit) const {
    if (isBlack(m_radiance)) return false;
    const Vec3f o = transformPoint(m_worldToSpot, ray.org);
    const Vec3f d = transformVector(m_worldToSpot, ray.dir);
    // Front side only; an affine map keeps the ray parameter.
    if (!(o.z > 0.0f) || !(d.z < 0.0f)) return false;
    const float t = -o.z / d.z;
    if (!(t >= ray.tNear && t <= ray.tFar)) return false;
    const Vec2f lens(o.x + t * d.x, o.y + t * d.y);
    if (!m_cone.insideLens(lens)) return false;
    hit = LensHit{t, o, m_cone.lensToFocal(lens, o)};
    return true;
}

bool SpotLight::intersect(const Ray& ray, LightHit& out) const {
    LensHit hit;
    if (!hitLens(ray, hit)) return false;
    // From near the lens only rays through the focal pool are ever sampled: the others
    // carry no light and have no density.
    if (samplesFocalPlane(hit.origin) && !m_cone.insideFocalPool(hit.focal)) return false;
    const float dirLen = ray.dir.length();
    const float dist = hit.t * dirLen;
    const float pdf = solidAnglePdf(lensAreaPdf(hit.origin), dist * dist, ray.dir / dirLen);
    if (!(pdf > 0.0f)) return false;
    out = LightHit{hit.t, m_radiance * m_cone.falloff(hit.focal), pdf};
    return true;
}

bool SpotLight::intersectFromCamera(const Ray& ray, LightHit& out) const {
    LensHit hit;
    if (!hitLens(ray, hit)) return false;
    const float dirLen = ray.dir.length();
    const float dist = hit.t * dirLen;
    const float visible = lerp(m_cone.falloff(hit.focal), m_blackLevel, 1.0f);
    out = LightHit{hit.t, m_radiance * visible,
                   solidAnglePdf(lensAreaPdf(hit.origin), dist * dist, ray.dir / dirLen)};
    return true;
}

}  // namespace rt
