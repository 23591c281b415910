#include "sequence/DeadlineScheduler.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rt {
namespace {

// The frames' measured cost per spp, or the mean of the measured ones for the others.
double costPerSpp(const FrameProgress& frame, double meanCost) {
    return frame.secondsPerSpp > 0.0 ? frame.secondsPerSpp : meanCost;
}

double meanMeasuredCost(const std::vector<FrameProgress>& frames) {
    double sum = 0.0;
    int n = 0;
    for (const FrameProgress& f : frames) {
        if (f.secondsPerSpp > 0.0) {
            sum += f.secondsPerSpp;
            ++n;
        }
    }
    return n > 0 ? sum / n : 0.0;
}

std::string describe(const char* what, const FrameProgress& frame, uint32_t target) {
    char text[160];
    std::snprintf(text, sizeof text, "%s: frame %d from %u to %u spp (mean error %.4g)", what,
                  frame.frame, frame.spp, target, frame.meanError);
    return text;
}

}  // namespace

std::optional<Stint> nextStint(const std::vector<FrameProgress>& frames, double secondsLeft,
                               const DeadlinePolicy& policy) {
    const double meanCost = meanMeasuredCost(frames);
    for (size_t i = 0; i < frames.size(); ++i) {
        const FrameProgress& f = frames[i];
        if (f.spp >= policy.minSpp || f.final) continue;
        const uint32_t target = policy.minSpp;
        return Stint{i, target, (target - f.spp) * costPerSpp(f, meanCost),
                     describe("draft floor", f, target)};
    }
    if (!(secondsLeft > 0.0)) return std::nullopt;
    std::optional<size_t> best;
    for (size_t i = 0; i < frames.size(); ++i) {
        const FrameProgress& f = frames[i];
        if (f.final || f.spp >= policy.maxSpp) continue;
        if (costPerSpp(f, meanCost) > secondsLeft) continue;  // not one more spp fits
        if (!best || f.meanError > frames[*best].meanError) best = i;
    }
    if (!best) return std::nullopt;
    const FrameProgress& f = frames[*best];
    const double cost = costPerSpp(f, meanCost);
    uint32_t target = std::min<uint32_t>(std::max<uint32_t>(2 * f.spp, 1), policy.maxSpp);
    if (cost > 0.0) {
        const double affordable = std::floor(secondsLeft / cost);
        target = static_cast<uint32_t>(std::min<double>(target, f.spp + affordable));
    }
    return Stint{*best, target, (target - f.spp) * cost, describe("highest error", f, target)};
}

}  // namespace rt
