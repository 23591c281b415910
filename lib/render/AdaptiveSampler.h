#pragma once
// Decides, between passes, how many samples each pixel should hold after the next pass
// (doc/ADAPTIVE.md). Every decision is a pure function of the film: a pixel is done when
// it holds max samples, or at least min samples and an error at or below the threshold;
// a pixel is active when it or one of its 8 neighbours is not done (dilation, so no tile
// seams or blocky islands appear), and an active pixel goes to the next step of the
// table n*n + n - 1, capped at max. Thread count, tile size and timing never enter.
#include <vector>

#include "film/Film.h"
#include "render/ConvergenceReport.h"
#include "scene/SamplingSettings.h"

namespace rt {

class AdaptiveSampler {
  public:
    AdaptiveSampler(const SamplingSettings& settings, int width, int height);

    // Measures the film and plans the next pass. Returns false when no pixel is active.
    bool plan(const Film& film);

    // The planned count for a pixel after the next pass (its current count if inactive).
    uint32_t target(int x, int y) const { return m_targets[index(x, y)]; }

    // Every pixel's planned count, row-major.
    const std::vector<uint32_t>& targets() const { return m_targets; }

    // The highest planned count of any pixel (a sample cap below it ends the render).
    uint32_t highestTarget() const { return m_highestTarget; }

    // Fills the sampling part of a report from the last plan().
    void describe(ConvergenceReport& report) const;

    const std::vector<float>& errors() const { return m_errors; }

  private:
    size_t index(int x, int y) const { return static_cast<size_t>(y) * m_width + x; }
    bool isDone(uint32_t count, float error) const;

    SamplingSettings m_settings;
    int m_width, m_height;
    std::vector<float> m_errors;
    std::vector<uint8_t> m_done;
    std::vector<uint32_t> m_targets;
    // Error history for the forecast only (ETA); never used for sampling decisions.
    std::vector<uint32_t> m_previousCount, m_lastCount;
    std::vector<float> m_previousError;
    uint32_t m_active = 0;
    uint32_t m_highestTarget = 0;
    uint32_t m_doneCount = 0;
    uint64_t m_remainingForecast = 0;
};

}  // namespace rt
