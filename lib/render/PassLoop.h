#pragma once
// The sampling passes of one render, uniform or adaptive, each followed by a
// ConvergenceReport to the listeners. The loop has one boundary (guide rule 3) where its
// owner takes snapshots and decides to stop: at every pass end, and mid-pass whenever the
// pause check fires between tile tasks. Separate from RenderSession so that the schedule
// logic reads in one place.
#include <functional>
#include <vector>

#include "film/Film.h"
#include "render/ConvergenceReport.h"
#include "render/TileRenderer.h"
#include "scene/SamplingSettings.h"

namespace rt {

struct PassLoopHooks {
    // Receives each pass report (the caller fills the elapsed time).
    std::function<void(ConvergenceReport&)> publish;
    // Asked between tile tasks; true pauses the pass and calls `boundary`.
    TileRenderer::PauseCheck pause;
    // Called when a pass ended (true, after publish) or was paused (false). `sppLevel`
    // is the image's sample level at the last pass end (uniform: every pixel's count;
    // adaptive: the table step reached, the highest count). Returns false to stop
    // sampling now.
    std::function<bool(bool passEnded, uint32_t sppLevel)> boundary;
    // The most samples a pixel may hold (the sample cap); 0 = no cap. Hit exactly: the
    // pass that would go beyond it is cut at it and is the last.
    uint32_t sampleLimit = 0;
    // Uniform only: extra pass ends (quality-mode checkpoint counts), merged into the
    // doubling schedule. Pass ends do not change a uniform image, only when it is seen.
    std::vector<uint32_t> extraUniformTargets;
};

struct PassLoopResult {
    int passes = 0;        // passes completed
    bool stopped = false;  // `boundary` asked to stop before sampling was complete
    bool capped = false;   // the sample limit ended the render
};

// Fills the film-derived fields of a report: spp statistics, samples done, error
// statistics over the measurable pixels of `errors`.
void describeFilm(const Film& film, const std::vector<float>& errors, ConvergenceReport& report);

// Runs the passes, continuing from whatever the film holds (a resumed render).
// `errors` holds the per-pixel errors of the last pass end throughout (for snapshots) and
// the final ones at the end. `passTargets` (width * height) holds the count each pixel is
// to reach in the pass in progress, before any sample cap: where it exceeds the pixel's
// count when the loop starts, a resumed render first finishes that interrupted pass, so
// the film ends exactly as if the render had never stopped (doc/RESUME.md).
PassLoopResult runUniformPasses(TileRenderer& renderer, Film& film,
                                const SamplingSettings& settings, std::vector<float>& errors,
                                std::vector<uint32_t>& passTargets, const PassLoopHooks& hooks);
PassLoopResult runAdaptivePasses(TileRenderer& renderer, Film& film,
                                 const SamplingSettings& settings, std::vector<float>& errors,
                                 std::vector<uint32_t>& passTargets, const PassLoopHooks& hooks);

}  // namespace rt
