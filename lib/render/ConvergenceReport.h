#pragma once
// What the sampler reports after every pass, through a narrow interface, to whoever
// listens: progress and ETA, -stats, the convergence plot, and (later) the checkpoint
// policy. Plain data; the per-pixel errors are a view valid during the callback only.
#include <cstdint>
#include <vector>

namespace rt {

struct ConvergenceReport {
    int pass = 0;                 // 0-based index of the pass just finished
    bool adaptive = false;        // adaptive sampling (else uniform)
    bool finished = false;        // no pixel will receive more samples
    double elapsedSeconds = 0.0;  // since sampling started (scene preparation excluded)

    uint64_t samplesDone = 0;       // samples in the film, all pixels together
    uint64_t samplesRemaining = 0;  // estimate of samples still to take (exact for uniform)
    uint32_t pixelCount = 0;
    uint32_t activePixels = 0;       // pixels that receive samples in the next pass
    double fractionConverged = 0.0;  // pixels that need no more samples / pixelCount

    uint32_t minSpp = 0, maxSpp = 0;
    double meanSpp = 0.0;
    // Per-pixel error (MoonRay's metric, doc/ADAPTIVE.md) over pixels where it is
    // measurable (at least two samples); 0 when none is. Uniform renders report it too.
    double meanError = 0.0, maxError = 0.0;
    double targetError = 0.0;  // the internal threshold (target_adaptive_error / 10000)

    // Width * height, row-major; inf where not measurable.
    const std::vector<float>* pixelErrors = nullptr;

    double progress() const {
        const double total = static_cast<double>(samplesDone + samplesRemaining);
        return total > 0.0 ? static_cast<double>(samplesDone) / total : 1.0;
    }
};

class ConvergenceListener {
  public:
    virtual ~ConvergenceListener() = default;
    virtual void onPass(const ConvergenceReport& report) = 0;
};

}  // namespace rt
