#pragma once
// The error of a render against a reference after every pass (the curve on which
// adaptive and uniform sampling are compared) and the ETA the progress display would
// have shown along the way, on two clocks: wall time, what a user waits, and the
// process's CPU time, the work done, which other jobs on a shared machine do not inflate.
#include <cstdint>
#include <vector>

#include "ReferenceImage.h"
#include "report/EtaEstimator.h"
#include "session/RenderSession.h"

namespace rt {

// Pixel values are clamped to [0, clampMax] per RGB channel before comparing: a caustic
// render has rare, very bright samples whose squares would otherwise dominate the mean
// and make the RMSE of one render (and of the reference) a lottery. The reference's own
// noise (estimated from its two independent halves) is subtracted from the mean square:
// it adds to every render's error alike and is no error of the render.
struct ErrorMetric {
    float clampMax;

    // sqrt(mean over pixels and channels of the squared difference - reference noise).
    double rmse(const Film& film, const ReferenceImage& ref) const;
    // Mean square of the reference's noise: a quarter of the halves' mean squared difference.
    double referenceNoiseMse(const ReferenceImage& ref) const;
    // The share of the squared error in the worst `fraction` of the pixels: how much a
    // few pixels (fireflies, pixels stopped too early) dominate the RMSE.
    double worstShare(const Film& film, const ReferenceImage& ref, double fraction) const;
};

struct CurvePoint {
    // Since sampling started, the benchmark's own work excluded.
    double wallSeconds = 0.0;
    double cpuSeconds = 0.0;  // all threads together
    double meanSpp = 0.0;
    double rmse = 0.0;           // the primary metric
    double rmseUnclamped = 0.0;  // for reference only
};

// The estimator's predicted total time at the first pass whose progress reached a mark.
struct EtaCheck {
    double mark = 0.0;  // 0.25, 0.5
    bool reached = false;
    double progress = 0.0;  // the estimator's progress at that pass
    uint64_t samplesDone = 0;
    double elapsedSeconds = 0.0;  // when it was shown
    double predictedTotalSeconds = 0.0;
};

class CurveRecorder : public ConvergenceListener {
  public:
    // Construct just before session.render(): the CPU clock starts here.
    CurveRecorder(const RenderSession& session, const ReferenceImage& ref, ErrorMetric metric);

    void onPass(const ConvergenceReport& report) override;

    const std::vector<CurvePoint>& curve() const { return m_curve; }
    const std::vector<EtaCheck>& etaWall() const { return m_etaWall; }
    const std::vector<EtaCheck>& etaCpu() const { return m_etaCpu; }

  private:
    const RenderSession& m_session;
    const ReferenceImage& m_ref;
    ErrorMetric m_metric;
    ErrorMetric m_unclamped;
    double m_cpuStart;
    EtaEstimator m_wallEstimator, m_cpuEstimator;
    std::vector<CurvePoint> m_curve;
    std::vector<EtaCheck> m_etaWall, m_etaCpu;
    double m_ownWall = 0.0, m_ownCpu = 0.0;  // spent in onPass, taken off the clocks
};

double processCpuSeconds();

// Where (in `x`: &CurvePoint::wallSeconds, cpuSeconds or meanSpp) the curve gets below
// `rmse` for good, interpolating log RMSE linearly in log x between passes (RMSE falls as
// a power of the work). For good: a caustic render's RMSE rises while its first rare
// bright samples arrive. NaN if the curve ends above `rmse`.
double reachAt(const std::vector<CurvePoint>& curve, double rmse, double CurvePoint::*x);

// Point by point over renders of the same passes (uniform renders with different seeds):
// mean times and sample counts, RMSE of the mean squared error.
std::vector<CurvePoint> averageCurves(const std::vector<std::vector<CurvePoint>>& curves);

}  // namespace rt
