#pragma once
// Which files a checkpoint writes (doc/CHECKPOINTS.md): every RenderOutput also goes to
// its `checkpoint_file_name` (default checkpoint.exr); outputs sharing a checkpoint file
// become one file, as outputs sharing a file_name do. With checkpoint_overwrite = false
// each checkpoint also goes to a versioned copy, `<base>_<NNNN>.exr`, whose base is
// checkpoint_multi_version_file_name when set.
#include <string>
#include <vector>

#include "session/OutputPlan.h"

namespace rt {

inline constexpr const char* kDefaultCheckpointFileName = "checkpoint.exr";

struct CheckpointFile {
    OutputFile file;               // path = the regular checkpoint file
    std::string multiVersionBase;  // the base of the versioned copies
};

// Throws SceneError (with the output's location) for channels that collide in a
// checkpoint file or a checkpoint file that is also an output file.
std::vector<CheckpointFile> planCheckpointFiles(const std::vector<OutputFile>& outputs);

}  // namespace rt
