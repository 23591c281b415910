#pragma once
// The sampling passes of one render, uniform or adaptive, each followed by a
// ConvergenceReport to the listeners. Separate from RenderSession so that the schedule
// logic reads in one place.
#include <functional>
#include <vector>

#include "film/Film.h"
#include "render/ConvergenceReport.h"
#include "render/TileRenderer.h"
#include "scene/SamplingSettings.h"

namespace rt {

// Fills the film-derived fields of a report: spp statistics, samples done, error
// statistics over the measurable pixels of `errors`.
void describeFilm(const Film& film, const std::vector<float>& errors, ConvergenceReport& report);

// Runs every pass; `publish` receives each report (elapsed time is filled by the caller).
// Returns the number of passes. `errors` ends holding the final per-pixel errors.
int runUniformPasses(TileRenderer& renderer, Film& film, const SamplingSettings& settings,
                     std::vector<float>& errors,
                     const std::function<void(ConvergenceReport&)>& publish);
int runAdaptivePasses(TileRenderer& renderer, Film& film, const SamplingSettings& settings,
                      std::vector<float>& errors,
                      const std::function<void(ConvergenceReport&)>& publish);

}  // namespace rt
