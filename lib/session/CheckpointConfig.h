#pragma once
// The checkpoint scene variables (MoonRay names, units and defaults; doc/CHECKPOINTS.md)
// read into the policy's settings and the writer's options. The command line's
// checkpoint forms arrive here as scene-variable overrides.
#include <cstdint>

#include "checkpoint/CheckpointPolicy.h"
#include "checkpoint/ResumeState.h"
#include "scene/SamplingSettings.h"
#include "scene/SceneVariables.h"

namespace rt {

struct CheckpointConfig {
    bool active = false;          // checkpoint_active
    CheckpointSettings policy;    // mode, interval, steps, total files, caps, start sample
    bool overwrite = true;        // checkpoint_overwrite; false adds <base>_<NNNN>.exr files
    bool backgroundWrite = true;  // checkpoint_bg_write
    uint32_t maxBgCache = 2;      // checkpoint_max_bgcache: snapshots held by the writer
    // checkpoint_state_format (ours): 2 writes the resume state as a state file next to
    // the EXR (StateFile.h); 1 as `resume.` channels inside it (FilmState.h), for
    // renderers that only read format 1 and for comparing the two (make bench).
    int stateFormat = kResumeFormatVersion;
};

// Throws SceneError naming the variable for a value out of range.
CheckpointConfig checkpointConfig(const SceneVariables& vars, const SamplingSettings& sampling);

}  // namespace rt
