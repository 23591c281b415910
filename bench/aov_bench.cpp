// make bench: the cost of AOVs (doc/PERFORMANCE.md, "AOVs"). Renders cornell_box at
// 1920x1080, 4 spp, with beauty only and with ten light aovs (a comp's usual split:
// direct and indirect per lobe, emission, ...) and a Cryptomatte of depth 6 added, the
// two runs in alternation; reports the median render time and samples/s of each, their
// ratio, and the film's accumulator memory per pixel. Prints a table and writes JSON
// (--out FILE).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/Log.h"
#include "lua/SceneLoader.h"
#include "session/RenderSession.h"

namespace {

using namespace rt;

const std::vector<std::string> kExpressions = {"CL",       "C<RD>L",   "C<RD>.+L", "C<RG>L",
                                               "C<RG>.+L", "C<RS>.*L", "C<T.>.*L", "C.L",
                                               "C..L",     "C[^D]*L"};

Scene cornell(bool withAovs) {
    SceneLoadOptions load;
    load.files = {std::string(RT_SOURCE_DIR) + "/rdl_scenes/cornell_box.rdla"};
    Scene scene = loadScene(load);
    scene.vars.imageWidth = 1920;
    scene.vars.imageHeight = 1080;
    scene.vars.res = 1.0f;
    scene.vars.pixelSamples = 2;  // 4 spp
    if (withAovs) {
        for (size_t i = 0; i < kExpressions.size(); ++i) {
            RenderOutput output;
            output.name = "/lpe" + std::to_string(i);
            output.result = OutputResult::LightAov;
            output.lpe = kExpressions[i];
            output.fileName = "lpe.exr";
            scene.outputs.push_back(output);
        }
        RenderOutput crypto;
        crypto.name = "/crypto";
        crypto.result = OutputResult::Cryptomatte;  // depth 6, MoonRay's default
        crypto.fileName = "lpe.exr";
        scene.outputs.push_back(crypto);
        assignAovSlots(scene.outputs);
    }
    return scene;
}

struct Run {
    double seconds;
    uint64_t samples;
};

Run renderOnce(const Scene& scene) {
    RenderOptions options;
    RenderSession session(scene, options);
    const auto start = std::chrono::steady_clock::now();
    session.render();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {seconds, static_cast<uint64_t>(session.film().pixelCount()) * 4};
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::string outPath = "aov_bench.json";
    int repetitions = 3;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out") outPath = argv[i + 1];
        if (arg == "--repetitions") repetitions = std::stoi(argv[i + 1]);
    }
    log::setVerbose(false);
    const Scene plain = cornell(false), aovs = cornell(true);
    std::vector<double> plainSeconds, aovSeconds;
    uint64_t samples = 0;
    for (int r = 0; r < repetitions; ++r) {
        const Run a = renderOnce(plain), b = renderOnce(aovs);
        plainSeconds.push_back(a.seconds);
        aovSeconds.push_back(b.seconds);
        samples = a.samples;
    }
    const double p = median(plainSeconds), q = median(aovSeconds);
    const AovLayout layout = aovLayoutFor(aovs.outputs);
    const size_t fixedBytes = sizeof(PixelAccumulator);
    const size_t aovBytes = layout.doublesPerPixel() * sizeof(double);
    std::printf("cornell_box 1920x1080 4 spp, medians of %d\n", repetitions);
    std::printf("  beauty only:        %6.2f s, %5.2f Msamples/s, %zu B/pixel of film\n", p,
                samples / p / 1e6, fixedBytes);
    std::printf("  + 10 lpe + crypto:  %6.2f s, %5.2f Msamples/s, %zu B/pixel of film (+%zu)\n", q,
                samples / q / 1e6, fixedBytes + aovBytes, aovBytes);
    std::printf("  slowdown:           %+.1f%% (goal: at most +25%%)\n", 100.0 * (q / p - 1.0));
    nlohmann::json results = {
        {"scene", "cornell_box"},
        {"resolution", {1920, 1080}},
        {"spp", 4},
        {"repetitions", repetitions},
        {"expressions", kExpressions},
        {"beautyOnly", {{"seconds", p}, {"samplesPerSecond", samples / p}}},
        {"cryptomatteDepth", 6},
        {"tenLightAovsAndCryptomatte", {{"seconds", q}, {"samplesPerSecond", samples / q}}},
        {"slowdown", q / p - 1.0},
        {"filmBytesPerPixel",
         {{"beautyOnly", fixedBytes}, {"tenLightAovsAndCryptomatte", fixedBytes + aovBytes}}},
        {"goal", "at most 25% slower, under 200 B/pixel of state"}};
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("Wrote %s\n", outPath.c_str());
    return 0;
}
