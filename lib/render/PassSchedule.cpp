#include "render/PassSchedule.h"

#include <algorithm>

namespace rt {

std::vector<uint32_t> uniformPassTargets(uint32_t samplesPerPixel) {
    std::vector<uint32_t> targets;
    for (uint32_t target = 1; target < samplesPerPixel; target *= 2) targets.push_back(target);
    if (samplesPerPixel > 0) targets.push_back(samplesPerPixel);
    return targets;
}

}  // namespace rt
