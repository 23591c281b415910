#include "shading/DistantLight.h"

#include <limits>

#include "shading/LightUtil.h"

namespace rt {

DistantLight::DistantLight(const LightDesc& desc) : Light(desc) {
    m_frame = Frame::fromNormal(lightutil::rotationFrame(desc).n);
    const float halfAngle = std::clamp(radians(0.5f * desc.angularExtent), kMinHalfAngle, kPi);
    m_versineMax = lightutil::versineOfAngle(halfAngle);
    // A sampled direction must pass escaped() even after rounding: the float components
    // of a unit vector carry ~1e-7 absolute error, which for the sun's 0.27 degree cone
    // is a relative error of 1e-4 in the chord. Widen the chord by 3e-7 for that.
    const float chordMax = std::sqrt(2.0f * m_versineMax) + 3e-7f;
    m_chord2Limit = chordMax * chordMax;

    m_radiance = desc.radianceScale();
    if (desc.normalized) {
        // MoonRay's normalisation: a white Lambertian surface facing the light reflects
        // radiance color * intensity * 2^exposure, whatever the extent. The irradiance
        // of a uniform cap at normal incidence is L * pi * sin^2(halfAngle) (only the
        // part above the horizon counts, hence the clamp), so E = pi * scale.
        const float s = std::sin(std::min(halfAngle, 0.5f * kPi));
        m_radiance /= s * s;
    }
}

bool DistantLight::sample(const Vec3f&, const Vec2f& u, LightSample& out) const {
    if (isBlack(m_radiance)) return false;
    const Vec3f wi = normalize(m_frame.toWorld(lightutil::sampleCone(u, m_versineMax)));
    out = LightSample{wi, std::numeric_limits<float>::infinity(), m_radiance,
                      lightutil::conePdf(m_versineMax)};
    return true;
}

bool DistantLight::escaped(const Vec3f&, const Vec3f& dir, LightHit& out) const {
    if (isBlack(m_radiance)) return false;
    if (!(lightutil::chord2(dir, m_frame.n) <= m_chord2Limit)) return false;
    out = LightHit{std::numeric_limits<float>::infinity(), m_radiance,
                   lightutil::conePdf(m_versineMax)};
    return true;
}

}  // namespace rt
