#include "render/SampleForecast.h"

#include <algorithm>
#include <cmath>

namespace rt {
namespace {

constexpr double kMonteCarloExponent = 0.5;
// Monte Carlo error falls at least as fast as 1/sqrt(n) in expectation; a slower fall
// fitted from two noisy error estimates is noise, and extrapolating it (n grows as
// (e/t)^(1/a)) overestimated the remaining samples by a third on cornell_box (doc/PROGRESS.md).
constexpr double kMinExponent = 0.5;
constexpr double kMaxExponent = 1.0;

uint64_t step(uint64_t k) {
    return k * k + k - 1;
}

// The smallest adaptive step >= count (AdaptiveSchedule.h) in closed form rather than by
// walking the table: the forecast runs for every pixel after every pass. 64-bit so that a
// cap near 2^32 cannot overflow.
uint64_t stepAtLeast(double count) {
    if (count <= 1.0) return 1;
    // k*k + k - 1 >= count  <=>  k >= (sqrt(4 * count + 5) - 1) / 2
    uint64_t k = static_cast<uint64_t>(std::ceil((std::sqrt(4.0 * count + 5.0) - 1.0) / 2.0));
    k = std::max<uint64_t>(k, 1);
    // Correct the rounding of the square root.
    while (k > 1 && static_cast<double>(step(k - 1)) >= count) --k;
    while (static_cast<double>(step(k)) < count) ++k;
    return step(k);
}

}  // namespace

double convergenceExponent(const PixelHistory& pixel) {
    const bool measured = pixel.previousCount > 0 && pixel.previousCount < pixel.count;
    const bool decreasing = std::isfinite(pixel.error) && std::isfinite(pixel.previousError) &&
                            pixel.error > 0.0f && pixel.previousError > pixel.error;
    if (!measured || !decreasing) return kMonteCarloExponent;
    const double a = std::log(static_cast<double>(pixel.previousError) / pixel.error) /
                     std::log(static_cast<double>(pixel.count) / pixel.previousCount);
    return std::clamp(a, kMinExponent, kMaxExponent);
}

uint32_t forecastAdditionalSamples(const PixelHistory& pixel, const AdaptiveLimits& limits) {
    if (pixel.converged || pixel.count >= limits.maxSamples) return 0;
    const double count = pixel.count;
    // The count where the model reaches the threshold; 0 when it is reached already (the
    // pixel stops at its next measurement) or unknown (no measurement yet).
    double predicted = 0.0;
    const double error = pixel.error;
    if (std::isfinite(error) && error > limits.threshold) {
        predicted =
            limits.threshold > 0.0
                ? count * std::pow(error / limits.threshold, 1.0 / convergenceExponent(pixel))
                : HUGE_VAL;  // a zero threshold is never met by a positive error
    }
    predicted = std::max({predicted, static_cast<double>(stepAtLeast(count + 1.0)),
                          static_cast<double>(stepAtLeast(limits.minSamples))});
    // Compare before rounding: `predicted` may be huge or infinite.
    if (!(predicted < limits.maxSamples)) return limits.maxSamples - pixel.count;
    const uint64_t target = std::min<uint64_t>(stepAtLeast(predicted), limits.maxSamples);
    return static_cast<uint32_t>(target - pixel.count);
}

uint32_t forecastFinalCount(const PixelHistory& pixel, const AdaptiveLimits& limits) {
    return pixel.count + forecastAdditionalSamples(pixel, limits);
}

uint64_t forecastRemainingSamples(const std::vector<uint32_t>& finalCounts,
                                  const std::vector<uint32_t>& counts,
                                  const std::vector<uint8_t>& done, int width, int height,
                                  uint32_t maxSamples) {
    uint64_t remaining = 0;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const size_t i = static_cast<size_t>(y) * width + x;
            // Done neighbours add nothing; with none undone the pixel stays at its count.
            uint32_t final = counts[i];
            for (int ny = std::max(y - 1, 0); ny <= std::min(y + 1, height - 1); ++ny) {
                for (int nx = std::max(x - 1, 0); nx <= std::min(x + 1, width - 1); ++nx) {
                    const size_t j = static_cast<size_t>(ny) * width + nx;
                    if (!done[j]) final = std::max(final, finalCounts[j]);
                }
            }
            final = std::min(final, maxSamples);
            if (final > counts[i]) remaining += final - counts[i];
        }
    }
    return remaining;
}

}  // namespace rt
