#pragma once
// The text of the progress line, for a terminal (one line rewritten in place) and for
// logs (full lines, easy to grep), and when a log line is due. Pure functions, so that
// the exact text is unit-tested; ProgressDisplay only decides when to call them.
#include <string>

namespace rt {

// Everything one line shows.
struct ProgressLine {
    enum class State { Running, Done, Stopped };
    State state = State::Running;
    bool progressKnown = false;  // false until the first pass has been reported
    double progress = 0.0;       // [0, 1]
    bool sppKnown = false;       // false while the pixel count is unknown
    double meanSpp = 0.0;
    bool adaptive = false;  // uniform renders have no converged fraction to show
    double fractionConverged = 0.0;
    double elapsedSeconds = 0.0;
    bool etaKnown = false;
    double etaSeconds = 0.0;
    // Inside a sequence (doc/SEQUENCES.md): "frame 12 (3/48)" leads the line and the
    // sequence's ETA follows the frame's. Empty label: a single render.
    std::string frameLabel;
    bool sequenceEtaKnown = false;
    double sequenceEtaSeconds = 0.0;
};

// Where the frame in progress stands in its sequence, for the sequence's ETA.
struct SequencePosition {
    std::string frameLabel;      // "frame 12 (3/48)"
    int framesAfter = 0;         // frames still to render after this one
    double secondsPerFrame = 0;  // measured mean of the frames done so far; 0 = none yet
};

// The sequence's ETA: what this frame still needs plus, for each frame after it, the
// mean measured so far, or this frame's whole time (elapsed + ETA) before any is done.
double sequenceEtaSeconds(const SequencePosition& position, double frameElapsed, double frameEta);

// "5s", "1m02s", "2h03m" (rounded to the shown unit); "--" when negative or not finite.
// (Not formatDuration: PlotAxes.h has that name for the plot's longer format.)
std::string formatCompactDuration(double seconds);

// "[#####---------------]": `width` cells, each '#' a full 1/width of `fraction`.
std::string formatBar(double fraction, int width = 20);

// "[#########-----------]  45.2%  spp 12.3  conv 61.0%  elapsed 1m02s  ETA 1m15s"
// ("ETA --" when unknown, "done" or "stopped" instead of the ETA at the end); in a
// sequence "frame 12 (3/48)  [...] ...  ETA 1m15s  shot ETA 58m00s".
std::string formatTerminalLine(const ProgressLine& line);

// "progress  45.2%  spp 12.3  converged 61.0%  elapsed 62s  eta 75s": whole seconds so
// that farm logs are easy to parse; "--" for unknown values, "done"/"stopped" at the end;
// in a sequence "frame 12 (3/48)  progress ...  eta 75s  shot eta 3480s".
std::string formatPlainLine(const ProgressLine& line);

// Whether a log line is due: progress reached a whole percent above the one of the last
// line, or `intervalSeconds` passed since it.
bool plainLineDue(double progress, double seconds, double lastProgress, double lastSeconds,
                  double intervalSeconds);

}  // namespace rt
