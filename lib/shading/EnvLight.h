#pragma once
// EnvLight: radiance from every direction at infinity. Constant (color * intensity *
// 2^exposure, uniform sphere sampling) or a lat-long texture times that scale,
// importance sampled by texel luminance. Mapping (MoonRay's, = OpenEXR's lat-long):
// +Y of node_xform is up (image row 0), u = 0.5 looks toward local +Z, u = 0.25 toward
// +X; node_xform's rotation turns the environment.
#include <memory>

#include "core/Frame.h"
#include "core/RgbImage.h"
#include "sampling/Distribution.h"
#include "shading/Light.h"

namespace rt {

class EnvLight final : public Light {
  public:
    explicit EnvLight(const LightDesc& desc);  // desc validated by createLights

    bool sample(const Vec3f& p, const Vec2f& u, LightSample& out) const override;
    bool intersect(const Ray&, LightHit&) const override { return false; }
    bool escaped(const Vec3f& origin, const Vec3f& dir, LightHit& out) const override;
    bool isInfinite() const override { return true; }

    // The lat-long mapping, in node_xform's local (unrotated) space; uv in [0,1)^2 with
    // v = 0 at the top (+Y) pole.
    static Vec3f uvToDirection(const Vec2f& uv);
    static Vec2f directionToUv(const Vec3f& dir, float* sinTheta = nullptr);

  private:
    bool evaluate(const Vec3f& dir, Color& radiance, float& pdf) const;
    Color texel(int x, int y) const;

    Color m_scale;
    Frame m_frame;                            // node_xform's rotation: s, t, n = local X, Y, Z
    std::shared_ptr<const RgbImage> m_image;  // null: constant environment
    std::unique_ptr<Distribution2D> m_distribution;
};

}  // namespace rt
