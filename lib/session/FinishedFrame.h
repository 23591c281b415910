#pragma once
// Whether a render's outputs are already on disk at or past the quality its scene asks
// for, so that a sequence rerun (doc/SEQUENCES.md, "Draft to final") skips the frame
// without building the scene for rendering or rewriting a file.
#include <string>

#include "checkpoint/RequestedQuality.h"
#include "scene/Scene.h"

namespace rt {

struct FinishedFrame {
    bool finished = false;
    std::string why;     // why not, for the log (a missing file, a lower quality)
    StoredRender found;  // the header of the state file's output, when finished
};

// Reads the headers of the EXR outputs (`beautyOverride` as -out); every output file must
// exist, every EXR one must reach the request (reachesRequest). Without an EXR output
// nothing says what an image holds, and the frame is not finished.
FinishedFrame checkFinished(const Scene& scene, const std::string& beautyOverride);

}  // namespace rt
