#include "lua/ResumeTable.h"

#include <charconv>
#include <system_error>

namespace rt {
namespace {

// The double that prints like the float does (0.01f gives 0.01, not 0.0099999998).
double shortestDouble(float value) {
    char text[32];
    const auto written = std::to_chars(text, text + sizeof(text), value);
    double result = 0.0;
    if (written.ec != std::errc() || std::from_chars(text, written.ptr, result).ec != std::errc()) {
        return static_cast<double>(value);
    }
    return result;
}

ScriptValue parametersTable(const ResumeReport& report) {
    const ResumeHeader& header = report.header;
    const ResumeSampling& sampling = header.sampling;
    return ScriptValue::table({
        {"renderId", header.renderId},
        {"serial", header.serial},
        {"fingerprint", fingerprintHex(header.fingerprint)},
        {"width", header.width},
        {"height", header.height},
        {"elapsedSeconds", header.elapsedSeconds},
        {"tileSamples", header.tileSamples},
        {"complete", header.complete},
        {"samplingMode", sampling.adaptive ? "adaptive" : "uniform"},
        {"uniformSamples", sampling.uniformSamples},
        {"minSamples", sampling.minSamples},
        {"maxSamples", sampling.maxSamples},
        {"targetError", shortestDouble(sampling.targetError)},
        {"sampleCap", sampling.sampleCap},
        {"sppMin", report.sppMin},
        {"sppMax", report.sppMax},
        {"sppMean", report.sppMean},
    });
}

ScriptValue historyArray(const std::vector<ResumeRun>& history) {
    ScriptValue runs = ScriptValue::array();
    for (const ResumeRun& run : history) {
        runs.push(ScriptValue::table({
            {"host", run.host},
            {"threads", run.threads},
            {"startTime", run.startTime},
            {"endTime", run.endTime},
            {"seconds", run.seconds},
            {"samplesBefore", run.samplesBefore},
            {"samplesAfter", run.samplesAfter},
            {"ended", run.ended},
        }));
    }
    return runs;
}

}  // namespace

ScriptValue resumeTable(const ResumeReport& report) {
    const ScriptValue files(report.files);
    return ScriptValue::table({
        {"status", report.resumed ? "resumed" : "fresh"},
        {"resumed", report.resumed},
        {"reason", report.resumed ? std::string() : report.reason},
        {"files", files},
        {"parameters", parametersTable(report)},
        {"history", historyArray(report.header.history)},
        {"resumeStartStatus", report.resumed},
        {"resumeFiles", files},
    });
}

}  // namespace rt
