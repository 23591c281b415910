#pragma once
// Renders of one configuration (uniform, or one adaptive target) with several seeds, each
// with its error curve and ETA checks (ErrorCurve.h), and what the benchmark reports of
// them: means over the seeds, the ETA summary, JSON.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ErrorCurve.h"

namespace rt {

// Values are clamped at 10 per channel: above every lit surface of either scene, so only
// fireflies and the lights seen directly are cut.
constexpr float kClampMax = 10.0f;

struct RenderRun {
    std::vector<CurvePoint> curve;
    std::vector<EtaCheck> etaWall, etaCpu;
    double meanSpp = 0.0;
    uint64_t samples = 0;
    int passes = 0;
    double fractionAtMax = 0.0;  // pixels holding max_adaptive_samples
    double worstShare = 0.0;     // of the squared error, in the worst 1% of pixels

    const CurvePoint& end() const { return curve.back(); }
};

struct Series {
    std::string label;
    std::vector<RenderRun> runs;

    // Mean times and sample counts of the final passes, RMSE of their mean squared error.
    CurvePoint meanEnd() const;
    double mean(double RenderRun::*field) const;
};

// Renders `scene` with seeds 0 .. seeds-1 (uniform or adaptive as its variables say).
Series renderSeeds(const std::string& label, Scene scene, const ReferenceImage& ref, int threads,
                   int seeds, uint32_t maxSamples);

// One ETA mark of one series, over its seeds.
struct EtaSummary {
    int reached = 0;
    double progress = 0, sampleFraction = 0, timeFraction = 0;
    double wallError = 0, wallBias = 0, cpuError = 0;  // mean |error|, mean signed error
};
EtaSummary summarizeEta(const Series& s, size_t mark);
// One table row per ETA mark.
void printEta(const Series& s);

nlohmann::json number(double v);  // null when not finite
nlohmann::json pointJson(const CurvePoint& p);
nlohmann::json seriesJson(const Series& s);

}  // namespace rt
