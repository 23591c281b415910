// make bench: adaptive against uniform sampling at equal error, and the accuracy of the
// ETA (doc/PERFORMANCE.md). For each scene: a high-sample reference (cached), uniform
// renders, and adaptive renders at a few error targets, each repeated with a few seeds.
// The RMSE against the reference is measured after every pass. Each adaptive target's
// final RMSE is a level; the speed-up is the time the uniform renders needed to get
// there over the adaptive renders' time. Prints tables and writes JSON (--out FILE).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ErrorCurve.h"
#include "ReferenceImage.h"
#include "RenderSeries.h"
#include "lua/SceneLoader.h"

namespace rt {
namespace {

struct SceneCase {
    std::string name;
    int width, height;
    uint32_t referenceSpp;  // both halves together; twice a square
    int uniformRoot;        // pixel_samples of the uniform renders: enough to get below
                            // every adaptive target's final RMSE
    int minSamples, maxSamples;
    std::vector<float> targets;  // target_adaptive_error, as a user writes it
};

double median(std::vector<double> v) {
    if (v.empty()) return std::nan("");
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

// Speed-ups at the levels the uniform renders reached, for the medians.
struct SpeedUps {
    std::vector<double> cpu, wall, samples;
};

// The adaptive series' final RMSE is the level: the uniform time to get there over the
// adaptive time. Prints a table row; returns the series' JSON with the comparison.
nlohmann::json compareAtEqualRmse(const Series& a, const std::vector<CurvePoint>& uniformCurve,
                                  float target, SpeedUps& speedUps) {
    const CurvePoint end = a.meanEnd();
    const double uCpu = reachAt(uniformCurve, end.rmse, &CurvePoint::cpuSeconds);
    const double uWall = reachAt(uniformCurve, end.rmse, &CurvePoint::wallSeconds);
    const double uSpp = reachAt(uniformCurve, end.rmse, &CurvePoint::meanSpp);
    const double cpuUp = uCpu / end.cpuSeconds;
    const double wallUp = uWall / end.wallSeconds;
    const double sppUp = uSpp / end.meanSpp;
    // The spread over seeds: each seed's adaptive render against the mean uniform curve.
    std::vector<double> seedUps;
    for (const RenderRun& r : a.runs) {
        const double up =
            reachAt(uniformCurve, r.end().rmse, &CurvePoint::cpuSeconds) / r.end().cpuSeconds;
        if (std::isfinite(up)) seedUps.push_back(up);
    }
    if (seedUps.empty()) seedUps.push_back(std::nan(""));
    const auto [lowUp, highUp] = std::minmax_element(seedUps.begin(), seedUps.end());
    if (std::isfinite(cpuUp)) {
        speedUps.cpu.push_back(cpuUp);
        speedUps.wall.push_back(wallUp);
        speedUps.samples.push_back(sppUp);
    }
    std::printf("  %7g %8.1f %6.1f%% %7.4f %6.0f%% %9.2f %9.2f %6.2fx %5.1f-%-5.1f %6.2fx %6.2fx\n",
                target, end.meanSpp, 100 * a.mean(&RenderRun::fractionAtMax), end.rmse,
                100 * a.mean(&RenderRun::worstShare), end.cpuSeconds, uCpu, cpuUp, *lowUp, *highUp,
                wallUp, sppUp);
    nlohmann::json series = seriesJson(a);
    series["targetAdaptiveError"] = target;
    series["uniformToSameRmse"] = {
        {"cpuSeconds", number(uCpu)}, {"wallSeconds", number(uWall)}, {"meanSpp", number(uSpp)}};
    series["speedUp"] = {{"cpu", number(cpuUp)},
                         {"cpuPerSeed", seedUps},
                         {"wall", number(wallUp)},
                         {"samples", number(sppUp)}};
    return series;
}

nlohmann::json runCase(const SceneCase& c, const std::string& cacheDir, int threads, int seeds) {
    SceneLoadOptions load;
    load.files = {std::string(RT_SOURCE_DIR) + "/rdl_scenes/" + c.name + ".rdla"};
    Scene scene = loadScene(load);
    scene.vars.imageWidth = c.width;
    scene.vars.imageHeight = c.height;
    scene.vars.res = 1.0f;
    scene.outputs.clear();  // nothing is written

    const ReferenceImage ref =
        loadOrRenderReference(scene, c.name, c.referenceSpp, cacheDir, threads);
    const double refRmse = std::sqrt(ErrorMetric{kClampMax}.referenceNoiseMse(ref));
    std::printf(
        "\n%s %dx%d, %d threads, seeds 0..%d; reference %u spp (%s, %.1f s), "
        "its own RMSE %.4f\n",
        c.name.c_str(), c.width, c.height, threads, seeds - 1, ref.samplesPerPixel,
        ref.fromCache ? "cached" : "rendered now", ref.renderSeconds, refRmse);

    Scene uniformScene = scene;
    uniformScene.vars.extra["sampling_mode"] = "0";
    uniformScene.vars.pixelSamples = c.uniformRoot;
    const int uniformSpp = c.uniformRoot * c.uniformRoot;
    const Series uniform = renderSeeds("uniform " + std::to_string(uniformSpp), uniformScene, ref,
                                       threads, seeds, uniformSpp);
    std::vector<std::vector<CurvePoint>> uniformCurves;
    for (const RenderRun& r : uniform.runs) uniformCurves.push_back(r.curve);
    const std::vector<CurvePoint> uniformCurve = averageCurves(uniformCurves);
    std::printf(
        "  uniform %d spp: %.2f s wall, %.2f s CPU, final RMSE %.4f, worst 1%% of "
        "pixels %.0f%% of the squared error\n",
        uniformSpp, uniformCurve.back().wallSeconds, uniformCurve.back().cpuSeconds,
        uniformCurve.back().rmse, 100 * uniform.mean(&RenderRun::worstShare));

    std::printf(
        "  adaptive, min %d, max %d spp; speed-up = uniform time to the same RMSE / "
        "adaptive time\n",
        c.minSamples, c.maxSamples);
    std::printf("  %7s %8s %7s %7s %7s %9s %9s %7s %11s %7s %7s\n", "target", "mean spp", "at max",
                "RMSE", "worst1%", "adapt CPU", "unif CPU", "CPU", "seed range", "wall", "samples");
    std::vector<Series> adaptive;
    SpeedUps speedUps;
    nlohmann::json targets = nlohmann::json::array();
    for (float target : c.targets) {
        Scene adaptiveScene = scene;
        adaptiveScene.vars.extra["sampling_mode"] = "2";
        adaptiveScene.vars.extra["min_adaptive_samples"] = std::to_string(c.minSamples);
        adaptiveScene.vars.extra["max_adaptive_samples"] = std::to_string(c.maxSamples);
        adaptiveScene.vars.extra["target_adaptive_error"] = std::to_string(target);
        char label[32];
        std::snprintf(label, sizeof label, "adaptive %g", target);
        const Series& a = adaptive.emplace_back(
            renderSeeds(label, adaptiveScene, ref, threads, seeds, c.maxSamples));
        targets.push_back(compareAtEqualRmse(a, uniformCurve, target, speedUps));
    }
    std::printf(
        "  median speed-up at equal RMSE: %.2fx CPU time, %.2fx wall time, %.2fx "
        "samples%s\n",
        median(speedUps.cpu), median(speedUps.wall), median(speedUps.samples),
        speedUps.cpu.size() < c.targets.size() ? " (uniform did not reach every level)" : "");

    std::printf(
        "  ETA: predicted total time at the first pass with progress >= mark, "
        "means over seeds\n");
    std::printf("  %-15s %4s %10s %9s %8s %10s %9s %9s\n", "render", "mark", "progress", "samples",
                "time", "wall err", "bias", "CPU err");
    printEta(uniform);
    for (const Series& a : adaptive) printEta(a);

    nlohmann::json uniformJson = seriesJson(uniform);
    uniformJson["samplesPerPixel"] = uniformSpp;
    nlohmann::json meanCurve = nlohmann::json::array();
    for (const CurvePoint& p : uniformCurve) meanCurve.push_back(pointJson(p));
    uniformJson["meanCurve"] = meanCurve;
    return {
        {"scene", c.name},
        {"resolution", {c.width, c.height}},
        {"threads", threads},
        {"seeds", seeds},
        {"metric", "RMSE of linear RGB clamped to [0, 10], reference noise subtracted"},
        {"reference",
         {{"samplesPerPixel", ref.samplesPerPixel},
          {"fromCache", ref.fromCache},
          {"renderSeconds", ref.renderSeconds},
          {"rmse", refRmse}}},
        {"uniform", uniformJson},
        {"adaptive",
         {{"minAdaptiveSamples", c.minSamples},
          {"maxAdaptiveSamples", c.maxSamples},
          {"targets", targets}}},
        {"medianSpeedUp",
         {{"cpu", number(median(speedUps.cpu))},
          {"wall", number(median(speedUps.wall))},
          {"samples", number(median(speedUps.samples))}}},
    };
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string one;
    in >> one;
    return one;
}

}  // namespace
}  // namespace rt

int main(int argc, char** argv) {
    using namespace rt;
    std::string outPath = "adaptive_bench.json";
    std::string cacheDir = "bench_cache";
    std::string only;
    int threads = 2;
    int seeds = 4;
    std::vector<SceneCase> cases = {
        {"caustic_room", 64, 48, 2 * 64 * 64, 45, 16, 1024, {500, 1000, 2000}},
        {"cornell_box", 64, 48, 2 * 64 * 64, 32, 16, 1024, {500, 1000, 2000}},
        {"glossy_glass", 64, 48, 2 * 64 * 64, 32, 16, 1024, {500, 1000, 2000}},
    };
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i], value = argv[i + 1];
        if (arg == "--out") outPath = value;
        if (arg == "--cache") cacheDir = value;  // where references are kept between runs
        if (arg == "--threads") threads = std::stoi(value);
        if (arg == "--seeds") seeds = std::stoi(value);
        // Tuning: one scene; the overrides below that follow it apply to it alone.
        if (arg == "--scene") only = value;
        for (SceneCase& c : cases) {
            if (!only.empty() && c.name != only) continue;
            if (arg == "--reference-spp") c.referenceSpp = std::stoi(value);
            if (arg == "--uniform-root") c.uniformRoot = std::stoi(value);
            if (arg == "--min") c.minSamples = std::stoi(value);
            if (arg == "--max") c.maxSamples = std::stoi(value);
            if (arg == "--target") c.targets = {std::stof(value)};
        }
    }

    const std::string loadBefore = loadAverage();
    nlohmann::json scenes = nlohmann::json::array();
    for (const SceneCase& c : cases) {
        if (only.empty() || c.name == only) {
            scenes.push_back(runCase(c, cacheDir, threads, seeds));
        }
    }
    const std::string loadAfter = loadAverage();
    const nlohmann::json results = {
        {"loadAverageBefore", loadBefore}, {"loadAverageAfter", loadAfter}, {"scenes", scenes}};
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("\nLoad average (1 min) before %s, after %s. Wrote %s\n", loadBefore.c_str(),
                loadAfter.c_str(), outPath.c_str());
    return 0;
}
