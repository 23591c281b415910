#include "checkpoint/CheckpointPolicy.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "checkpoint/QualitySchedule.h"

namespace rt {

CheckpointPolicy::CheckpointPolicy(const CheckpointSettings& settings) : m_settings(settings) {
    if (settings.mode == CheckpointMode::Quality) {
        if (settings.totalFiles > 0) {
            m_qualitySteps =
                qualityStepsForTotalFiles(settings.adaptive, settings.totalFiles, sampleLimit());
        } else {
            m_qualitySteps = std::max<uint32_t>(settings.qualitySteps, 1);
        }
        if (m_qualitySteps > 0) {
            m_qualitySamples =
                qualityCheckpointSamples(settings.adaptive, m_qualitySteps, sampleLimit());
        }
    }
    m_nextTime = settings.intervalSeconds > kFirstCheckpointSeconds ? kFirstCheckpointSeconds
                                                                    : settings.intervalSeconds;
}

void CheckpointPolicy::resumeAt(double elapsedSeconds, uint32_t sppLevel) {
    if (elapsedSeconds >= m_nextTime) {
        const double interval = m_settings.intervalSeconds;
        m_nextTime = (std::floor(elapsedSeconds / interval) + 1.0) * interval;
    }
    m_oneSppDone = sppLevel >= 1;
    while (m_nextQuality < m_qualitySamples.size() && sppLevel >= m_qualitySamples[m_nextQuality]) {
        ++m_nextQuality;
    }
}

double CheckpointPolicy::nextDueSeconds() const {
    double due = std::numeric_limits<double>::infinity();
    if (m_stopped) return due;
    if (m_settings.mode == CheckpointMode::Time) due = m_nextTime;
    if (m_settings.timeCapSeconds > 0.0) due = std::min(due, m_settings.timeCapSeconds);
    return due;
}

uint32_t CheckpointPolicy::sampleLimit() const {
    if (m_settings.sampleCap == 0) return m_settings.finalSamples;
    return std::min(m_settings.sampleCap, m_settings.finalSamples);
}

bool CheckpointPolicy::timeDue(const CheckpointMeasurement& m) {
    bool due = false;
    if (m.elapsedSeconds >= m_nextTime) {
        due = true;
        // The next time on the grid of intervals counted from the start, skipping any
        // that passed while the render was busy (one snapshot, not a burst).
        const double interval = m_settings.intervalSeconds;
        const double k = std::floor(m.elapsedSeconds / interval) + 1.0;
        m_nextTime = std::max(k * interval, m_nextTime + 1e-9);
    }
    if (!m_oneSppDone && m.sppLevel >= 1) {
        m_oneSppDone = true;
        due = true;
    }
    return due;
}

bool CheckpointPolicy::qualityDue(const CheckpointMeasurement& m) {
    // Quality checkpoints land on pass ends, when the whole image holds the count.
    if (!m.passEnded) return false;
    bool due = false;
    while (m_nextQuality < m_qualitySamples.size() &&
           m.sppLevel >= m_qualitySamples[m_nextQuality]) {
        due = true;
        ++m_nextQuality;
    }
    return due;
}

CheckpointDecision CheckpointPolicy::evaluate(const CheckpointMeasurement& m) {
    CheckpointDecision decision;
    if (m_stopped) return decision;
    const bool due = m_settings.mode == CheckpointMode::Time ? timeDue(m) : qualityDue(m);
    const bool started = m.sppLevel >= m_settings.startSample;
    if (due && started) {
        decision.snapshot = true;
        decision.reason = "checkpoint";
    }
    // The time cap is checked last: it stops the render after a final snapshot. (The
    // sample cap needs no decision: the render loop never plans beyond sampleLimit().)
    if (m_settings.timeCapSeconds > 0.0 && m.elapsedSeconds >= m_settings.timeCapSeconds) {
        decision = {true, true, "exitat"};
    }
    m_stopped = decision.stop;
    return decision;
}

}  // namespace rt
