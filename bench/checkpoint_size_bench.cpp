// make bench: how big a checkpoint with its resume state is against the same image written
// as a final file (doc/PERFORMANCE.md, "Compact checkpoints"). Renders cornell_box and
// caustic_room at 1920x1080, uniform and adaptive, to a sample cap with checkpointing on,
// in resume state format 1 (channels in the EXR) and 2 (a state file), side by side. At
// the cap the renderer writes the outputs (the final file: visible channels, the output's
// compression, no state) and the checkpoint set (the same channels with the state).
// Prints a table and writes JSON (--out FILE).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/Log.h"
#include "lua/SceneLoader.h"
#include "session/RenderSession.h"

namespace {

namespace fs = std::filesystem;
using namespace rt;

struct Case {
    const char* scene;
    bool adaptive;
};

uintmax_t sizeOr0(const fs::path& path) {
    std::error_code ec;
    const uintmax_t size = fs::file_size(path, ec);
    return ec ? 0 : size;
}

nlohmann::json measure(const Case& c, int format, int cap, const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    SceneLoadOptions load;
    load.files = {std::string(RT_SOURCE_DIR) + "/rdl_scenes/" + c.scene + ".rdla"};
    Scene scene = loadScene(load);
    scene.vars.imageWidth = 1920;
    scene.vars.imageHeight = 1080;
    scene.vars.res = 1.0f;
    auto set = [&](const char* name, const std::string& value) {
        scene.vars.extra.insert_or_assign(name, value);
    };
    if (c.adaptive) {
        set("sampling_mode", "2");
        set("min_adaptive_samples", "4");
        set("max_adaptive_samples", "64");
    } else {
        scene.vars.pixelSamples = 8;  // 64 spp, cut by the cap
    }
    set("checkpoint_active", "true");
    set("checkpoint_mode", "1");
    set("checkpoint_quality_steps", "1000");  // no checkpoint before the cap's
    set("checkpoint_sample_cap", std::to_string(cap));
    set("checkpoint_state_format", std::to_string(format));
    for (RenderOutput& output : scene.outputs) {
        output.extra["checkpoint_file_name"] = (dir / "checkpoint.exr").string();
    }
    RenderOptions options;
    options.beautyOverride = (dir / "frame.exr").string();
    RenderSession session(scene, options);
    session.render();
    std::string error;
    if (!session.writeOutputs(error)) {
        std::fprintf(stderr, "checkpoint_size_bench: %s\n", error.c_str());
        std::exit(1);
    }
    const uintmax_t final = sizeOr0(dir / "frame.exr");
    const uintmax_t exr = sizeOr0(dir / "checkpoint.exr");
    const uintmax_t state = sizeOr0(dir / "checkpoint.resume");
    const double ratio = double(exr + state) / double(final);
    std::printf(
        "%-13s %-8s format %d: final %6.1f MB, checkpoint %6.1f MB + state %6.1f MB = "
        "%5.2fx\n",
        c.scene, c.adaptive ? "adaptive" : "uniform", format, final / 1e6, exr / 1e6, state / 1e6,
        ratio);
    return {{"finalBytes", final},
            {"checkpointExrBytes", exr},
            {"stateFileBytes", state},
            {"ratio", ratio}};
}

}  // namespace

int main(int argc, char** argv) {
    std::string outPath = "checkpoint_size_bench.json";
    fs::path dir = "out/bench_checkpoint_size";
    int cap = 8;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out") outPath = argv[i + 1];
        if (arg == "--dir") dir = argv[i + 1];
        if (arg == "--cap") cap = std::stoi(argv[i + 1]);
    }
    log::setVerbose(false);
    nlohmann::json results;
    results["resolution"] = {1920, 1080};
    results["sampleCap"] = cap;
    results["goal"] = "checkpoint + state <= 1.5x the final file";
    for (const Case& c : {Case{"cornell_box", false}, Case{"cornell_box", true},
                          Case{"caustic_room", false}, Case{"caustic_room", true}}) {
        const std::string key = std::string(c.scene) + (c.adaptive ? "_adaptive" : "_uniform");
        for (const int format : {1, 2}) {
            results[key]["format" + std::to_string(format)] = measure(c, format, cap, dir);
        }
    }
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("Wrote %s\n", outPath.c_str());
    return 0;
}
