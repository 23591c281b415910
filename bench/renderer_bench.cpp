// make bench: renderer throughput against raw Embree throughput on the same scene.
// Prints a summary and writes JSON (--out FILE). Medians of several repetitions, all
// measured in one run, so ratios are comparable on a noisy machine.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "accel/RawThroughput.h"
#include "core/Log.h"
#include "lua/SceneLoader.h"
#include "session/RenderSession.h"

namespace rt {
namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct RenderRate {
    double samplesPerSecond, raysPerSecond;
};

RenderRate measureRender(const Scene& scene, int threads) {
    RenderOptions options;
    options.threads = threads;
    RenderSession session(scene, options);
    session.render();
    const RenderStats& s = session.stats();
    return {s.samples / s.renderSeconds, s.counters.rays / s.renderSeconds};
}

double measureRawRays(const EmbreeScene& accel, int threads, uint64_t rays) {
    tbb::task_arena arena(threads);
    const auto start = Clock::now();
    arena.execute([&] {
        const uint64_t chunk = 1 << 14;
        tbb::parallel_for(tbb::blocked_range<uint64_t>(0, rays / chunk, 1),
                          [&](const tbb::blocked_range<uint64_t>& r) {
                              for (uint64_t c = r.begin(); c != r.end(); ++c) {
                                  traceRandomRays(accel, c * chunk, chunk, 1);
                              }
                          });
    });
    return rays / std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace
}  // namespace rt

int main(int argc, char** argv) {
    using namespace rt;
    std::string outPath = "bench.json";
    int repetitions = 3;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--out") outPath = argv[i + 1];
        if (std::string(argv[i]) == "--repetitions") repetitions = std::stoi(argv[i + 1]);
    }

    SceneLoadOptions load;
    load.files = {std::string(RT_SOURCE_DIR) + "/rdl_scenes/cornell_box.rdla"};
    Scene scene = loadScene(load);
    scene.vars.imageWidth = 512;
    scene.vars.imageHeight = 512;
    scene.vars.res = 1.0f;
    scene.vars.pixelSamples = 4;  // 16 spp

    nlohmann::json results;
    results["scene"] = "cornell_box";
    results["resolution"] = {512, 512};
    results["samplesPerPixel"] = scene.vars.samplesPerPixel();
    results["repetitions"] = repetitions;
    RenderScene renderScene(scene);
    std::printf("%-8s %14s %14s %14s %8s\n", "threads", "samples/s", "rays/s", "raw rays/s",
                "ratio");
    for (int threads : {1, 2}) {
        std::vector<double> samples, rays, raw;
        for (int r = 0; r < repetitions; ++r) {
            const RenderRate rate = measureRender(scene, threads);
            samples.push_back(rate.samplesPerSecond);
            rays.push_back(rate.raysPerSecond);
            raw.push_back(measureRawRays(renderScene.accel(), threads, 4u << 20));
        }
        const double ratio = median(rays) / median(raw);
        std::printf("%-8d %14.0f %14.0f %14.0f %8.2f\n", threads, median(samples), median(rays),
                    median(raw), ratio);
        results["threads" + std::to_string(threads)] = {
            {"samplesPerSecond", median(samples)},
            {"raysPerSecond", median(rays)},
            {"rawEmbreeRaysPerSecond", median(raw)},
            {"ratio", ratio},
        };
    }
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("Wrote %s\n", outPath.c_str());
    return 0;
}
