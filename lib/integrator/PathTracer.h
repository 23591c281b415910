#pragma once
// Unidirectional path tracing with next-event estimation and multiple importance
// sampling (power heuristic), Russian roulette after a few bounces (doc/INTEGRATOR.md).
#include <cstdint>

#include "film/PixelSample.h"
#include "integrator/RenderScene.h"
#include "integrator/SampleAovs.h"
#include "sampling/Sampler.h"
#include "shading/Bsdf.h"

namespace rt {

// Sample dimensions: 2 for the pixel position, then a fixed block per path vertex so a
// vertex always reads the same dimensions whatever happened before it. Both counts are
// even so that every 2D value sits on a jointly stratified dimension pair.
inline constexpr uint32_t kCameraDimensions = 2;
inline constexpr uint32_t kDimensionsPerBounce = 8;

// Statistics a render thread keeps privately and merges at the end of a tile.
struct TraceCounters {
    uint64_t rays = 0;              // closest-hit and shadow rays
    uint64_t nonFiniteSamples = 0;  // samples whose radiance was NaN/inf (dropped, reported)

    TraceCounters& operator+=(const TraceCounters& o) {
        rays += o.rays;
        nonFiniteSamples += o.nonFiniteSamples;
        return *this;
    }
};

class PathTracer {
  public:
    // maxDepth: the number of surface interactions a path may scatter from (MoonRay
    // max_depth); 0 shows only directly visible emission.
    // `aovPrograms`, when given, must outlive the tracer; trace() then fills the
    // SampleAovs it is given.
    PathTracer(const RenderScene& scene, int maxDepth, const AovPrograms* aovPrograms = nullptr)
        : m_scene(scene), m_maxDepth(maxDepth), m_aovPrograms(aovPrograms) {}
    const AovPrograms* aovPrograms() const { return m_aovPrograms; }

    // Radiance and AOVs along a camera ray; with `aovs`, also the values of the film's
    // AOV slots (state variables and light path expressions, AovPrograms.h), cleared
    // with the radiance when that is not finite.
    PixelSample trace(const Ray& cameraRay, PixelSampler& sampler, TraceCounters& counters,
                      SampleAovs* aovs = nullptr) const;

  private:
    // Light path tracks after a BSDF sample at Embree geometry `geometry`.
    void scatterLightPaths(const Bsdf& bsdf, const Vec3f& wo, const BsdfSample& sample,
                           uint32_t geometry, SampleAovs& aovs) const;
    // A light sample at the camera ray's first hit, for the visibility aovs.
    void countVisibility(const Bsdf& bsdf, const Vec3f& wo, const Vec3f& wi, const Hit& hit,
                         int light, bool reached, SampleAovs& aovs) const;

    const RenderScene& m_scene;
    int m_maxDepth;
    const AovPrograms* m_aovPrograms;
};

}  // namespace rt
