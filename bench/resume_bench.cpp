// make bench: how long a resumed render takes to start sampling (doc/PERFORMANCE.md). Runs
// renderer_cmd as a child process, so that "process start" is the real one. Once: a
// 1920x1080 Cornell box (beauty, alpha, depth, normal, albedo) stopped at 2 of 16 spp
// leaves checkpoint.exr with the resume state. Then, alternately, a fresh run (scene load
// and preparation only) and a resumed run (the same plus finding, reading, validating and
// loading the state), each with a time cap so small that sampling stops at once. Compares
// the "Sampling starts X s after process start" that each run logs, and the wall time of
// each child. Prints a summary and writes JSON (--out FILE).
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

const std::string kScene = std::string(RT_SOURCE_DIR) + "/rdl_scenes/cornell_box.rdla";
// 16 spp; the prepared checkpoint stops at 2.
const std::string kArgs =
    "-in '" + kScene + "' -size 1920 1080 -scene_var pixel_samples 4 -out frame.exr";
// 0.00001 minutes: a resumed run's elapsed time already exceeds it, so it stops before
// taking a sample and rewrites the same film; a fresh run stops after its first tiles.
const std::string kTimed = " -info -checkpoint_time_cap 0.00001";

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double minOf(const std::vector<double>& v) {
    return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
}

double maxOf(const std::vector<double>& v) {
    return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
}

[[noreturn]] void fail(const std::string& message, const std::string& output = "") {
    std::fprintf(stderr, "resume_bench: %s\n%s", message.c_str(), output.c_str());
    std::exit(1);
}

struct Run {
    std::string output;  // stdout and stderr together
    double wallSeconds = 0.0;
    double samplingStarts = 0.0;  // as logged by the child
};

// Runs renderer_cmd with `args` from `dir`, as RunCommand.h does in the e2e tests; fails
// unless it exits 0.
Run runRenderer(const std::string& args, const fs::path& dir) {
    const std::string command =
        "cd '" + dir.string() + "' && '" + std::string(RT_RENDERER_CMD) + "' " + args + " 2>&1";
    Run run;
    const auto start = Clock::now();
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) fail("cannot run " + command);
    std::array<char, 4096> buffer;
    size_t n;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        run.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.wallSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fail("renderer_cmd " + args + " failed in " + dir.string(), run.output);
    }
    return run;
}

// The seconds in "Sampling starts X s after process start".
double samplingStarts(const Run& run) {
    const std::string key = "Sampling starts ";
    const size_t at = run.output.find(key);
    if (at == std::string::npos) fail("no '" + key + "' in the log", run.output);
    return std::strtod(run.output.c_str() + at + key.size(), nullptr);
}

std::string today() {
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", std::localtime(&now));
    return text;
}

nlohmann::json summary(const std::vector<double>& starts, const std::vector<double>& walls) {
    return {{"samplingStartsSeconds", starts},
            {"wallSeconds", walls},
            {"samplingStartsMedian", median(starts)},
            {"samplingStartsMin", minOf(starts)},
            {"samplingStartsMax", maxOf(starts)},
            {"wallMedian", median(walls)},
            {"wallMin", minOf(walls)},
            {"wallMax", maxOf(walls)}};
}

// The prepared set's files: checkpoint.exr and, in format 2, its state file.
std::vector<std::string> setFiles(const fs::path& dir) {
    std::vector<std::string> files = {"checkpoint.exr"};
    if (fs::exists(dir / "checkpoint.resume")) files.push_back("checkpoint.resume");
    return files;
}

// Prepares a checkpoint in `format` in `dir` and times fresh and resumed runs.
nlohmann::json measure(int format, const fs::path& dir, int repetitions) {
    const fs::path freshDir = dir / "fresh", resumeDir = dir / "resume";
    for (const fs::path& d : {dir, freshDir, resumeDir}) fs::create_directories(d);

    // The resume state: 2 spp of 16, with the AOVs, in dir/checkpoint.exr (+ .resume).
    fs::remove(dir / "checkpoint.exr");
    fs::remove(dir / "checkpoint.resume");
    const Run prepare = runRenderer(kArgs +
                                        " -checkpoint_sample_cap 2 -scene_var "
                                        "checkpoint_state_format " +
                                        std::to_string(format),
                                    dir);
    if (!fs::exists(dir / "checkpoint.exr")) fail("no checkpoint.exr", prepare.output);
    uintmax_t checkpointBytes = 0;
    for (const std::string& file : setFiles(dir)) checkpointBytes += fs::file_size(dir / file);
    std::printf("format %d: prepared %s: %.1f MB (%zu files), in %.2f s\n", format,
                (dir / "checkpoint.exr").c_str(), checkpointBytes / 1e6, setFiles(dir).size(),
                prepare.wallSeconds);

    // Fresh and resumed runs in separate directories: a fresh run writes a 0-spp state over
    // its checkpoint. Each resumed run starts from a copy of the prepared set.
    std::vector<double> freshStarts, freshWalls, resumeStarts, resumeWalls;
    nlohmann::json logs = nlohmann::json::array();
    for (int r = 0; r < repetitions; ++r) {
        const Run fresh = runRenderer(kArgs + kTimed, freshDir);
        if (fresh.output.find("Resuming render") != std::string::npos) {
            fail("the fresh run resumed", fresh.output);
        }
        fs::remove(resumeDir / "checkpoint.resume");
        for (const std::string& file : setFiles(dir)) {
            fs::copy_file(dir / file, resumeDir / file, fs::copy_options::overwrite_existing);
        }
        const Run resumed = runRenderer(kArgs + kTimed + " -resume_render", resumeDir);
        const size_t at = resumed.output.find("Resuming render");
        if (at == std::string::npos) fail("the resumed run did not resume", resumed.output);
        if (resumed.output.find("spp min 2 ", at) == std::string::npos) {
            fail("the resumed run did not find 2 spp", resumed.output);
        }
        freshStarts.push_back(samplingStarts(fresh));
        freshWalls.push_back(fresh.wallSeconds);
        resumeStarts.push_back(samplingStarts(resumed));
        resumeWalls.push_back(resumed.wallSeconds);
        std::printf(
            "  %d: fresh starts sampling at %.3f s (wall %.3f s), resumed at %.3f s "
            "(wall %.3f s)\n",
            r + 1, freshStarts.back(), fresh.wallSeconds, resumeStarts.back(), resumed.wallSeconds);
        if (r == 0) logs = {{"fresh", fresh.output}, {"resumed", resumed.output}};
    }

    const double load = median(freshStarts), resume = median(resumeStarts);
    std::printf(
        "format %d, 1920x1080 cornell_box, 5 outputs, checkpoint %.1f MB, medians of %d:\n"
        "  sampling starts: fresh (scene load alone) %.3f s [%.3f-%.3f], resumed %.3f s "
        "[%.3f-%.3f]\n"
        "  resume adds %.3f s: resumed / fresh = %.2fx\n"
        "  whole process (wall): fresh %.3f s [%.3f-%.3f], resumed %.3f s [%.3f-%.3f]\n",
        format, checkpointBytes / 1e6, repetitions, load, minOf(freshStarts), maxOf(freshStarts),
        resume, minOf(resumeStarts), maxOf(resumeStarts), resume - load,
        load > 0.0 ? resume / load : 0.0, median(freshWalls), minOf(freshWalls), maxOf(freshWalls),
        median(resumeWalls), minOf(resumeWalls), maxOf(resumeWalls));
    return {{"checkpointBytes", checkpointBytes},
            {"fresh", summary(freshStarts, freshWalls)},
            {"resumed", summary(resumeStarts, resumeWalls)},
            {"resumeMinusLoadSeconds", resume - load},
            {"resumeOverLoad", load > 0.0 ? resume / load : 0.0},
            {"firstRunLogs", logs}};
}

}  // namespace

int main(int argc, char** argv) {
    std::string outPath = "resume_bench.json";
    fs::path dir = "out/bench_resume";
    int repetitions = 5;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--out") outPath = argv[i + 1];
        if (arg == "--dir") dir = argv[i + 1];
        if (arg == "--repetitions") repetitions = std::stoi(argv[i + 1]);
    }
    dir = fs::absolute(dir);
    nlohmann::json results;
    results["date"] = today();
    results["hardwareConcurrency"] = std::thread::hardware_concurrency();
    results["scene"] = "cornell_box";
    results["resolution"] = {1920, 1080};
    results["outputs"] = "beauty, alpha, depth, normal, albedo (half) + resume state";
    results["resumeStateSpp"] = 2;
    results["repetitions"] = repetitions;
    // Format 1: the state as channels in the EXR; format 2: its own file (doc/RESUME.md).
    for (const int format : {1, 2}) {
        results["format" + std::to_string(format)] =
            measure(format, dir / ("format" + std::to_string(format)), repetitions);
    }
    std::ofstream(outPath) << results.dump(2) << "\n";
    std::printf("Wrote %s\n", outPath.c_str());
    return 0;
}
