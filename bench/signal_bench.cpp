// make bench: the latency from a signal to an exit with a valid checkpoint on disk
// (doc/PERFORMANCE.md, "Signal latency"). Runs renderer_cmd as a child process on a
// 1920x1080 Cornell box (beauty, alpha and three AOVs, checkpointing on, the resume state
// in checkpoint.exr), waits until sampling has run for a while, sends SIGINT (or
// --signal TERM / USR1) and times the exit. The child logs when sampling stopped and when
// the checkpoint was final, both measured from the signal, so the total splits into
// stop latency (tiles in flight finish), snapshot plus file writing, and process exit.
// Checks exit code 4 and that checkpoint.exr says "signal". Writes JSON (--out FILE).
//
// --preemptions N (doc/PERFORMANCE.md, "Farm"): N SIGUSR1s (Slurm's preemption warning) at
// seeded random times into sampling, at --size W H, and the work each one loses: samples
// the run took that are not in the checkpoint it wrote (the child's "Samples this run"
// line), as a fraction of the frame's samples. Goal: at most one tile task per thread.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "io/ExrFile.h"

extern char** environ;

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

[[noreturn]] void fail(const std::string& message, const std::string& log = "") {
    std::fprintf(stderr, "signal_bench: %s\n%s", message.c_str(), log.c_str());
    std::exit(1);
}

std::string readText(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The number that follows `key` in `log`, or -1.
double numberAfter(const std::string& log, const std::string& key) {
    const size_t at = log.find(key);
    return at == std::string::npos ? -1.0 : std::atof(log.c_str() + at + key.size());
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

struct Sample {
    uint64_t samplesTaken = 0;  // by the run (child's log)
    uint64_t samplesKept = 0;   // in the film it checkpointed (child's log)
    int threads = 0;
    double exitSeconds = 0.0;     // signal sent -> process gone (measured here)
    double stoppedSeconds = 0.0;  // signal received -> sampling stopped (child's log)
    double writtenSeconds = 0.0;  // signal received -> checkpoint final (child's log)
};

struct Frame {
    std::string width = "1920", height = "1080";
    std::string pixelSamples = "16";  // 256 spp
    std::string stateFormat = "2";    // checkpoint_state_format (doc/RESUME.md)
};

Sample interruptOnce(const fs::path& dir, int signal, const char* name, double sampleFor,
                     const Frame& frame = {}) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string scene = std::string(RT_SOURCE_DIR) + "/rdl_scenes/cornell_box.rdla";
    std::vector<std::string> args{RT_RENDERER_CMD,  "-in",           scene,
                                  "-size",          frame.width,     frame.height,
                                  "-scene_var",     "pixel_samples", frame.pixelSamples,
                                  "-out",           "frame.exr",     "-checkpoint",
                                  "-info",          "-scene_var",    "checkpoint_state_format",
                                  frame.stateFormat};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const fs::path logPath = dir / "render.log";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, logPath.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) != 0) {
        fail("cannot start renderer_cmd");
    }
    posix_spawn_file_actions_destroy(&actions);
    while (readText(logPath).find("Sampling starts") == std::string::npos) {
        if (::waitpid(pid, nullptr, WNOHANG) == pid)
            fail("renderer_cmd ended early", readText(logPath));
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(sampleFor));
    const auto sent = Clock::now();
    ::kill(pid, signal);
    int status = 0;
    ::waitpid(pid, &status, 0);
    Sample sample;
    sample.exitSeconds = std::chrono::duration<double>(Clock::now() - sent).count();
    const std::string log = readText(logPath);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 4) fail("expected exit code 4", log);
    const std::string prefix = std::string(name) + ": ";
    sample.stoppedSeconds = numberAfter(log, prefix + "sampling stopped ");
    sample.writtenSeconds = numberAfter(log, prefix + "checkpoint written ");
    if (sample.stoppedSeconds < 0 || sample.writtenSeconds < 0) fail("no latency in the log", log);
    const double taken = numberAfter(log, "Samples this run: ");
    const size_t keptAt = log.find(" taken, ");
    if (taken < 0 || keptAt == std::string::npos) fail("no sample counts in the log", log);
    sample.samplesTaken = static_cast<uint64_t>(taken);
    sample.samplesKept = std::strtoull(log.c_str() + keptAt + 8, nullptr, 10);
    const size_t onAt = log.find(", on ", log.find("Rendering "));
    sample.threads = onAt == std::string::npos ? 0 : std::atoi(log.c_str() + onAt + 5);
    if (sample.threads <= 0) sample.threads = static_cast<int>(std::thread::hardware_concurrency());
    rt::ImageBuffer image;
    rt::Metadata metadata;
    std::string error;
    if (!rt::readExr((dir / "checkpoint.exr").string(), image, metadata, error)) fail(error);
    if (metadata.get<std::string>("checkpointReason").value_or("") != "signal") {
        fail("checkpoint.exr does not hold the signal's checkpoint");
    }
    return sample;
}

// N preemption warnings at random times into sampling (seeded: the same times every run).
int measurePreemptions(const fs::path& dir, int count, const Frame& frame,
                       const std::string& outPath) {
    std::mt19937 random(2026);
    std::uniform_real_distribution<double> when(0.1, 3.0);
    const double frameSamples = std::stod(frame.width) * std::stod(frame.height) *
                                std::pow(std::stod(frame.pixelSamples), 2.0);
    const double tileTaskSamples = 8.0 * 8.0 * std::pow(std::stod(frame.pixelSamples), 2.0);
    std::vector<double> lostFractions, exits;
    double worstLost = 0.0;
    int threads = 0;
    nlohmann::json runs = nlohmann::json::array();
    for (int i = 0; i < count; ++i) {
        const double at = when(random);
        const Sample s = interruptOnce(dir, SIGUSR1, "SIGUSR1", at, frame);
        const double lost =
            static_cast<double>(s.samplesTaken) - static_cast<double>(s.samplesKept);
        threads = s.threads;
        worstLost = std::max(worstLost, lost);
        lostFractions.push_back(lost / frameSamples);
        exits.push_back(s.exitSeconds);
        runs.push_back({{"signal_after_s", at},
                        {"samples_taken", s.samplesTaken},
                        {"samples_kept", s.samplesKept},
                        {"lost_samples", lost},
                        {"lost_fraction_of_frame", lost / frameSamples},
                        {"exit_s", s.exitSeconds}});
        std::printf(
            "preemption %d at %.2f s: %llu samples taken, %llu in the checkpoint, lost %.0f "
            "(%.2e of the frame), exit %.3f s\n",
            i + 1, at, static_cast<unsigned long long>(s.samplesTaken),
            static_cast<unsigned long long>(s.samplesKept), lost, lost / frameSamples,
            s.exitSeconds);
    }
    const double goal = threads * tileTaskSamples;  // a whole tile task (8x8, every spp) per thread
    std::printf(
        "%d preemptions at %sx%s: worst loss %.0f samples (%.2e of the frame), median %.2e; "
        "goal <= %.0f samples (one tile task per thread, %d threads): %s; median exit %.3f s\n",
        count, frame.width.c_str(), frame.height.c_str(), worstLost, worstLost / frameSamples,
        median(lostFractions), goal, threads, worstLost <= goal ? "met" : "NOT met", median(exits));
    nlohmann::json results = {{"benchmark", "preemption_loss"},
                              {"resolution", frame.width + "x" + frame.height},
                              {"spp", std::pow(std::stod(frame.pixelSamples), 2.0)},
                              {"preemptions", count},
                              {"threads", threads},
                              {"worst_lost_samples", worstLost},
                              {"worst_lost_fraction_of_frame", worstLost / frameSamples},
                              {"median_lost_fraction_of_frame", median(lostFractions)},
                              {"goal_lost_samples", goal},
                              {"goal_met", worstLost <= goal},
                              {"median_exit_s", median(exits)},
                              {"runs", runs}};
    std::ofstream(outPath) << results.dump(2) << "\n";
    return worstLost <= goal ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    std::string outPath = "signal_bench.json";
    fs::path dir = "bench_signal";
    int repetitions = 3;
    double sampleFor = 3.0;
    std::string signalName = "INT";
    int preemptions = 0;
    Frame frame;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string arg = argv[i];
        if (arg == "--preemptions") preemptions = std::stoi(argv[i + 1]);
        if (arg == "--size" && i + 2 < argc) {
            frame.width = argv[i + 1];
            frame.height = argv[++i + 1];
        }
        if (arg == "--out") outPath = argv[i + 1];
        if (arg == "--dir") dir = argv[i + 1];
        if (arg == "--repetitions") repetitions = std::stoi(argv[i + 1]);
        if (arg == "--sample_for") sampleFor = std::stod(argv[i + 1]);
        if (arg == "--signal") signalName = argv[i + 1];
    }
    if (preemptions > 0) return measurePreemptions(dir, preemptions, frame, outPath);
    const int signal = signalName == "TERM" ? SIGTERM : signalName == "USR1" ? SIGUSR1 : SIGINT;
    const std::string name = "SIG" + signalName;
    nlohmann::json results = {{"benchmark", "signal_latency"},
                              {"signal", name},
                              {"resolution", "1920x1080"},
                              {"repetitions", repetitions}};
    // The resume state in format 1 (channels in the EXR) and 2 (its own file), side by side.
    for (const std::string format : {"1", "2"}) {
        frame.stateFormat = format;
        std::vector<double> exits, stops, writes, tails;
        nlohmann::json runs = nlohmann::json::array();
        for (int r = 0; r < repetitions; ++r) {
            const Sample s = interruptOnce(dir, signal, name.c_str(), sampleFor, frame);
            exits.push_back(s.exitSeconds);
            stops.push_back(s.stoppedSeconds);
            writes.push_back(s.writtenSeconds - s.stoppedSeconds);
            tails.push_back(s.exitSeconds - s.writtenSeconds);
            runs.push_back({{"exit_s", s.exitSeconds},
                            {"stopped_s", s.stoppedSeconds},
                            {"written_s", s.writtenSeconds}});
            std::printf(
                "format %s, run %d: exit %.3f s after %s (sampling stopped %.3f s, "
                "checkpoint final %.3f s)\n",
                format.c_str(), r + 1, s.exitSeconds, name.c_str(), s.stoppedSeconds,
                s.writtenSeconds);
        }
        const double exitMedian = median(exits), writeMedian = median(writes);
        std::printf(
            "format %s, %s at 1920x1080: median %.3f s from the signal to the exit; of it %.3f "
            "s to stop sampling, %.3f s to snapshot and write, %.3f s to exit. Without the "
            "write: %.3f s\n",
            format.c_str(), name.c_str(), exitMedian, median(stops), writeMedian, median(tails),
            exitMedian - writeMedian);
        results["format" + format] = {{"median_exit_s", exitMedian},
                                      {"median_stop_s", median(stops)},
                                      {"median_snapshot_and_write_s", writeMedian},
                                      {"median_exit_after_write_s", median(tails)},
                                      {"median_exit_without_write_s", exitMedian - writeMedian},
                                      {"runs", runs}};
    }
    std::ofstream(outPath) << results.dump(2) << "\n";
    return 0;
}
