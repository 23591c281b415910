#include "render/PassLoop.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

namespace {

// Renders one pass to `target`, calling the boundary at every pause. Returns false when
// the boundary asked to stop.
bool renderPass(TileRenderer& renderer, SampleTarget target, const PassLoopHooks& hooks,
                uint32_t sppLevel) {
    renderer.beginPass(std::move(target));
    while (!renderer.continuePass(hooks.pause)) {
        if (hooks.boundary && !hooks.boundary(false, sppLevel)) return false;
    }
    return true;
}

bool passEnded(const PassLoopHooks& hooks, uint32_t sppLevel) {
    return !hooks.boundary || hooks.boundary(true, sppLevel);
}

}  // namespace

PassLoopResult runUniformPasses(TileRenderer& renderer, Film& film,
                                const SamplingSettings& settings, std::vector<float>& errors,
                                const PassLoopHooks& hooks) {
    // A sample cap shortens the pass list (1, 2, 4 ... cap): every pixel's samples are
    // a prefix of the full render's, so a capped render can be continued exactly.
    const uint32_t finalSamples = hooks.sampleLimit > 0
                                      ? std::min(hooks.sampleLimit, settings.uniformSamples)
                                      : settings.uniformSamples;
    std::vector<uint32_t> targets = uniformPassTargets(finalSamples);
    for (uint32_t extra : hooks.extraUniformTargets) {
        if (extra < finalSamples) targets.push_back(extra);
    }
    std::sort(targets.begin(), targets.end());
    targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
    const uint64_t pixels = film.pixelCount();
    errors.assign(pixels, std::numeric_limits<float>::infinity());
    PassLoopResult result;
    result.capped = finalSamples < settings.uniformSamples;
    uint32_t sppLevel = film.sampleStats().min;
    for (size_t pass = 0; pass < targets.size(); ++pass) {
        const uint32_t target = targets[pass];
        if (!renderPass(
                renderer, [target](int, int) { return target; }, hooks, sppLevel)) {
            result.stopped = true;
            return result;
        }
        ++result.passes;
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
        report.samplesRemaining = (finalSamples - target) * pixels;
        report.fractionConverged = static_cast<double>(belowTarget) / pixels;
        report.targetError = settings.errorThreshold();
        describeFilm(film, errors, report);
        sppLevel = report.minSpp;
        if (hooks.publish) hooks.publish(report);
        if (!report.finished && !passEnded(hooks, sppLevel)) {
            result.stopped = true;
            return result;
        }
    }
    return result;
}

PassLoopResult runAdaptivePasses(TileRenderer& renderer, Film& film,
                                 const SamplingSettings& settings, std::vector<float>& errors,
                                 const PassLoopHooks& hooks) {
    AdaptiveSampler sampler(settings, film.width(), film.height());
    PassLoopResult result;
    bool more = sampler.plan(film);
    errors = sampler.errors();
    uint32_t sppLevel = film.sampleStats().max;
    const uint32_t limit = hooks.sampleLimit;
    while (more) {
        // A pass that would take some pixel beyond the sample cap is cut at the cap and
        // is the last: the film is then exactly the full render's, part way through
        // this pass, so a capped render can be continued to the same final image.
        const bool capped = limit > 0 && sampler.highestTarget() > limit;
        SampleTarget target = [&sampler](int x, int y) { return sampler.target(x, y); };
        if (capped) {
            target = [&sampler, limit](int x, int y) {
                return std::min(sampler.target(x, y), limit);
            };
        }
        if (!renderPass(renderer, std::move(target), hooks, sppLevel)) {
            result.stopped = true;
            return result;
        }
        more = sampler.plan(film) && !capped;
        result.capped = capped;
        ConvergenceReport report;
        report.pass = result.passes++;
        sampler.describe(report);
        if (capped) {
            report.finished = true;
            report.samplesRemaining = 0;
        }
        describeFilm(film, sampler.errors(), report);
        if (limit > 0) {
            // The forecast knows nothing of the cap: no pixel goes beyond it.
            const uint64_t room = uint64_t{limit} * film.pixelCount() - report.samplesDone;
            report.samplesRemaining = std::min(report.samplesRemaining, room);
        }
        errors = sampler.errors();
        sppLevel = report.maxSpp;
        if (hooks.publish) hooks.publish(report);
        if (more && !passEnded(hooks, sppLevel)) {
            result.stopped = true;
            return result;
        }
    }
    return result;
}

}  // namespace rt
