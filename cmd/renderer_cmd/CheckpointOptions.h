#pragma once
// The checkpoint options of renderer_cmd (doc/COMMAND_LINE.md), translated into
// scene-variable overrides. The scene-variable path already knows each variable's type,
// so the renderer needs no second way in; the command line only checks and converts units
// (RenderMan durations, seconds) to MoonRay's (minutes).
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rt {

// The raw option values, as typed.
struct CheckpointArgs {
    bool checkpoint = false;                  // -checkpoint given, with or without a SPEC
    std::vector<std::string> specs;           // each -checkpoint SPEC (INTERVAL[,EXITAT]), in order
    std::optional<std::string> mode;          // -checkpoint_mode
    std::optional<std::string> interval;      // -checkpoint_interval
    std::optional<std::string> timeCap;       // -checkpoint_time_cap
    std::optional<std::string> qualitySteps;  // -checkpoint_quality_steps
    std::optional<std::string> sampleCap;     // -checkpoint_sample_cap
    std::optional<std::string> overwrite;     // -checkpoint_overwrite
};

using SceneVarList = std::vector<std::pair<std::string, std::string>>;

// The scene-variable overrides the options stand for, to be applied after the user's own
// -scene_var entries. Empty when no checkpoint option was given; otherwise starts with
// checkpoint_active true. Each -checkpoint SPEC comes first, then the single-variable
// options, so those win over a SPEC. Throws UsageError naming the option.
SceneVarList checkpointSceneVars(const CheckpointArgs& args);

// -checkpoint_command CMD as the checkpoint_command override, to be applied after the
// user's -scene_var entries; empty without the option. A hook, like checkpoint_post_script:
// it does not turn checkpoints on. The template is checked here (CheckpointCommand.h) so
// that a typo fails before rendering; throws UsageError naming the option.
SceneVarList checkpointCommandSceneVars(const std::optional<std::string>& command);

}  // namespace rt
