// make bench: the cost of checkpoints (doc/PERFORMANCE.md). A 1920x1080 Cornell box with
// beauty, alpha and three AOVs (depth, normal, albedo) rendered with a time-mode
// checkpoint every 2 s and without checkpoints, alternately, several times in one run;
// the overhead is the ratio of the medians of render + final write, for the resume state
// in format 1 (channels in the EXR) and format 2 (a state file), side by side. Also reports how
// close each checkpoint came to its scheduled time and how long sampling paused for it.
// Prints a summary and writes JSON (--out FILE).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/Log.h"
#include "lua/SceneLoader.h"
#include "session/CheckpointController.h"
#include "session/RenderSession.h"

namespace rt {
namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

struct RunResult {
    double seconds = 0.0;  // render + final write
    std::vector<CheckpointRecord> records;
};

RunResult renderOnce(Scene scene, bool checkpoints, const std::string& dir,
                     const std::string& compression, int stateFormat) {
    if (checkpoints) {
        scene.vars.extra.insert_or_assign("checkpoint_state_format", std::to_string(stateFormat));
        // insert_or_assign: GCC 12 warns falsely (-Wrestrict) on map[key] = "literal".
        scene.vars.extra.insert_or_assign("checkpoint_active", std::string("true"));
        scene.vars.extra.insert_or_assign("checkpoint_mode", std::string("0"));
        char minutes[32];
        std::snprintf(minutes, sizeof minutes, "%.17g", 2.0 / 60.0);  // 2 s
        scene.vars.extra.insert_or_assign("checkpoint_interval", std::string(minutes));
    }
    for (RenderOutput& output : scene.outputs) {
        output.extra["checkpoint_file_name"] = dir + "/checkpoint.exr";
        output.compression = compression == "none" ? Compression::None : Compression::Zip;
    }
    RenderOptions options;
    options.beautyOverride = dir + "/frame.exr";
    RenderSession session(scene, options);
    const auto start = Clock::now();
    session.render();
    std::string error;
    if (!session.writeOutputs(error)) {
        std::fprintf(stderr, "checkpoint_bench: %s\n", error.c_str());
        std::exit(1);
    }
    RunResult result;
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    for (const CheckpointRecord& record : session.checkpoints().records()) {
        if (record.reason == "checkpoint") result.records.push_back(record);
    }
    return result;
}

}  // namespace
}  // namespace rt

int main(int argc, char** argv) {
    using namespace rt;
    std::string outPath = "checkpoint_bench.json";
    std::string dir = "out/bench_checkpoint";
    int repetitions = 3;
    int pixelSamples = 3;  // 9 spp: about 15 s a render on two cores
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out") outPath = argv[i + 1];
        if (arg == "--dir") dir = argv[i + 1];
        if (arg == "--repetitions") repetitions = std::stoi(argv[i + 1]);
        if (arg == "--pixel_samples") pixelSamples = std::stoi(argv[i + 1]);
    }
    std::filesystem::create_directories(dir);
    log::setVerbose(false);

    SceneLoadOptions load;
    load.files = {std::string(RT_SOURCE_DIR) + "/rdl_scenes/cornell_box.rdla"};
    Scene scene = loadScene(load);  // beauty, alpha, depth, normal, albedo in one file
    scene.vars.imageWidth = 1920;
    scene.vars.imageHeight = 1080;
    scene.vars.res = 1.0f;
    scene.vars.pixelSamples = pixelSamples;

    nlohmann::json results;
    results["scene"] = "cornell_box";
    results["resolution"] = {1920, 1080};
    results["samplesPerPixel"] = scene.vars.samplesPerPixel();
    results["outputs"] = "beauty, alpha, depth, normal, albedo (half)";
    results["checkpointIntervalSeconds"] = 2.0;
    results["repetitions"] = repetitions;
    for (const int format : {1, 2}) {
        const std::string formatKey = "format" + std::to_string(format);
        for (const std::string compression : {"zip", "none"}) {
            std::vector<double> plain, withCheckpoints, pauses, lateness, stateBytes, encoded;
            nlohmann::json schedule = nlohmann::json::array();
            // Alternate so that drift in the machine's speed hits both sides alike.
            for (int r = 0; r < repetitions; ++r) {
                plain.push_back(renderOnce(scene, false, dir, compression, format).seconds);
                const RunResult run = renderOnce(scene, true, dir, compression, format);
                withCheckpoints.push_back(run.seconds);
                for (const CheckpointRecord& record : run.records) {
                    pauses.push_back(record.snapshotSeconds);
                    if (record.stateChunks > 0) {
                        stateBytes.push_back(static_cast<double>(record.stateBytes));
                        encoded.push_back(double(record.stateChunksEncoded) / record.stateChunks);
                    }
                    if (record.timed) lateness.push_back(record.takenSeconds - record.dueSeconds);
                    if (r == 0) {
                        schedule.push_back({{"serial", record.serial},
                                            {"timed", record.timed},
                                            {"target", record.dueSeconds},
                                            {"actual", record.takenSeconds},
                                            {"pause", record.snapshotSeconds}});
                    }
                }
            }
            const double overhead = median(withCheckpoints) / median(plain) - 1.0;
            const double checkpointsPerRun = double(pauses.size()) / repetitions;
            // What one checkpoint costs in render time, and so the overhead at a 1-minute
            // interval on a render long enough to have one every minute.
            const double perCheckpoint =
                checkpointsPerRun > 0
                    ? (median(withCheckpoints) - median(plain)) / checkpointsPerRun
                    : 0.0;
            const double maxLate =
                lateness.empty() ? 0.0 : *std::max_element(lateness.begin(), lateness.end());
            std::printf(
                "format %d, compression %-4s: without %.2f s, with checkpoints every 2 s %.2f s "
                "(medians of %d): overhead %+.1f%%; %zu checkpoints, %.3f s each (%.3f%% at "
                "60 s), pause median %.1f ms; timed ones late by median %.1f ms, max %.1f ms; "
                "state %.1f MB, chunks encoded %.0f%%\n",
                format, compression.c_str(), median(plain), median(withCheckpoints), repetitions,
                overhead * 100.0, pauses.size(), perCheckpoint, perCheckpoint / 60.0 * 100.0,
                median(pauses) * 1e3, median(lateness) * 1e3, maxLate * 1e3,
                median(stateBytes) / 1e6, median(encoded) * 100.0);
            for (const auto& entry : schedule) {
                std::printf("  checkpoint %d (%s): target %.3f s, actual %.3f s, pause %.1f ms\n",
                            entry["serial"].get<int>(),
                            entry["timed"].get<bool>() ? "timed" : "1 spp",
                            entry["target"].get<double>(), entry["actual"].get<double>(),
                            entry["pause"].get<double>() * 1e3);
            }
            results[formatKey][compression] = {{"secondsWithout", median(plain)},
                                               {"secondsWith", median(withCheckpoints)},
                                               {"overhead", overhead},
                                               {"checkpoints", pauses.size()},
                                               {"secondsPerCheckpoint", perCheckpoint},
                                               {"projectedOverheadAt60s", perCheckpoint / 60.0},
                                               {"pauseMedianSeconds", median(pauses)},
                                               {"latenessMedianSeconds", median(lateness)},
                                               {"latenessMaxSeconds", maxLate},
                                               {"stateBytesMedian", median(stateBytes)},
                                               {"chunksEncodedMedian", median(encoded)},
                                               {"firstRunSchedule", schedule}};
        }
    }
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("Wrote %s\n", outPath.c_str());
    return 0;
}
