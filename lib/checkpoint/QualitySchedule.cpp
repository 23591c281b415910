#include "checkpoint/QualitySchedule.h"

#include <algorithm>

namespace rt {

std::vector<uint32_t> qualityCheckpointSamples(bool adaptive, uint32_t steps,
                                               uint32_t finalSamples) {
    std::vector<uint32_t> samples;
    const uint64_t s = std::max<uint32_t>(steps, 1);
    for (uint64_t k = 1;; k += s) {
        // Uniform: the k-th sample count; adaptive: the k-th table step.
        const uint64_t count = adaptive ? k * k + k - 1 : k;
        if (count >= finalSamples) break;
        samples.push_back(static_cast<uint32_t>(count));
    }
    return samples;
}

uint32_t qualityStepsForTotalFiles(bool adaptive, uint32_t totalFiles, uint32_t finalSamples) {
    if (totalFiles <= 1) return 0;
    // Every uniform count or every table step below the final count is a candidate;
    // taking every s-th of n candidates gives ceil(n / s) checkpoints.
    const uint64_t candidates = qualityCheckpointSamples(adaptive, 1, finalSamples).size();
    const uint64_t checkpoints = totalFiles - 1;
    if (candidates == 0) return 1;
    return static_cast<uint32_t>((candidates + checkpoints - 1) / checkpoints);
}

}  // namespace rt
