#pragma once
// -sequence_deadline (doc/SEQUENCES.md): which frame of a shot gets the next stint of
// sampling, and up to how many samples per pixel, so that at the deadline every frame
// exists and the time went where the noise is. Pure: a function of what each frame has
// reached and of the time left, unit-tested without rendering (like the checkpoint
// policy); the frame loop renders the stint as a resumable render capped at targetSpp.
//
// 1. Draft floor: every frame first reaches `minSpp`, in shot order, whatever the time
//    left (a frame must exist at the deadline).
// 2. Refinement: of the frames not final and below `maxSpp`, the one with the highest
//    mean error whose next sample still fits in the time left; its spp doubles (the
//    error falls by about 1/sqrt(2)), fewer samples when the doubling would not fit.
// 3. Nothing fits, or every frame is final: no stint; the sequence stops.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rt {

struct FrameProgress {
    int frame = 0;
    uint32_t spp = 0;            // samples per pixel reached (0: not rendered yet)
    double meanError = 0.0;      // from its last convergence report; 0 when unknown
    double secondsPerSpp = 0.0;  // measured sampling time per spp; 0 when unknown
    bool final = false;          // reached its quality (target error or sample budget)
};

struct DeadlinePolicy {
    uint32_t minSpp = 4;     // -sequence_min_spp: the draft floor
    uint32_t maxSpp = 1024;  // no frame is refined past this
};

struct Stint {
    size_t index = 0;        // into the frames given
    uint32_t targetSpp = 0;  // render the frame up to this spp
    double estimatedSeconds = 0.0;
    std::string why;  // for the log and the sequence report
};

// `secondsLeft`: until the deadline. A frame whose secondsPerSpp is unknown is estimated
// from the mean of the frames that know theirs (0 when none does: it always fits).
std::optional<Stint> nextStint(const std::vector<FrameProgress>& frames, double secondsLeft,
                               const DeadlinePolicy& policy);

}  // namespace rt
