#pragma once
// How many more samples an adaptive pixel will take before it converges. Summed over the
// film after every pass, it is ConvergenceReport::samplesRemaining: the denominator of
// progress and the basis of the ETA (doc/PROGRESS.md). Pure functions, no state.
#include <cstdint>
#include <vector>

namespace rt {

struct AdaptiveLimits {
    uint32_t minSamples = 16;    // min_adaptive_samples: no pixel stops before this
    uint32_t maxSamples = 4096;  // max_adaptive_samples: every pixel stops here
    double threshold = 0.001;    // target_adaptive_error / 10000
};

// What the film knows about one pixel after a pass.
struct PixelHistory {
    uint32_t count = 0;          // samples taken
    float error = 0.0f;          // error at `count`; +inf when not measurable (count < 2)
    uint32_t previousCount = 0;  // count of the previous measurement; 0 when there is none
    float previousError = 0.0f;
    bool converged = false;  // the pixel takes no more samples
};

// The exponent `a` of the model error ~ C * n^-a: 0.5 (Monte Carlo) unless both
// measurements are finite, positive and decreasing, then fitted from them and clamped to
// [0.5, 1]: never slower than Monte Carlo's 1/sqrt(n), so one noisy pair cannot predict a
// pixel that finishes at once or never.
double convergenceExponent(const PixelHistory& pixel);

// Samples the pixel still needs beyond `count`; 0 when converged or at maxSamples. The
// predicted count where error <= threshold is rounded up to an adaptive step (pixels
// stop only on steps), is at least the next step after `count` and the first step at or
// above minSamples, and at most maxSamples. An unmeasurable error predicts the earliest
// possible stop: the next passes measure it and the forecast is refined.
uint32_t forecastAdditionalSamples(const PixelHistory& pixel, const AdaptiveLimits& limits);

// The count the pixel is predicted to stop at: count + forecastAdditionalSamples.
uint32_t forecastFinalCount(const PixelHistory& pixel, const AdaptiveLimits& limits);

// The film's samplesRemaining under the sampler's dilation: a pixel samples on while any
// pixel of its 3x3 neighbourhood is not done, so it is forecast to reach the largest final
// count among itself and its not-done neighbours (at most maxSamples); a pixel with no
// such neighbour takes nothing. Summing forecastAdditionalSamples instead misses the
// dilated pixels: on the bundled scenes it forecasts a quarter to a half of the samples
// actually taken (doc/PROGRESS.md). All vectors are width * height, row-major:
// finalCounts from forecastFinalCount, counts the samples now, done the sampler's flags.
uint64_t forecastRemainingSamples(const std::vector<uint32_t>& finalCounts,
                                  const std::vector<uint32_t>& counts,
                                  const std::vector<uint8_t>& done, int width, int height,
                                  uint32_t maxSamples);

}  // namespace rt
