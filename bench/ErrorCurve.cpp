#include "ErrorCurve.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <limits>

#include "core/Error.h"

namespace rt {
namespace {

double squaredDistance(const Color& a, const Color& b, float clampMax) {
    double sum = 0.0;
    for (int c = 0; c < 3; ++c) {
        const double d = std::clamp(a[c], 0.0f, clampMax) - std::clamp(b[c], 0.0f, clampMax);
        sum += d * d;
    }
    return sum;
}

double wallSeconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void check(const EtaEstimator& estimator, const ConvergenceReport& report,
           std::vector<EtaCheck>& checks) {
    const EtaEstimator::Estimate e = estimator.estimate(report.samplesDone, report.elapsedSeconds);
    for (EtaCheck& c : checks) {
        if (c.reached || !e.known || report.finished || e.progress < c.mark) continue;
        c = {c.mark,
             true,
             e.progress,
             report.samplesDone,
             report.elapsedSeconds,
             e.predictedTotalSeconds};
    }
}

}  // namespace

double processCpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

double ErrorMetric::rmse(const Film& film, const ReferenceImage& ref) const {
    double sum = 0.0;
    for (int y = 0; y < film.height(); ++y) {
        for (int x = 0; x < film.width(); ++x) {
            sum += squaredDistance(film.beauty(x, y), ref.mean[y * ref.width + x], clampMax);
        }
    }
    const double mse = sum / (3.0 * film.pixelCount());
    return std::sqrt(std::max(0.0, mse - referenceNoiseMse(ref)));
}

double ErrorMetric::worstShare(const Film& film, const ReferenceImage& ref, double fraction) const {
    std::vector<double> errors;
    double total = 0.0;
    for (int y = 0; y < film.height(); ++y) {
        for (int x = 0; x < film.width(); ++x) {
            errors.push_back(
                squaredDistance(film.beauty(x, y), ref.mean[y * ref.width + x], clampMax));
            total += errors.back();
        }
    }
    const size_t worst = std::max<size_t>(1, std::lround(fraction * errors.size()));
    std::nth_element(errors.begin(), errors.begin() + worst, errors.end(), std::greater<>());
    double sum = 0.0;
    for (size_t i = 0; i < worst; ++i) sum += errors[i];
    return total > 0.0 ? sum / total : 0.0;
}

double ErrorMetric::referenceNoiseMse(const ReferenceImage& ref) const {
    // Each half has twice the reference's noise variance, and their difference the sum of
    // both: four times the reference's.
    double sum = 0.0;
    for (size_t i = 0; i < ref.mean.size(); ++i) {
        sum += squaredDistance(ref.halves[0][i], ref.halves[1][i], clampMax);
    }
    return sum / (3.0 * ref.mean.size()) / 4.0;
}

CurveRecorder::CurveRecorder(const RenderSession& session, const ReferenceImage& ref,
                             ErrorMetric metric)
    : m_session(session),
      m_ref(ref),
      m_metric(metric),
      m_unclamped{std::numeric_limits<float>::max()},
      m_cpuStart(processCpuSeconds()),
      m_etaWall{{0.25}, {0.5}},
      m_etaCpu{{0.25}, {0.5}} {}

void CurveRecorder::onPass(const ConvergenceReport& report) {
    const double wallStart = wallSeconds(), cpuStart = processCpuSeconds();
    ConvergenceReport wall = report;
    wall.elapsedSeconds = report.elapsedSeconds - m_ownWall;
    ConvergenceReport cpu = report;
    cpu.elapsedSeconds = cpuStart - m_cpuStart - m_ownCpu;

    // Between passes the render thread waits for its listeners: the film is stable.
    const Film& film = m_session.film();
    m_curve.push_back({wall.elapsedSeconds, cpu.elapsedSeconds, report.meanSpp,
                       m_metric.rmse(film, m_ref), m_unclamped.rmse(film, m_ref)});
    m_wallEstimator.onPass(wall);
    check(m_wallEstimator, wall, m_etaWall);
    m_cpuEstimator.onPass(cpu);
    check(m_cpuEstimator, cpu, m_etaCpu);

    m_ownWall += wallSeconds() - wallStart;
    m_ownCpu += processCpuSeconds() - cpuStart;
}

double reachAt(const std::vector<CurvePoint>& curve, double rmse, double CurvePoint::*x) {
    size_t below = curve.size();  // the first point of the final run below `rmse`
    while (below > 0 && curve[below - 1].rmse <= rmse) --below;
    if (below == curve.size()) return std::numeric_limits<double>::quiet_NaN();
    if (below == 0) return curve[0].*x;
    const CurvePoint& a = curve[below - 1];
    const CurvePoint& b = curve[below];
    const double f = std::log(rmse / a.rmse) / std::log(b.rmse / a.rmse);
    return std::exp(std::log(a.*x) + f * std::log(b.*x / a.*x));
}

std::vector<CurvePoint> averageCurves(const std::vector<std::vector<CurvePoint>>& curves) {
    std::vector<CurvePoint> mean(curves.front().size());
    const double n = static_cast<double>(curves.size());
    for (const std::vector<CurvePoint>& curve : curves) {
        RT_CHECK(curve.size() == mean.size());
        for (size_t i = 0; i < curve.size(); ++i) {
            mean[i].wallSeconds += curve[i].wallSeconds / n;
            mean[i].cpuSeconds += curve[i].cpuSeconds / n;
            mean[i].meanSpp += curve[i].meanSpp / n;
            mean[i].rmse += curve[i].rmse * curve[i].rmse / n;
            mean[i].rmseUnclamped += curve[i].rmseUnclamped * curve[i].rmseUnclamped / n;
        }
    }
    for (CurvePoint& p : mean) {
        p.rmse = std::sqrt(p.rmse);
        p.rmseUnclamped = std::sqrt(p.rmseUnclamped);
    }
    return mean;
}

}  // namespace rt
