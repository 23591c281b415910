#pragma once
// Quality-mode checkpoints (MoonRay checkpoint_quality_steps): no timing, checkpoints at
// fixed sample counts. Uniform: 1, 1 + s, 1 + 2s ... spp. Adaptive: every s-th step of the
// table n*n + n - 1 (steps 1, 1 + s, 1 + 2s ... of 1, 5, 11, 19, 29 ...). Counts at or
// beyond the final count are not listed: the final output is written anyway.
#include <cstdint>
#include <vector>

namespace rt {

// Samples per pixel at which quality-mode checkpoints are written, increasing, all below
// `finalSamples` (uniform: pixel_samples^2; adaptive: max_adaptive_samples).
std::vector<uint32_t> qualityCheckpointSamples(bool adaptive, uint32_t steps,
                                               uint32_t finalSamples);

// checkpoint_total_files converted into steps: the smallest step count whose checkpoints
// plus the final output make at most `totalFiles` files. 0 when only the final output
// fits (totalFiles <= 1): no checkpoints at all.
uint32_t qualityStepsForTotalFiles(bool adaptive, uint32_t totalFiles, uint32_t finalSamples);

}  // namespace rt
