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

}  // namespace rt
