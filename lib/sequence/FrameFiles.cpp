#include "sequence/FrameFiles.h"

#include <filesystem>

#include "core/Error.h"
#include "scene/SamplingSettings.h"
#include "sequence/FrameNaming.h"
#include "session/CheckpointConfig.h"
#include "session/CheckpointFiles.h"
#include "session/OutputPlan.h"
#include "session/ResumeConfig.h"

namespace rt {
namespace {

// A name the scene set: its token replaced, or kept when it has none.
std::string sceneGivenName(const std::string& name, int frame) {
    return hasFrameToken(name) ? expandFrameToken(name, frame) : name;
}

void nameExtra(RenderOutput& output, const char* attribute, int frame, const char* fallback) {
    const auto it = output.extra.find(attribute);
    if (it != output.extra.end() && !it->second.empty()) {
        it->second = sceneGivenName(it->second, frame);
    } else if (fallback != nullptr) {
        output.extra[attribute] = insertFrameBeforeExtension(fallback, frame);
    }
}

std::string optionName(const std::string& name, int frame) {
    if (name.empty()) return name;
    return hasFrameToken(name) ? expandFrameToken(name, frame)
                               : insertFrameBeforeExtension(name, frame);
}

// Two spellings of one file (./a.exr, a.exr) are one claim.
std::string claimKey(const std::string& path) {
    return std::filesystem::path(path).lexically_normal().string();
}

}  // namespace

void nameSceneFiles(Scene& scene, int frame) {
    for (RenderOutput& output : scene.outputs) {
        output.fileName = output.fileNameGiven ? sceneGivenName(output.fileName, frame)
                                               : insertFrameBeforeExtension(output.fileName, frame);
        nameExtra(output, "checkpoint_file_name", frame, kDefaultCheckpointFileName);
        // Without a name of their own, versioned checkpoints and resume files follow the
        // names above.
        nameExtra(output, "checkpoint_multi_version_file_name", frame, nullptr);
        nameExtra(output, "resume_file_name", frame, nullptr);
    }
}

OptionFileNames nameOptionFiles(const OptionFileNames& names, int frame, bool severalFrames) {
    OptionFileNames named;
    if (!names.out.empty()) {
        named.out = severalFrames ? frameFileName(names.out, frame, true, "option '-out'")
                                  : sceneGivenName(names.out, frame);
    }
    named.stats = optionName(names.stats, frame);
    named.statsPlot = optionName(names.statsPlot, frame);
    return named;
}

std::vector<FramePath> framePaths(const Scene& scene, const OptionFileNames& names) {
    std::vector<FramePath> paths;
    const std::vector<OutputFile> files = planOutputs(scene.outputs, names.out);
    for (const OutputFile& file : files) {
        const RenderOutput& first = file.outputs.front();
        const bool fromOption = !names.out.empty() && file.path == names.out;
        paths.push_back({file.path, fromOption ? "option '-out'"
                                               : "RenderOutput '" + first.name + "' file_name"});
    }
    const ResumeConfig resume = resumeConfig(scene.vars);
    if (checkpointConfig(scene.vars, samplingSettings(scene.vars)).active || resume.resume) {
        // A bad checkpoint plan is the render's error to report, with its location.
        try {
            for (const CheckpointFile& checkpoint : planCheckpointFiles(files)) {
                paths.push_back({checkpoint.file.path, "RenderOutput '" +
                                                           checkpoint.file.outputs.front().name +
                                                           "' checkpoint_file_name"});
            }
        } catch (const SceneError&) {
        }
    }
    if (resume.resume) {
        for (const RenderOutput& output : scene.outputs) {
            const auto it = output.extra.find("resume_file_name");
            if (it == output.extra.end() || it->second.empty()) continue;
            paths.push_back({it->second, "RenderOutput '" + output.name + "' resume_file_name"});
        }
    }
    if (!names.stats.empty()) paths.push_back({names.stats, "option '-stats'"});
    if (!names.statsPlot.empty()) paths.push_back({names.statsPlot, "option '-stats_plot'"});
    return paths;
}

void FrameFileClaims::claim(int frame, const std::vector<FramePath>& paths) {
    for (const FramePath& file : paths) {
        const auto [it, inserted] = m_frameOf.emplace(claimKey(file.path), frame);
        if (inserted || it->second == frame) continue;
        throw UsageError(file.what + ": '" + file.path + "' is the same file for frames " +
                         std::to_string(it->second) + " and " + std::to_string(frame) +
                         ", so one would overwrite the other: put a frame token in it "
                         "(shot.####.exr or shot.%04d.exr) or compute it from `frame`");
    }
}

}  // namespace rt
