#pragma once
// One checkpoint set whose files are all final (renamed), as the post-checkpoint hooks
// see it: the Lua `checkpoint` table of checkpoint_post_script (lua/CheckpointTable.h)
// and the tokens of checkpoint_command (CheckpointCommand.h). Pure data; filled by the
// render's checkpoint controller (doc/CHECKPOINTS.md, "Post-checkpoint hooks").
#include <cstdint>
#include <string>
#include <vector>

namespace rt {

struct CheckpointEvent {
    int serial = 0;  // checkpoint serial, continued across the runs of a resumed render
    // Why the set was written: "checkpoint" (interval or quality step), "final" (the
    // image reached its quality), "exitat" (time cap), "samplecap" (sample cap) or
    // "signal" (SIGINT, SIGTERM, SIGUSR1: the render stops; SIGHUP: it goes on).
    std::string reason;
    std::string signal;               // "SIGHUP", "SIGINT"...; empty unless reason is signal
    bool signalInterruption = false;  // a signal stops the render after this set
    uint64_t tileSampleTotal = 0;     // samples taken / pixels * 64 (MoonRay's tile samples)
    std::vector<std::string> files;   // the regular checkpoint files of the set
    std::vector<std::string> versionedFiles;  // the non-overwrite copies (<base>_<NNNN>.exr)
    std::vector<std::string> outputs;         // the outputs written with the set (final)
    uint32_t sppMin = 0, sppMax = 0;
    double sppMean = 0.0;
    double elapsedSeconds = 0.0;  // sampling time of the whole render, earlier runs included
    double progress = 0.0;        // 0..1, the fraction of the forecast samples taken
    double meanError = 0.0;       // mean per-pixel error at the last pass end; 0 before one
    double frame = 0.0;           // scene variable frame
    bool resumable = false;       // the set holds the resume state
    std::string renderId;         // the same in every run of one render
    std::string host;             // the machine that wrote the set
};

}  // namespace rt
