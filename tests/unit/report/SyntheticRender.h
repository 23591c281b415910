#pragma once
// Synthetic renders for the ETA tests: a render is a list of passes (samples, seconds)
// with the forecast the sampler reported after each, samples accruing at a constant rate
// within a pass. Time is simulated, so the tests are exact and never flaky.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "render/ConvergenceReport.h"
#include "render/SampleForecast.h"
#include "report/EtaEstimator.h"

namespace rt::test {

struct SyntheticPass {
    uint64_t samples = 0;         // taken in this pass
    double seconds = 0.0;         // its duration
    uint64_t remainingAfter = 0;  // the sampler's forecast after it
    double fractionConverged = 0.0;
    double maxError = 1.0;  // 0: no pixel error was measurable yet
};

struct SyntheticRender {
    bool adaptive = false;
    uint32_t pixelCount = 1;
    std::vector<SyntheticPass> passes;

    double totalSeconds() const;
    uint64_t totalSamples() const;
    ConvergenceReport report(size_t pass) const;  // after pass `pass` (0-based)
    uint64_t samplesAt(double seconds) const;     // in the film at that time
    double secondsAtSamples(uint64_t samples) const;
};

// Feeds a fresh estimator the reports of passes finished by `seconds`, then asks it.
EtaEstimator::Estimate estimateAt(const SyntheticRender& render, double seconds);

// Passes of firstSamples * ratio^i samples with an exact forecast; the cost of a sample
// is multiplied by costGrowth every pass, and every pass costs overheadSeconds more.
SyntheticRender geometricRender(uint64_t firstSamples, double ratio, int passCount,
                                double secondsPerSample, double costGrowth = 1.0,
                                double overheadSeconds = 0.0);

// Uniform sampling: passes to 1, 2, 4 ... spp, constant cost, exact forecast.
SyntheticRender uniformRender(uint32_t pixelCount, uint32_t spp, double secondsPerSample);

// Adaptive sampling of a simulated film: each pixel draws log-normal samples (mean and
// spread vary smoothly over the image, as in a picture), its error is MoonRay's metric
// from the half buffers, a pixel stops at an adaptive step once its error is below the
// threshold, with dilation, and the forecast is forecastRemainingSamples (or the plain
// sum of forecastAdditionalSamples without `dilateForecast`). A sample costs more where
// the spread is larger
// (hard pixels are expensive), and every pass has a fixed overhead per pixel.
struct AdaptiveFilmOptions {
    int width = 48, height = 48;
    AdaptiveLimits limits{16, 1024, 0.02};
    uint64_t seed = 1;
    double secondsPerSample = 1e-6;
    double hardCostFactor = 2.0;  // the hardest pixel's sample costs 1 + this
    double passOverheadPerPixel = 0.0;
    double timingNoise = 0.0;    // each pass takes up to this fraction more or less
    bool dilateForecast = true;  // forecastRemainingSamples, else the undilated sum
};
SyntheticRender simulatedAdaptiveRender(const AdaptiveFilmOptions& options);

}  // namespace rt::test
