#include "session/FinishedFrame.h"

#include <filesystem>

#include "io/ExrFile.h"
#include "io/ImageFormat.h"
#include "session/OutputPlan.h"
#include "session/ResumeConfig.h"
#include "session/ResumeMetadata.h"

namespace rt {
namespace {

// The header of one EXR output; false with `why` when it cannot be read.
bool readStored(const std::string& path, StoredRender& stored, std::string& why) {
    Metadata metadata;
    int width = 0, height = 0;
    std::string error;
    if (!readExrHeader(path, metadata, width, height, error) ||
        !readStampedHeader(metadata, width, height, stored.header, error)) {
        why = error;
        return false;
    }
    stored.sppMin = static_cast<uint32_t>(metadata.get<int>("samplesPerPixelMin").value_or(0));
    stored.sppMax = static_cast<uint32_t>(metadata.get<int>("samplesPerPixelMax").value_or(0));
    stored.sppMean = metadata.get<double>("samplesPerPixelMean").value_or(0.0);
    stored.reason = metadata.get<std::string>("checkpointReason").value_or("");
    return true;
}

}  // namespace

FinishedFrame checkFinished(const Scene& scene, const std::string& beautyOverride) {
    FinishedFrame result;
    const std::vector<OutputFile> files = planOutputs(scene.outputs, beautyOverride);
    const ResumeTarget target = resumeTarget(scene);
    bool sawExr = false;
    for (const OutputFile& file : files) {
        std::error_code ec;
        if (!std::filesystem::exists(file.path, ec)) {
            result.why = "'" + file.path + "' does not exist";
            return result;
        }
        if (isLdrExtension(file.path)) continue;
        StoredRender stored;
        if (!readStored(file.path, stored, result.why)) return result;
        if (!reachesRequest(stored, target)) {
            result.why = "'" + file.path + "' holds less than the quality asked for";
            return result;
        }
        if (!sawExr || file.path == files[stateFileIndex(files)].path) result.found = stored;
        sawExr = true;
    }
    if (!sawExr) {
        result.why = "no output is an EXR file that says what it holds";
        return result;
    }
    result.finished = true;
    return result;
}

}  // namespace rt
