// make bench: sequences (doc/PERFORMANCE.md, "Sequences"). renderer_cmd as a child process.
// 1. Per-frame overhead: 4 frames of animated_shot at 1920x1080 and 1 spp, as one
//    `-frames 1-4` process against 4 processes with -scene_var frame N; the difference
//    per frame is what a sequence saves (process start, Lua, set-up).
// 2. The deadline: the 24-frame shot at 320x180 (up to 1024 spp) under -sequence_deadline
//    T against a fixed per-frame time cap of T/24 (-checkpoint_time_cap), same total time.
//    Compares how evenly the final mean error is spread over the frames (worst, mean,
//    worst/best), read from each run's -sequence_report.
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const std::string kScene = std::string(RT_SOURCE_DIR) + "/rdl_scenes/animated_shot.rdla";

[[noreturn]] void fail(const std::string& message, const std::string& output = "") {
    std::fprintf(stderr, "sequence_bench: %s\n%s", message.c_str(), output.c_str());
    std::exit(1);
}

// Runs renderer_cmd with `args` in `dir`; returns its wall time; fails unless it exits 0.
double runRenderer(const std::string& args, const fs::path& dir) {
    const std::string command =
        "cd '" + dir.string() + "' && '" + std::string(RT_RENDERER_CMD) + "' " + args + " 2>&1";
    const auto start = Clock::now();
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) fail("cannot run " + command);
    std::string output;
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fail("renderer_cmd " + args + " failed in " + dir.string(), output);
    }
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

// Worst, mean and best of the frames' mean errors in a -sequence_report.
struct Spread {
    double worst = 0.0, mean = 0.0, best = 0.0;
    std::vector<double> errors;
};

Spread spreadOf(const fs::path& report) {
    std::ifstream in(report);
    const nlohmann::json doc = nlohmann::json::parse(in);
    Spread s;
    for (const nlohmann::json& frame : doc["frames"]) {
        if (frame["mean_error"].is_null()) fail("a frame without an error in " + report.string());
        s.errors.push_back(frame["mean_error"].get<double>());
    }
    s.worst = *std::max_element(s.errors.begin(), s.errors.end());
    s.best = *std::min_element(s.errors.begin(), s.errors.end());
    for (double e : s.errors) s.mean += e / s.errors.size();
    return s;
}

nlohmann::json toJson(const Spread& s) {
    return {{"worst", s.worst}, {"mean", s.mean}, {"best", s.best}, {"errors", s.errors}};
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", std::localtime(&now));
    return text;
}

}  // namespace

int main(int argc, char** argv) {
    std::string outPath = "sequence_bench.json";
    fs::path dir = "out/bench_sequence";
    int repetitions = 3;
    double deadline = 48.0;  // seconds for the 24-frame shot
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out") outPath = argv[i + 1];
        if (arg == "--dir") dir = argv[i + 1];
        if (arg == "--repetitions") repetitions = std::stoi(argv[i + 1]);
        if (arg == "--deadline") deadline = std::stod(argv[i + 1]);
    }
    dir = fs::absolute(dir);
    fs::remove_all(dir);
    const fs::path oneDir = dir / "one_process", manyDir = dir / "processes";
    const fs::path deadlineDir = dir / "deadline", fixedDir = dir / "fixed";
    for (const fs::path& d : {oneDir, manyDir, deadlineDir, fixedDir}) fs::create_directories(d);

    // 1. Per-frame overhead at 1920x1080, 1 spp.
    const std::string frameArgs = "-in '" + kScene +
                                  "' -size 1920 1080 -scene_var pixel_samples 1"
                                  " -out shot.####.exr";
    std::vector<double> oneProcess, processes;
    for (int r = 0; r < repetitions; ++r) {
        oneProcess.push_back(runRenderer(frameArgs + " -frames 1-4", oneDir));
        double total = 0.0;
        for (int frame = 1; frame <= 4; ++frame) {
            total += runRenderer(
                "-in '" + kScene + "' -size 1920 1080 -scene_var pixel_samples 1 -out shot." +
                    std::to_string(frame) + ".exr -scene_var frame " + std::to_string(frame),
                manyDir);
        }
        processes.push_back(total);
        std::printf("  %d: 4 frames in one process %.3f s, in 4 processes %.3f s\n", r + 1,
                    oneProcess.back(), processes.back());
    }
    const double savedPerFrame = (median(processes) - median(oneProcess)) / 4.0;

    // 2. The deadline against a fixed time per frame, same total.
    const std::string shotArgs = "-in '" + kScene +
                                 "' -scene_var pixel_samples 32 -frames 1-24 -out shot.####.exr"
                                 " -sequence_report report.json -threads 2";
    char text[64];
    std::snprintf(text, sizeof text, " -sequence_deadline %.3f", deadline);
    const double deadlineWall = runRenderer(shotArgs + text, deadlineDir);
    std::snprintf(text, sizeof text, " -checkpoint -checkpoint_time_cap %.6f",
                  deadline / 24.0 / 60.0);
    const double fixedWall = runRenderer(shotArgs + text, fixedDir);
    const Spread withDeadline = spreadOf(deadlineDir / "report.json");
    const Spread fixed = spreadOf(fixedDir / "report.json");

    const unsigned threads = std::thread::hardware_concurrency();
    std::printf(
        "animated_shot, %u hardware threads, medians of %d:\n"
        "  4 frames at 1920x1080, 1 spp: one process %.3f s, 4 processes %.3f s: %.3f s saved "
        "per frame\n"
        "  24 frames at 320x180, %.0f s in all (2 threads):\n"
        "    -sequence_deadline: worst frame error %.5f, mean %.5f, best %.5f (worst/best "
        "%.2f), wall %.1f s\n"
        "    fixed %.2f s per frame: worst frame error %.5f, mean %.5f, best %.5f (worst/best "
        "%.2f), wall %.1f s\n"
        "    worst error, deadline / fixed: %.3f\n",
        threads, repetitions, median(oneProcess), median(processes), savedPerFrame, deadline,
        withDeadline.worst, withDeadline.mean, withDeadline.best,
        withDeadline.worst / withDeadline.best, deadlineWall, deadline / 24.0, fixed.worst,
        fixed.mean, fixed.best, fixed.worst / fixed.best, fixedWall,
        withDeadline.worst / fixed.worst);

    nlohmann::json results;
    results["date"] = today();
    results["hardwareConcurrency"] = threads;
    results["scene"] = "animated_shot";
    results["overhead"] = {{"resolution", {1920, 1080}},
                           {"frames", 4},
                           {"spp", 1},
                           {"oneProcessSeconds", oneProcess},
                           {"processesSeconds", processes},
                           {"oneProcessMedian", median(oneProcess)},
                           {"processesMedian", median(processes)},
                           {"savedPerFrameSeconds", savedPerFrame}};
    results["deadline"] = {{"frames", 24},
                           {"resolution", {320, 180}},
                           {"totalSeconds", deadline},
                           {"deadlineRun", toJson(withDeadline)},
                           {"deadlineWallSeconds", deadlineWall},
                           {"fixedPerFrameSeconds", deadline / 24.0},
                           {"fixedRun", toJson(fixed)},
                           {"fixedWallSeconds", fixedWall},
                           {"worstErrorRatio", withDeadline.worst / fixed.worst}};
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("Wrote %s\n", outPath.c_str());
    return 0;
}
