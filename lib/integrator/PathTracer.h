#pragma once
// Unidirectional path tracing with next-event estimation and multiple importance
// sampling (power heuristic), Russian roulette after a few bounces (doc/INTEGRATOR.md).
#include <cstdint>

#include "film/PixelSample.h"
#include "integrator/RenderScene.h"
#include "sampling/Sampler.h"

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
    PathTracer(const RenderScene& scene, int maxDepth) : m_scene(scene), m_maxDepth(maxDepth) {}

    // Radiance and AOVs along a camera ray.
    PixelSample trace(const Ray& cameraRay, PixelSampler& sampler, TraceCounters& counters) const;

  private:
    const RenderScene& m_scene;
    int m_maxDepth;
};

}  // namespace rt
