#include "scene/SamplingSettings.h"

#include "core/Error.h"

namespace rt {

SamplingSettings samplingSettings(const SceneVariables& vars) {
    SamplingSettings s;
    s.uniformSamples = vars.samplesPerPixel();
    const int mode = vars.extraInt("sampling_mode", 0);
    if (mode != 0 && mode != 2) {
        throw SceneError(
            "scene variable 'sampling_mode' must be 0 (uniform) or 2 (adaptive), got " +
            std::to_string(mode));
    }
    s.mode = static_cast<SamplingMode>(mode);
    const int minSamples = vars.extraInt("min_adaptive_samples", 16);
    const int maxSamples = vars.extraInt("max_adaptive_samples", 4096);
    if (minSamples < 1) {
        throw SceneError("scene variable 'min_adaptive_samples' must be at least 1, got " +
                         std::to_string(minSamples));
    }
    if (maxSamples < minSamples) {
        throw SceneError("scene variable 'max_adaptive_samples' (" + std::to_string(maxSamples) +
                         ") must not be below 'min_adaptive_samples' (" +
                         std::to_string(minSamples) + ")");
    }
    s.minSamples = static_cast<uint32_t>(minSamples);
    s.maxSamples = static_cast<uint32_t>(maxSamples);
    s.targetAdaptiveError = vars.extraFloat("target_adaptive_error", 10.0f);
    if (!(s.targetAdaptiveError >= 0.0f)) {
        throw SceneError("scene variable 'target_adaptive_error' must not be negative");
    }
    return s;
}

}  // namespace rt
