#pragma once
// Raw Embree throughput for benchmarks: incoherent random rays through rtcIntersect1 with
// no shading, the ceiling a renderer's ray rate is compared against.
#include <cstdint>

#include "accel/EmbreeScene.h"

namespace rt {

// Traces `count` rays with origins uniform in the scene bounds and uniform directions;
// ray i is a pure function of (i, seed). Returns the number of rays that hit.
uint64_t traceRandomRays(const EmbreeScene& scene, uint64_t firstRay, uint64_t count,
                         uint32_t seed);

}  // namespace rt
