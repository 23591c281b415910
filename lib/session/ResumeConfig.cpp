#include "session/ResumeConfig.h"

#include <algorithm>

#include "io/ImageFormat.h"
#include "scene/SceneFingerprint.h"
#include "session/CheckpointConfig.h"

namespace rt {
namespace {

// The paths of `files`, the state file first; `pathOf` picks each file's path.
template <class PathOf>
std::vector<std::string> statePathFirst(const std::vector<OutputFile>& files, PathOf pathOf) {
    std::vector<std::string> paths;
    const size_t stateFile = stateFileIndex(files);
    if (stateFile >= files.size()) return paths;
    paths.push_back(pathOf(files[stateFile]));
    for (size_t i = 0; i < files.size(); ++i) {
        if (i == stateFile || isLdrExtension(files[i].path)) continue;
        const std::string path = pathOf(files[i]);
        if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
    }
    return paths;
}

std::string resumeFileName(const OutputFile& file) {
    for (const RenderOutput& output : file.outputs) {
        const auto it = output.extra.find("resume_file_name");
        if (it != output.extra.end() && !it->second.empty()) return it->second;
    }
    return "";
}

}  // namespace

ResumeConfig resumeConfig(const SceneVariables& vars) {
    ResumeConfig c;
    c.resume = vars.extraBool("resume_render", false);
    c.strict = vars.extraBool("resume_strict", false);
    c.finalResumable =
        vars.extraBool("resumable_output", false) || vars.extraBool("checkpoint_asfinal", false);
    c.onResumeScript = vars.extraString("on_resume_script");
    return c;
}

ResumeTarget resumeTarget(const Scene& scene) {
    const SamplingSettings s = samplingSettings(scene.vars);
    const CheckpointConfig checkpoints = checkpointConfig(scene.vars, s);
    ResumeTarget target;
    target.fingerprint = sceneFingerprint(scene);
    target.width = scene.vars.renderWidth();
    target.height = scene.vars.renderHeight();
    ResumeSampling& r = target.sampling;
    r.adaptive = s.adaptive();
    r.uniformSamples = s.uniformSamples;
    if (r.adaptive) {
        r.minSamples = s.minSamples;
        r.maxSamples = s.maxSamples;
        r.targetError = s.targetAdaptiveError;
    }
    r.sampleCap = checkpoints.active ? checkpoints.policy.sampleCap : 0;
    return target;
}

std::vector<ResumeCandidate> resumeCandidates(const std::vector<OutputFile>& outputs,
                                              const std::vector<CheckpointFile>& checkpoints) {
    const bool named = std::any_of(outputs.begin(), outputs.end(), [](const OutputFile& file) {
        return !resumeFileName(file).empty();
    });
    if (named) {
        // Files without a resume_file_name of their own are not part of the set.
        std::vector<OutputFile> withName;
        for (const OutputFile& file : outputs) {
            if (!resumeFileName(file).empty()) withName.push_back(file);
        }
        std::vector<ResumeCandidate> sets = {
            {"resume_file_name", statePathFirst(withName, resumeFileName)}};
        std::erase_if(sets, [](const ResumeCandidate& c) { return c.paths.empty(); });
        return sets;
    }
    std::vector<ResumeCandidate> candidates;
    std::vector<OutputFile> checkpointFiles;
    for (const CheckpointFile& checkpoint : checkpoints) checkpointFiles.push_back(checkpoint.file);
    const auto path = [](const OutputFile& file) { return file.path; };
    candidates.push_back({"checkpoint", statePathFirst(checkpointFiles, path)});
    candidates.push_back({"output", statePathFirst(outputs, path)});
    std::erase_if(candidates, [](const ResumeCandidate& c) { return c.paths.empty(); });
    return candidates;
}

}  // namespace rt
