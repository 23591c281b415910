#pragma once
// One moment of the render as files: the images of the output files and/or checkpoint
// files built from the film, each stamped with the same metadata, ready for the
// FileSetWriter. Building is a memory operation (parallel over rows); the writer does the
// encoding and the disk.
#include <cstdint>
#include <string>
#include <vector>

#include "checkpoint/ResumeState.h"
#include "film/Film.h"
#include "io/Metadata.h"
#include "session/CheckpointFiles.h"
#include "session/FileSetWriter.h"
#include "session/ImagePool.h"
#include "session/StateEncoder.h"

namespace rt {

// Where the film's exact state goes (StateFile.h): the state file of one EXR file of the
// checkpoints and/or one of the outputs (stateFileIndex, chosen once by the caller),
// which names it in its header; every other file of the set carries the header only.
struct SnapshotState {
    static constexpr size_t kNone = static_cast<size_t>(-1);
    int format = kResumeFormatVersion;  // 1: `resume.` channels in the EXR (FilmState.h)
    StateEncoder* encoder = nullptr;    // format 2, needed when a file holds the state
    const std::vector<uint32_t>* passTargets = nullptr;
    size_t checkpointFile = kNone;  // index into SnapshotFiles::checkpoints
    size_t outputFile = kNone;      // index into SnapshotFiles::outputs
};

struct SnapshotFiles {
    const std::vector<OutputFile>* outputs = nullptr;          // the final outputs, or null
    const std::vector<CheckpointFile>* checkpoints = nullptr;  // checkpoint files, or null
    bool versioned = false;         // also write <base>_<NNNN> copies of checkpoints
    uint64_t tileSamples = 0;       // NNNN
    uint64_t finalTileSamples = 0;  // sets the width of NNNN
    // The set is a stop signal's (SIGINT, SIGTERM, SIGUSR1: a farm's grace period is
    // short): its EXR files are written without compression, which is lossless too and
    // costs no CPU; the render that continues writes them again with their compression.
    bool stopSignal = false;
    SnapshotState state;
};

// `pool`, when given, supplies recycled images (see ImagePool).
FileSet buildSnapshot(const std::string& label, const SnapshotFiles& files, const Film& film,
                      const std::vector<float>& errors, const Metadata& metadata,
                      ImagePool* pool = nullptr);

}  // namespace rt
