#pragma once
// Progress and time-to-finish from the convergence reports and the live sample count.
// Pure: the caller passes the time, so it is tested on synthetic renders without clocks.
//
// Progress is samples taken / (taken + forecast still to take); the forecast is exact for
// uniform sampling and refined every pass for adaptive sampling (SampleForecast.h).
// Remaining time is remaining samples x a predicted cost per sample. Late in an adaptive
// render samples cost more (the remaining ones sit in hard pixels, passes get small and
// their fixed overhead counts more), so the cost is not the global average: it is the
// recent cost, passes weighed by 1/2 per pass of age with the pass running now counted
// live, extrapolated along the trend of the cost over the render (doc/PROGRESS.md).
#include <cstdint>

#include "render/ConvergenceReport.h"

namespace rt {

class EtaEstimator {
  public:
    // samplesAtStart, secondsAtStart: samples already in the film and the sampling time
    // of earlier runs when this run started (a resumed render); they count for progress
    // and elapsed time but not for the cost of a sample. Elapsed times passed in (reports
    // and estimate) are of the whole render, earlier runs included.
    explicit EtaEstimator(uint64_t samplesAtStart = 0, double secondsAtStart = 0.0)
        : m_samplesAtStart(static_cast<double>(samplesAtStart)),
          m_secondsAtStart(secondsAtStart),
          m_elapsed(secondsAtStart) {}

    struct Estimate {
        double progress = 0.0;  // [0, 1], never decreases; 1 once finished
        double elapsedSeconds = 0.0;
        double etaSeconds = 0.0;             // 0 when unknown or finished
        double predictedTotalSeconds = 0.0;  // elapsed + eta
        // False until a pass has been reported whose forecast rests on measured errors
        // (uniform: the first pass; adaptive: the first with a measurable pixel error).
        bool known = false;
    };

    // Call after every pass, in order.
    void onPass(const ConvergenceReport& report);

    // The estimate now: samplesNow = samples in the film (>= the last report's samplesDone,
    // taken by the pass running now), elapsedSeconds since sampling started.
    Estimate estimate(uint64_t samplesNow, double elapsedSeconds) const;

    bool known() const { return m_known; }
    bool finished() const { return m_finished; }

  private:
    // Samples still to take once samplesNow are in the film.
    double remainingAt(double samplesNow) const;
    // Predicted seconds per sample for the rest of the render.
    double futureSecondsPerSample(double samplesNow, double secondsSinceReport) const;

    double m_samplesAtStart = 0.0;
    double m_secondsAtStart = 0.0;
    int m_passes = 0;
    bool m_known = false;
    bool m_finished = false;
    double m_elapsed = 0.0;  // at the last report
    double m_samplesDone = 0.0;
    double m_remaining = 0.0;  // forecast at the last report
    double m_progressFloor = 0.0;
    // Passes so far, each weighed by kPassDecay^age: time, samples, and samples x the
    // sample index at the middle of the pass (the centre of the recent cost on the
    // render's sample axis, for the trend).
    double m_recentSeconds = 0.0;
    double m_recentSamples = 0.0;
    double m_recentCentre = 0.0;
};

}  // namespace rt
