#include "report/EtaEstimator.h"

#include <algorithm>

namespace rt {
namespace {

// Weight of a pass relative to the one after it: the recent cost follows the last two or
// three passes, and a single slow pass (a hiccup on a shared machine) fades quickly.
constexpr double kPassDecay = 0.5;
// The trend is the slope between the global and the recent cost. Extrapolated over the
// rest of the render it amplifies noise in the recent cost several times, and a machine
// shared with other jobs shows steps in the cost that are no trend at all (measured: a
// render slowed down by 50% for a while). So only a quarter of the slope is used, only
// when the cost rises (the first pass is slow for reasons that do not last: cold caches,
// thread start-up), and the future cost is capped at twice the recent.
constexpr double kTrendDamping = 0.25;
constexpr double kMaxTrendFactor = 2.0;
// Below this distance between the centres of the recent and the global cost (a fraction
// of the total samples) the slope is noise.
constexpr double kMinTrendSpread = 0.02;
// While the render runs past its forecast, progress stops short of 1.
constexpr double kMaxUnfinishedProgress = 0.999;

}  // namespace

void EtaEstimator::onPass(const ConvergenceReport& report) {
    const double samples = std::max(static_cast<double>(report.samplesDone), m_samplesDone);
    if (m_passes == 0) m_samplesDone = std::min(m_samplesAtStart, samples);
    // An adaptive forecast made before any pixel error could be measured (after the
    // 1-spp first pass) is only the earliest possible stop; showing it would make the
    // progress jump back at the next pass.
    const bool informed = !report.adaptive || report.finished || report.maxError > 0.0;
    if (informed && m_known) {
        // What the display showed just before this report: a forecast revised upwards
        // lowers the raw progress; the shown progress holds still instead.
        m_progressFloor =
            std::max(m_progressFloor, estimate(report.samplesDone, report.elapsedSeconds).progress);
    }
    const double passSamples = samples - m_samplesDone;
    const double passSeconds = std::max(0.0, report.elapsedSeconds - m_elapsed);
    m_recentSeconds = kPassDecay * m_recentSeconds + passSeconds;
    m_recentSamples = kPassDecay * m_recentSamples + passSamples;
    m_recentCentre = kPassDecay * m_recentCentre + passSamples * 0.5 * (m_samplesDone + samples);
    m_known = m_known || informed;

    m_samplesDone = samples;
    m_elapsed = std::max(m_elapsed, report.elapsedSeconds);
    m_finished = report.finished;
    m_remaining = report.finished ? 0.0 : static_cast<double>(report.samplesRemaining);
    ++m_passes;
}

double EtaEstimator::remainingAt(double samplesNow) const {
    return std::max(0.0, m_remaining - (samplesNow - m_samplesDone));
}

double EtaEstimator::futureSecondsPerSample(double samplesNow, double secondsSinceReport) const {
    // The pass running now counts as the newest pass, so that the cost follows a slow
    // pass before it ends and does not jump when it is reported.
    const double taken = samplesNow - m_samplesDone;
    const double seconds = kPassDecay * m_recentSeconds + secondsSinceReport;
    const double samples = kPassDecay * m_recentSamples + taken;
    if (samples <= 0.0) return 0.0;
    const double recentCost = seconds / samples;
    const double recentCentre =
        (kPassDecay * m_recentCentre + taken * 0.5 * (m_samplesDone + samplesNow)) / samples;

    // The global cost is the mean over all samples of this run, centred half way.
    const double runSamples = samplesNow - m_samplesAtStart;
    if (runSamples <= 0.0) return recentCost;
    const double globalCost = (m_elapsed - m_secondsAtStart + secondsSinceReport) / runSamples;
    const double globalCentre = 0.5 * (m_samplesAtStart + samplesNow);

    const double remaining = remainingAt(samplesNow);
    const double spread = recentCentre - globalCentre;
    if (recentCost <= globalCost || spread < kMinTrendSpread * (samplesNow + remaining)) {
        return recentCost;
    }
    // Linear in the sample index, the cost of the remaining samples is its value at their
    // centre.
    const double slope = (recentCost - globalCost) / spread;
    const double futureCentre = samplesNow + 0.5 * remaining;
    const double future = recentCost + kTrendDamping * slope * (futureCentre - recentCentre);
    return std::min(future, kMaxTrendFactor * recentCost);
}

EtaEstimator::Estimate EtaEstimator::estimate(uint64_t samplesNow, double elapsedSeconds) const {
    Estimate e;
    e.elapsedSeconds = elapsedSeconds;
    e.predictedTotalSeconds = elapsedSeconds;
    if (!m_known) return e;
    e.known = true;
    if (m_finished) {
        e.progress = 1.0;
        return e;
    }
    const double samples = std::max(static_cast<double>(samplesNow), m_samplesDone);
    const double remaining = remainingAt(samples);
    const double total = samples + remaining;
    const double raw = total > 0.0 ? samples / total : 0.0;
    e.progress = std::max(m_progressFloor, std::min(raw, kMaxUnfinishedProgress));
    const double sinceReport = std::max(0.0, elapsedSeconds - m_elapsed);
    e.etaSeconds = remaining * futureSecondsPerSample(samples, sinceReport);
    e.predictedTotalSeconds = elapsedSeconds + e.etaSeconds;
    return e;
}

}  // namespace rt
