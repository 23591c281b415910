#include "RenderSeries.h"

#include <cmath>
#include <cstdio>

#include "session/RenderSession.h"

namespace rt {
namespace {

constexpr double kWorstFraction = 0.01;

RenderRun renderAndRecord(const Scene& scene, const ReferenceImage& ref, int threads,
                          uint32_t maxSamples) {
    RenderOptions options;
    options.threads = threads;
    RenderSession session(scene, options);
    const ErrorMetric metric{kClampMax};
    CurveRecorder recorder(session, ref, metric);
    session.addListener(&recorder);
    session.render();
    const Film& film = session.film();
    size_t atMax = 0;
    for (const PixelAccumulator& p : film.pixels()) atMax += p.sampleCount >= maxSamples;
    return {recorder.curve(),
            recorder.etaWall(),
            recorder.etaCpu(),
            film.sampleStats().mean,
            session.stats().samples,
            session.stats().passes,
            static_cast<double>(atMax) / film.pixelCount(),
            metric.worstShare(film, ref, kWorstFraction)};
}

// Signed: positive when the ETA promised a later end than the actual one.
double etaError(const EtaCheck& c, double actual) {
    return c.reached ? (c.predictedTotalSeconds - actual) / actual : std::nan("");
}

}  // namespace

CurvePoint Series::meanEnd() const {
    std::vector<std::vector<CurvePoint>> ends;
    for (const RenderRun& r : runs) ends.push_back({r.end()});
    return averageCurves(ends).front();
}

double Series::mean(double RenderRun::*field) const {
    double sum = 0.0;
    for (const RenderRun& r : runs) sum += r.*field;
    return sum / runs.size();
}

Series renderSeeds(const std::string& label, Scene scene, const ReferenceImage& ref, int threads,
                   int seeds, uint32_t maxSamples) {
    Series series{label, {}};
    for (int seed = 0; seed < seeds; ++seed) {
        scene.vars.seed = static_cast<uint32_t>(seed);
        series.runs.push_back(renderAndRecord(scene, ref, threads, maxSamples));
    }
    return series;
}

nlohmann::json number(double v) {
    return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

nlohmann::json pointJson(const CurvePoint& p) {
    return {{"wallSeconds", p.wallSeconds},
            {"cpuSeconds", p.cpuSeconds},
            {"meanSpp", p.meanSpp},
            {"rmse", p.rmse},
            {"rmseUnclamped", p.rmseUnclamped}};
}

EtaSummary summarizeEta(const Series& s, size_t mark) {
    EtaSummary sum;
    for (const RenderRun& r : s.runs) {
        const EtaCheck& w = r.etaWall[mark];
        if (!w.reached) continue;
        ++sum.reached;
        sum.progress += w.progress;
        sum.sampleFraction += static_cast<double>(w.samplesDone) / r.samples;
        sum.timeFraction += w.elapsedSeconds / r.end().wallSeconds;
        sum.wallError += std::abs(etaError(w, r.end().wallSeconds));
        sum.wallBias += etaError(w, r.end().wallSeconds);
        sum.cpuError += std::abs(etaError(r.etaCpu[mark], r.end().cpuSeconds));
    }
    for (double* v : {&sum.progress, &sum.sampleFraction, &sum.timeFraction, &sum.wallError,
                      &sum.wallBias, &sum.cpuError}) {
        *v = sum.reached > 0 ? *v / sum.reached : std::nan("");
    }
    return sum;
}

nlohmann::json seriesJson(const Series& s) {
    nlohmann::json runs = nlohmann::json::array();
    for (const RenderRun& r : s.runs) {
        nlohmann::json curve = nlohmann::json::array(), eta = nlohmann::json::array();
        for (const CurvePoint& p : r.curve) curve.push_back(pointJson(p));
        for (size_t i = 0; i < r.etaWall.size(); ++i) {
            const EtaCheck& w = r.etaWall[i];
            eta.push_back(
                {{"mark", w.mark},
                 {"reached", w.reached},
                 {"progress", w.progress},
                 {"sampleFraction", static_cast<double>(w.samplesDone) / r.samples},
                 {"timeFraction", w.elapsedSeconds / r.end().wallSeconds},
                 {"wallPredictedTotalSeconds", w.predictedTotalSeconds},
                 {"cpuPredictedTotalSeconds", r.etaCpu[i].predictedTotalSeconds},
                 {"wallErrorPercent", number(100 * etaError(w, r.end().wallSeconds))},
                 {"cpuErrorPercent", number(100 * etaError(r.etaCpu[i], r.end().cpuSeconds))}});
        }
        runs.push_back({{"passes", r.passes},
                        {"fractionAtMax", r.fractionAtMax},
                        {"worstPercentShare", r.worstShare},
                        {"final", pointJson(r.end())},
                        {"curve", curve},
                        {"eta", eta}});
    }
    nlohmann::json etaMeans = nlohmann::json::array();
    for (size_t i = 0; i < s.runs.front().etaWall.size(); ++i) {
        const EtaSummary e = summarizeEta(s, i);
        etaMeans.push_back({{"mark", s.runs.front().etaWall[i].mark},
                            {"reachedInRuns", e.reached},
                            {"progress", number(e.progress)},
                            {"sampleFraction", number(e.sampleFraction)},
                            {"timeFraction", number(e.timeFraction)},
                            {"wallErrorPercent", number(100 * e.wallError)},
                            {"wallBiasPercent", number(100 * e.wallBias)},
                            {"cpuErrorPercent", number(100 * e.cpuError)}});
    }
    return {{"label", s.label},
            {"meanFinal", pointJson(s.meanEnd())},
            {"etaMean", etaMeans},
            {"runs", runs}};
}

void printEta(const Series& s) {
    for (size_t i = 0; i < s.runs.front().etaWall.size(); ++i) {
        const double mark = s.runs.front().etaWall[i].mark;
        const EtaSummary e = summarizeEta(s, i);
        std::printf("  %-15s %3.0f%% %9.1f%% %8.1f%% %7.1f%% %9.1f%% %+8.1f%% %8.1f%%",
                    s.label.c_str(), 100 * mark, 100 * e.progress, 100 * e.sampleFraction,
                    100 * e.timeFraction, 100 * e.wallError, 100 * e.wallBias, 100 * e.cpuError);
        if (e.reached < static_cast<int>(s.runs.size())) {
            std::printf("  (shown in %d of %zu runs)", e.reached, s.runs.size());
        }
        std::printf("\n");
    }
}

}  // namespace rt
