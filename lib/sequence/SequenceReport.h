#pragma once
// Where every frame of a sequence stands (doc/SEQUENCES.md, "Sequence report"): one line
// per frame in the log after each frame and at the end, and the same as JSON for
// -sequence_report, rewritten atomically so that a farm or a review page can read it
// while the sequence runs.
#include <optional>
#include <string>
#include <vector>

namespace rt {

enum class FrameState {
    Pending,      // not started (yet)
    Rendering,    // in progress
    Draft,        // stopped at a cap (sample or time) below its final quality
    Final,        // reached its final quality
    Interrupted,  // a signal stopped it; its checkpoint resumes it
    Failed,       // an error; the message says which
};

const char* frameStateName(FrameState state);

struct FrameRecord {
    int frame = 0;
    FrameState state = FrameState::Pending;
    bool skipped = false;  // already at the quality asked for: not rendered this time
    double sppMean = 0.0;
    unsigned sppMin = 0, sppMax = 0;
    std::optional<double> meanError;  // unknown for a frame skipped or not rendered
    double sampleSeconds = 0.0;       // sampling time of every run of the frame
    double wallSeconds = 0.0;         // this process's time on it: load, render, write
    std::string image;                // the beauty (first) output file
    std::string note;                 // why: the error, the skip, the deadline's choice
};

class SequenceReport {
  public:
    explicit SequenceReport(const std::vector<int>& frames);

    FrameRecord& frame(size_t index) { return m_frames[index]; }
    const std::vector<FrameRecord>& frames() const { return m_frames; }

    // "frame 0012  final      64.0 spp  error 0.0123  sampled 12.3 s  shot.0012.exr"
    static std::string line(const FrameRecord& record);
    // A heading, one line per frame and a totals line, for the log.
    std::string table() const;
    // {"frames": [{"frame": 12, "state": "final", ...}], "totals": {...}}
    std::string json() const;
    // Writes json() to `path` atomically (.part, fsync, rename).
    [[nodiscard]] bool write(const std::string& path, std::string& error) const;

  private:
    std::vector<FrameRecord> m_frames;
};

}  // namespace rt
