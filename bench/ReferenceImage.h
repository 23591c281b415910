#pragma once
// A high-sample reference for the adaptive benchmark: two independent uniform renders
// (seeds distinct from the test renders') of half the samples each, cached as one EXR so
// that later runs skip them. Two halves rather than one image so that the reference's own
// noise can be measured (their difference) and taken out of the test renders' error.
#include <string>
#include <vector>

#include "core/Math.h"
#include "scene/Scene.h"

namespace rt {

struct ReferenceImage {
    int width = 0, height = 0;
    uint32_t samplesPerPixel = 0;  // both halves together
    std::vector<Color> halves[2];
    std::vector<Color> mean;   // the reference itself
    double renderSeconds = 0;  // when it was rendered (possibly by an earlier run)
    bool fromCache = false;
};

// Loads `cacheDir/<name>_<w>x<h>_<spp>.exr` when it exists and was made from the same
// scene text, else renders it (uniform, `threads` threads) and writes it there.
// samplesPerPixel must be twice a square (each half is a uniform render).
ReferenceImage loadOrRenderReference(const Scene& scene, const std::string& name,
                                     uint32_t samplesPerPixel, const std::string& cacheDir,
                                     int threads);

}  // namespace rt
