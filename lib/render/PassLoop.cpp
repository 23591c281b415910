#include "render/PassLoop.h"

#include <algorithm>
#include <cmath>

#include "film/PixelError.h"
#include "render/AdaptiveSampler.h"
#include "render/PassSchedule.h"

namespace rt {

void describeFilm(const Film& film, const std::vector<float>& errors, ConvergenceReport& report) {
    const Film::SampleStats spp = film.sampleStats();
    report.pixelCount = static_cast<uint32_t>(film.pixelCount());
    report.minSpp = spp.min;
    report.maxSpp = spp.max;
    report.meanSpp = spp.mean;
    report.samplesDone = static_cast<uint64_t>(std::llround(spp.mean * film.pixelCount()));
    double sum = 0.0, maxError = 0.0;
    size_t measurable = 0;
    for (float e : errors) {
        if (!std::isfinite(e)) continue;
        sum += e;
        maxError = std::max(maxError, static_cast<double>(e));
        ++measurable;
    }
    report.meanError = measurable > 0 ? sum / measurable : 0.0;
    report.maxError = maxError;
    report.pixelErrors = &errors;
}

int runUniformPasses(TileRenderer& renderer, Film& film, const SamplingSettings& settings,
                     std::vector<float>& errors,
                     const std::function<void(ConvergenceReport&)>& publish) {
    const std::vector<uint32_t> targets = uniformPassTargets(settings.uniformSamples);
    const uint64_t pixels = film.pixelCount();
    errors.assign(pixels, 0.0f);
    for (size_t pass = 0; pass < targets.size(); ++pass) {
        const uint32_t target = targets[pass];
        renderer.runPass([target](int, int) { return target; });
        // Uniform renders measure the error too: the report, the -stats log and the
        // error output mean the same thing in both modes.
        size_t belowTarget = 0;
        for (size_t i = 0; i < pixels; ++i) {
            errors[i] = pixelError(film.pixels()[i]);
            if (errors[i] <= settings.errorThreshold()) ++belowTarget;
        }
        ConvergenceReport report;
        report.pass = static_cast<int>(pass);
        report.adaptive = false;
        report.finished = pass + 1 == targets.size();
        report.activePixels = report.finished ? 0 : static_cast<uint32_t>(pixels);
        report.samplesRemaining = (settings.uniformSamples - target) * pixels;
        report.fractionConverged = static_cast<double>(belowTarget) / pixels;
        report.targetError = settings.errorThreshold();
        describeFilm(film, errors, report);
        publish(report);
    }
    return static_cast<int>(targets.size());
}

int runAdaptivePasses(TileRenderer& renderer, Film& film, const SamplingSettings& settings,
                      std::vector<float>& errors,
                      const std::function<void(ConvergenceReport&)>& publish) {
    AdaptiveSampler sampler(settings, film.width(), film.height());
    int pass = 0;
    for (bool more = sampler.plan(film); more; ++pass) {
        renderer.runPass([&sampler](int x, int y) { return sampler.target(x, y); });
        more = sampler.plan(film);
        ConvergenceReport report;
        report.pass = pass;
        sampler.describe(report);
        describeFilm(film, sampler.errors(), report);
        publish(report);
    }
    errors = sampler.errors();
    return pass;
}

}  // namespace rt
