#include "render/AdaptiveSampler.h"

#include <algorithm>
#include <cmath>

#include "film/PixelError.h"
#include "render/AdaptiveSchedule.h"
#include "render/SampleForecast.h"

namespace rt {

AdaptiveSampler::AdaptiveSampler(const SamplingSettings& settings, int width, int height)
    : m_settings(settings),
      m_width(width),
      m_height(height),
      m_errors(static_cast<size_t>(width) * height, std::numeric_limits<float>::infinity()),
      m_done(m_errors.size(), 0),
      m_targets(m_errors.size(), 0),
      m_previousCount(m_errors.size(), 0),
      m_lastCount(m_errors.size(), 0),
      m_previousError(m_errors.size(), std::numeric_limits<float>::infinity()) {}

bool AdaptiveSampler::isDone(uint32_t count, float error) const {
    if (count >= m_settings.maxSamples) return true;
    return count >= m_settings.minSamples && error <= m_settings.errorThreshold();
}

bool AdaptiveSampler::plan(const Film& film) {
    const AdaptiveLimits limits{m_settings.minSamples, m_settings.maxSamples,
                                m_settings.errorThreshold()};
    m_doneCount = 0;
    std::vector<uint32_t> finalCounts(m_errors.size());
    for (int y = 0; y < m_height; ++y) {
        for (int x = 0; x < m_width; ++x) {
            const size_t i = index(x, y);
            const PixelAccumulator& pixel = film.at(x, y);
            const float error = pixelError(pixel);
            if (pixel.sampleCount != m_lastCount[i]) {  // new samples: shift the history
                m_previousCount[i] = m_lastCount[i];
                m_previousError[i] = m_errors[i];
                m_lastCount[i] = pixel.sampleCount;
            }
            m_errors[i] = error;
            m_done[i] = isDone(pixel.sampleCount, error) ? 1 : 0;
            m_doneCount += m_done[i];
            const PixelHistory history{pixel.sampleCount, error, m_previousCount[i],
                                       m_previousError[i], m_done[i] != 0};
            finalCounts[i] = forecastFinalCount(history, limits);
        }
    }
    // Dilated pixels sample on with their neighbours: the forecast counts them too.
    m_remainingForecast = forecastRemainingSamples(finalCounts, m_lastCount, m_done, m_width,
                                                   m_height, m_settings.maxSamples);

    // Dilation: a pixel keeps sampling while any pixel of its 3x3 neighbourhood is not
    // done, unless it already holds max samples.
    m_active = 0;
    m_highestTarget = 0;
    for (int y = 0; y < m_height; ++y) {
        for (int x = 0; x < m_width; ++x) {
            const size_t i = index(x, y);
            const uint32_t count = film.at(x, y).sampleCount;
            bool active = false;
            for (int dy = -1; dy <= 1 && !active; ++dy) {
                for (int dx = -1; dx <= 1 && !active; ++dx) {
                    const int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= m_width || ny >= m_height) continue;
                    active = m_done[index(nx, ny)] == 0;
                }
            }
            active = active && count < m_settings.maxSamples;
            m_targets[i] =
                active ? std::min(nextAdaptiveStep(count), m_settings.maxSamples) : count;
            m_active += active ? 1 : 0;
            m_highestTarget = std::max(m_highestTarget, m_targets[i]);
        }
    }
    return m_active > 0;
}

void AdaptiveSampler::describe(ConvergenceReport& report) const {
    report.adaptive = true;
    report.activePixels = m_active;
    report.finished = m_active == 0;
    report.fractionConverged = static_cast<double>(m_doneCount) / m_errors.size();
    report.samplesRemaining = m_active == 0 ? 0 : m_remainingForecast;
    report.targetError = m_settings.errorThreshold();
    report.pixelErrors = &m_errors;
}

}  // namespace rt
