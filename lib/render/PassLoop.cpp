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

// The error of every pixel as the film stands (infinite without samples).
void measureErrors(const Film& film, std::vector<float>& errors) {
    errors.resize(film.pixelCount());
    for (size_t i = 0; i < errors.size(); ++i) errors[i] = pixelError(film.pixels()[i]);
}

// Whether some pixel has not reached its target of the interrupted pass.
bool passInterrupted(const Film& film, const std::vector<uint32_t>& passTargets) {
    if (passTargets.size() != film.pixelCount()) return false;
    for (size_t i = 0; i < passTargets.size(); ++i) {
        if (passTargets[i] > film.pixels()[i].sampleCount) return true;
    }
    return false;
}

}  // namespace

PassLoopResult runUniformPasses(TileRenderer& renderer, Film& film,
                                const SamplingSettings& settings, std::vector<float>& errors,
                                std::vector<uint32_t>& passTargets, const PassLoopHooks& hooks) {
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
    measureErrors(film, errors);
    PassLoopResult result;
    result.capped = finalSamples < settings.uniformSamples;
    uint32_t sppLevel = film.sampleStats().min;
    // A resumed film: passes every pixel already holds are done. Each pixel's samples do
    // not depend on the passes that took them, so the rest of the list continues exactly.
    targets.erase(targets.begin(), std::upper_bound(targets.begin(), targets.end(), sppLevel));
    for (size_t pass = 0; pass < targets.size(); ++pass) {
        const uint32_t target = targets[pass];
        passTargets.assign(pixels, target);
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
                                 std::vector<uint32_t>& passTargets, const PassLoopHooks& hooks) {
    AdaptiveSampler sampler(settings, film.width(), film.height());
    PassLoopResult result;
    // A resumed film part way through a pass finishes that pass first, with the targets
    // it was planned with: planning now, from a half-updated film, would differ.
    bool interrupted = passInterrupted(film, passTargets);
    bool more = interrupted;
    if (interrupted) {
        measureErrors(film, errors);
    } else {
        more = sampler.plan(film);
        errors = sampler.errors();
    }
    uint32_t sppLevel = film.sampleStats().max;
    const uint32_t limit = hooks.sampleLimit;
    const int width = film.width();
    while (more) {
        if (!interrupted) passTargets = sampler.targets();
        interrupted = false;
        const uint32_t highest = *std::max_element(passTargets.begin(), passTargets.end());
        // A pass that would take some pixel beyond the sample cap is cut at the cap and
        // is the last: the film is then exactly the full render's, part way through
        // this pass, so a capped render can be continued to the same final image.
        // passTargets keep the uncut targets for that continuation.
        const bool capped = limit > 0 && highest > limit;
        const uint32_t cut = capped ? limit : highest;
        SampleTarget target = [&passTargets, width, cut](int x, int y) {
            return std::min(passTargets[static_cast<size_t>(y) * width + x], cut);
        };
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
