#pragma once
// The resume controls (doc/RESUME.md): MoonRay's scene variables resume_render,
// resumable_output and on_resume_script, RenderMan's checkpoint_asfinal, our
// resume_strict; the command line's -resume_render, -recover, -resumable_output,
// -checkpoint_asfinal and -resume_strict arrive as overrides of these. Also which files a
// resume reads.
#include <string>
#include <vector>

#include "scene/Scene.h"
#include "scene/SceneVariables.h"
#include "session/CheckpointFiles.h"
#include "session/OutputPlan.h"
#include "session/ResumeLoader.h"

namespace rt {

struct ResumeConfig {
    bool resume = false;          // resume_render
    bool strict = false;          // resume_strict: a failed resume is an error (exit 3)
    bool finalResumable = false;  // resumable_output or checkpoint_asfinal
    std::string onResumeScript;   // on_resume_script: Lua run after the state is loaded
};

ResumeConfig resumeConfig(const SceneVariables& vars);

// What a render of `scene` produces, as resume files are checked against it: the scene
// fingerprint, the render size, the sampling and the sample cap in force.
ResumeTarget resumeTarget(const Scene& scene);

// The file sets a resume may read, in order: the files named by resume_file_name when
// any output sets it (only those), else the checkpoint files, then the outputs. The
// first path of each set is the file that holds the state (stateFileIndex).
std::vector<ResumeCandidate> resumeCandidates(const std::vector<OutputFile>& outputs,
                                              const std::vector<CheckpointFile>& checkpoints);

}  // namespace rt
