#pragma once
// Samplable lights built from the scene's LightDescs (see doc/SHADING.md, "Lights").
// Conventions: every pdf is a solid-angle density at the reference point; radiance is
// what arrives along -wi; a light never returns NaN, and returns true only with pdf > 0.
#include <memory>
#include <string>
#include <vector>

#include "core/Math.h"
#include "core/Ray.h"
#include "scene/LightDesc.h"

namespace rt {

// From sample(): a direction toward the light.
struct LightSample {
    Vec3f wi;        // world, unit, from the reference point toward the light
    float distance;  // to the sampled point; +inf for Distant/Env
    Color radiance;  // emitted radiance arriving along -wi (0 if the back side)
    float pdf;       // solid-angle pdf at the reference point (> 0 when returned true)
};

// From intersect()/escaped(): a ray that reaches the light.
struct LightHit {
    float distance;  // ray parameter t of the hit (Euclidean when |ray.dir| = 1); +inf for
                     // Distant/Env
    Color radiance;
    float pdf;  // the solid-angle pdf sample() would have had for this direction from ray.org
};

class Light {
  public:
    virtual ~Light() = default;
    Light(const Light&) = delete;
    Light& operator=(const Light&) = delete;

    // False when p receives nothing from this light (behind it, inside a sphere light,
    // black light) or the sample is degenerate.
    virtual bool sample(const Vec3f& p, const Vec2f& u, LightSample& out) const = 0;
    // Finite lights (rect, disk, sphere): analytic ray intersection within
    // [ray.tNear, ray.tFar], front (emitting) side only. Infinite lights return false.
    virtual bool intersect(const Ray& ray, LightHit& out) const = 0;
    // What a camera ray sees of the light: intersect() for every light but SpotLight,
    // whose dark lens shows its black_level (the pdf is then of no use).
    virtual bool intersectFromCamera(const Ray& ray, LightHit& out) const {
        return intersect(ray, out);
    }
    // Infinite lights (distant, env): radiance for a ray that escaped the scene in
    // direction dir (unit). Finite lights return false.
    virtual bool escaped(const Vec3f& origin, const Vec3f& dir, LightHit& out) const = 0;
    virtual bool isInfinite() const = 0;

    bool visibleInCamera() const { return m_visibleInCamera; }
    // Occluders beyond this distance do not shadow the light (0: no limit).
    float maxShadowDistance() const { return m_maxShadowDistance; }
    const std::string& name() const { return m_name; }

  protected:
    explicit Light(const LightDesc& desc)
        : m_name(desc.name),
          m_visibleInCamera(desc.visibleInCamera),
          m_maxShadowDistance(desc.maxShadowDistance) {}

  private:
    std::string m_name;
    bool m_visibleInCamera;
    float m_maxShadowDistance;
};

// Builds every light of the scene: one per desc, in order, so that LightSet indices stay
// valid. Throws SceneError (with desc.where) for invalid parameters (e.g. negative width).
std::vector<std::unique_ptr<Light>> createLights(const std::vector<LightDesc>& descs);

}  // namespace rt
