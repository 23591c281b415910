#pragma once
// A sequence of frames in one process (doc/SEQUENCES.md): each frame's scene is loaded
// with the Lua global and scene variable `frame`, its files are named for the frame, and
// one RenderSession renders it, with every checkpoint control applying per frame. Frames
// run in the order given; a failed frame is reported and the next one starts; a signal
// that stops a frame (its checkpoint written) stops the sequence, and later frames are
// not started.
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/Error.h"
#include "lua/SceneLoader.h"
#include "sequence/DeadlineScheduler.h"
#include "sequence/FrameFiles.h"
#include "sequence/SequenceReport.h"
#include "session/RenderSession.h"

namespace rt {

struct SequenceOptions {
    std::vector<int> frames;  // -frames, in order
    // The user's files and -scene_var entries; `frame` is added per frame.
    SceneLoadOptions load;
    // Applied to every loaded scene (-size, -res).
    std::function<void(Scene&)> adjustScene;
    // Every frame's render options; the file names are replaced by `names` per frame.
    RenderOptions render;
    OptionFileNames names;   // -out, -stats, -stats_plot as typed
    std::string reportPath;  // -sequence_report FILE.json; empty: none
    // -sequence_deadline: seconds from the start; unset: every frame renders to its own
    // quality, one after another.
    std::optional<double> deadlineSeconds;
    DeadlinePolicy deadlinePolicy;  // -sequence_min_spp
};

class SequenceRenderer {
  public:
    // Throws UsageError for a -sequence_report that cannot be written.
    explicit SequenceRenderer(SequenceOptions options);

    // Renders every frame (with a deadline: in stints, DeadlineScheduler.h). Before the first, the
    // first two frames' scenes are loaded and their files compared, so that a name without a frame
    // token fails (UsageError) before any rendering. Returns Interrupted (or
    // InterruptedNoCheckpoint) when a signal stopped a frame, else the exit code of the first
    // failed frame, else Success.
    ExitCode run();

    const SequenceReport& report() const { return m_report; }

  private:
    using SceneVarList = std::vector<std::pair<std::string, std::string>>;

    // The scene of frame `index`, its files named for it and claimed.
    Scene loadFrame(size_t index, const SceneVarList& extraVars = {});
    // Renders (or skips) frame `index` from its loaded scene; fills its record.
    ExitCode renderFrame(size_t index, const Scene& scene);
    // The frame with its position in the sequence, e.g. "frame 12 (3/48)".
    std::string frameLabel(size_t index) const;
    bool stopRequested() const;
    // Runs `render` for frame `index`; an error marks the frame failed with its message
    // and becomes its exit code (a scene error 2, a strict resume 3, anything else 1).
    template <class Render>
    ExitCode guarded(size_t index, Render render);
    // -sequence_deadline: stints chosen by nextStint until nothing fits in the time left.
    ExitCode runToDeadline();
    // Renders one stint of frame `index` up to `stint.targetSpp`, resuming its files.
    ExitCode renderStint(const Stint& stint, FrameProgress& progress, double secondsLeft);
    void publish();

    SequenceOptions m_options;
    SequenceReport m_report;
    FrameFileClaims m_claims;
    double m_renderedSeconds = 0.0;  // wall time of the frames rendered so far
    int m_renderedFrames = 0;
};

}  // namespace rt
