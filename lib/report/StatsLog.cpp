#include "report/StatsLog.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/Log.h"

namespace rt {
namespace {

// Milliseconds are plenty for a pass time and keep the lines short.
double roundedSeconds(double seconds) {
    return std::isfinite(seconds) ? std::round(seconds * 1000.0) / 1000.0 : seconds;
}

}  // namespace

std::string statsLine(const ConvergenceReport& report) {
    // ordered_json keeps the documented field order, which makes the lines readable.
    nlohmann::ordered_json line;
    line["pass"] = report.pass;
    line["elapsed"] = roundedSeconds(report.elapsedSeconds);
    line["samples"] = report.samplesDone;
    line["samplesRemaining"] = report.samplesRemaining;
    line["progress"] = report.progress();
    line["pixels"] = report.pixelCount;
    line["activePixels"] = report.activePixels;
    line["fractionConverged"] = report.fractionConverged;
    line["minSpp"] = report.minSpp;
    line["meanSpp"] = report.meanSpp;
    line["maxSpp"] = report.maxSpp;
    line["meanError"] = report.meanError;
    line["maxError"] = report.maxError;
    line["targetError"] = report.targetError;
    line["adaptive"] = report.adaptive;
    line["finished"] = report.finished;
    // nlohmann writes NaN and infinity as null, which keeps every line valid JSON.
    return line.dump();
}

std::unique_ptr<StatsLog> StatsLog::open(const std::string& path, std::string& error) {
    std::unique_ptr<StatsLog> log(new StatsLog());
    // FileHandle's message names the file; the caller adds the option.
    if (!log->m_file.create(path, error)) return nullptr;
    return log;
}

void StatsLog::onPass(const ConvergenceReport& report) {
    if (m_failed) return;
    const std::string text = statsLine(report) + '\n';
    std::string problem;
    if (!m_file.writeAll(text.data(), text.size(), problem)) {
        m_failed = true;
        m_error = problem;
        log::warning("-stats: " + problem + "; no further passes are logged");
        return;
    }
    // One fsync at the end makes the finished log as durable as the images beside it.
    if (report.finished && !m_file.sync(problem)) log::warning("-stats: " + problem);
}

}  // namespace rt
