#pragma once
// Whether an image on disk already holds what a render asks for, at or past its quality:
// a sequence rerun (doc/SEQUENCES.md, "Draft to final") skips such frames rather than
// render or rewrite them. Pure: the caller reads the files.
#include <cstdint>
#include <string>

#include "checkpoint/ResumeState.h"

namespace rt {

// What a finished (or stopped) render left in its files' headers.
struct StoredRender {
    ResumeHeader header;
    uint32_t sppMin = 0, sppMax = 0;
    double sppMean = 0.0;
    // checkpointReason of the file: "final" (complete), "samplecap", or why it stopped
    // early ("signal", "timecap", "checkpoint").
    std::string reason;
};

// True when `stored` is the render `target` asks for (same format, size and scene) and
// holds at least its quality:
//   uniform   every pixel has the spp asked for (the uniform count, or the sample cap
//             when that is lower), whatever stopped the earlier run;
//   adaptive  the earlier run ended (complete, or at its sample cap) with the same min,
//             at least the max and at most the target error asked for, and, when it
//             ended at its cap, a cap at least the one asked for.
// A higher quality on disk counts: a final frame is not redone by a draft rerun.
bool reachesRequest(const StoredRender& stored, const ResumeTarget& target);

}  // namespace rt
