#pragma once
// The files of one frame of a sequence (doc/SEQUENCES.md, "File names"): the scene's
// output, checkpoint and resume names and the command line's -out, -stats and
// -stats_plot, named for the frame, and a check that no two frames share a file.
#include <map>
#include <string>
#include <vector>

#include "scene/Scene.h"

namespace rt {

// The command line's names, as typed (with their frame tokens); empty when not given.
struct OptionFileNames {
    std::string out;        // -out
    std::string stats;      // -stats
    std::string statsPlot;  // -stats_plot
};

// Names the scene's RenderOutput files for `frame`: file_name, checkpoint_file_name,
// checkpoint_multi_version_file_name and resume_file_name. A frame token is replaced
// (FrameNaming.h); a name the scene set without one is kept, since Lua may compute it
// from `frame` (FrameFileClaims catches one that does not change); a default name
// (scene.exr, checkpoint.exr) gets the frame before its extension.
void nameSceneFiles(Scene& scene, int frame);

// The command line's names for `frame`. -out needs a frame token when the sequence has
// more than one frame (UsageError naming the option); -stats and -stats_plot without
// one get the frame before their extension.
OptionFileNames nameOptionFiles(const OptionFileNames& names, int frame, bool severalFrames);

// A file a frame writes or reads, and what names it, for messages.
struct FramePath {
    std::string path;
    std::string what;  // e.g. "RenderOutput '/out' file_name", "option '-out'"
};

// Every file a frame of `scene` (already named) writes or reads: its outputs (-out
// applied), its checkpoint files when checkpointing or resuming, its resume_file_name
// files when resuming, -stats and -stats_plot.
std::vector<FramePath> framePaths(const Scene& scene, const OptionFileNames& names);

// Which frame claimed each file so far.
class FrameFileClaims {
  public:
    // Throws UsageError naming the file, what names it and both frames when one of
    // `paths` was claimed by another frame: that frame's image would be overwritten.
    void claim(int frame, const std::vector<FramePath>& paths);

  private:
    std::map<std::string, int> m_frameOf;
};

}  // namespace rt
