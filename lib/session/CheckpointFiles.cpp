#include "session/CheckpointFiles.h"

#include <algorithm>

#include "core/Error.h"

namespace rt {
namespace {

std::string extraOr(const RenderOutput& output, const char* name, const std::string& fallback) {
    const auto it = output.extra.find(name);
    return it == output.extra.end() || it->second.empty() ? fallback : it->second;
}

}  // namespace

std::vector<CheckpointFile> planCheckpointFiles(const std::vector<OutputFile>& outputs) {
    // Re-plan the same outputs with their checkpoint names as file names: the grouping
    // and the channel-collision checks are those of the output files.
    std::vector<RenderOutput> renamed;
    for (const OutputFile& file : outputs) {
        for (RenderOutput output : file.outputs) {
            output.fileName = extraOr(output, "checkpoint_file_name", kDefaultCheckpointFileName);
            output.compression = file.compression;
            renamed.push_back(std::move(output));
        }
    }
    std::vector<CheckpointFile> checkpoints;
    for (OutputFile& file : planOutputs(renamed, "")) {
        for (const OutputFile& output : outputs) {
            if (output.path == file.path) {
                throw SceneError(file.outputs.front().where,
                                 "RenderOutput '" + file.outputs.front().name +
                                     "': checkpoint file '" + file.path +
                                     "' is also an output file; set checkpoint_file_name");
            }
        }
        // The header attributes (Cryptomatte manifests, exr_header_attributes) of the
        // files its outputs came from; of a name several have, the first file's.
        for (const OutputFile& output : outputs) {
            const bool origin = std::any_of(
                output.outputs.begin(), output.outputs.end(), [&](const RenderOutput& o) {
                    return std::any_of(file.outputs.begin(), file.outputs.end(),
                                       [&](const RenderOutput& m) { return m.name == o.name; });
                });
            if (!origin) continue;
            for (const Metadata::Entry& e : output.metadata)
                if (!file.metadata.has(e.name)) file.metadata.set(e.name, e.value);
        }
        const std::string base =
            extraOr(file.outputs.front(), "checkpoint_multi_version_file_name", file.path);
        checkpoints.push_back({std::move(file), base});
    }
    return checkpoints;
}

}  // namespace rt
