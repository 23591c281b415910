#pragma once
// Sampling controls with MoonRay's names and defaults, read from the scene variables.
#include <cstdint>

#include "scene/SceneVariables.h"

namespace rt {

enum class SamplingMode { Uniform = 0, Adaptive = 2 };

struct SamplingSettings {
    SamplingMode mode = SamplingMode::Uniform;
    uint32_t uniformSamples = 64;       // pixel_samples squared
    uint32_t minSamples = 16;           // min_adaptive_samples
    uint32_t maxSamples = 4096;         // max_adaptive_samples
    float targetAdaptiveError = 10.0f;  // as the user writes it

    // MoonRay's internal threshold: the per-pixel error a pixel must reach.
    double errorThreshold() const { return targetAdaptiveError / 10000.0; }
    bool adaptive() const { return mode == SamplingMode::Adaptive; }
};

// Reads sampling_mode, pixel_samples, min/max_adaptive_samples and target_adaptive_error.
// Throws SceneError naming the variable for inconsistent values (min > max, max == 0,
// a negative target).
SamplingSettings samplingSettings(const SceneVariables& vars);

}  // namespace rt
