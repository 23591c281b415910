#include "checkpoint/CheckpointPolicy.h"

#include <algorithm>
#include <cmath>

#include "checkpoint/QualitySchedule.h"

namespace rt {

CheckpointPolicy::CheckpointPolicy(const CheckpointSettings& settings) : m_settings(settings) {
    if (settings.mode == CheckpointMode::Quality) {
        m_qualitySamples =
            qualityCheckpointSamples(settings.adaptive, settings.qualitySteps, sampleLimit());
    }
    m_nextTime = settings.intervalSeconds > kFirstCheckpointSeconds ? kFirstCheckpointSeconds
                                                                    : settings.intervalSeconds;
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
    if (!m_oneSppDone && m.minSpp >= 1) {
        m_oneSppDone = true;
        due = true;
    }
    return due;
}

bool CheckpointPolicy::qualityDue(const CheckpointMeasurement& m) {
    // Quality checkpoints land on pass ends, when the whole image holds the count.
    if (!m.passEnded) return false;
    bool due = false;
    while (m_nextQuality < m_qualitySamples.size() && m.minSpp >= m_qualitySamples[m_nextQuality]) {
        due = true;
        ++m_nextQuality;
    }
    return due;
}

CheckpointDecision CheckpointPolicy::evaluate(const CheckpointMeasurement& m) {
    CheckpointDecision decision;
    if (m_stopped) return decision;
    const bool due = m_settings.mode == CheckpointMode::Time ? timeDue(m) : qualityDue(m);
    const bool started = m.minSpp >= m_settings.startSample;
    if (due && started) {
        decision.snapshot = true;
        decision.reason = "checkpoint";
    }
    // Caps are checked last: they stop the render after a final snapshot.
    if (m_settings.timeCapSeconds > 0.0 && m.elapsedSeconds >= m_settings.timeCapSeconds) {
        decision = {true, true, "exitat"};
    } else if (m_settings.sampleCap > 0 && m.minSpp >= sampleLimit() &&
               sampleLimit() < m_settings.finalSamples) {
        decision = {true, true, "sample cap"};
    }
    m_stopped = decision.stop;
    return decision;
}

}  // namespace rt
