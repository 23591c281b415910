#pragma once
// One moment of the render as files: the images of the output files and/or checkpoint
// files built from the film, each stamped with the same metadata, ready for the
// FileSetWriter. Building is a memory operation (parallel over rows); the writer does the
// encoding and the disk.
#include <cstdint>
#include <string>
#include <vector>

#include "film/Film.h"
#include "io/Metadata.h"
#include "render/CheckpointFiles.h"
#include "render/FileSetWriter.h"
#include "render/ImagePool.h"

namespace rt {

struct SnapshotFiles {
    const std::vector<OutputFile>* outputs = nullptr;          // the final outputs, or null
    const std::vector<CheckpointFile>* checkpoints = nullptr;  // checkpoint files, or null
    bool versioned = false;         // also write <base>_<NNNN> copies of checkpoints
    uint64_t tileSamples = 0;       // NNNN
    uint64_t finalTileSamples = 0;  // sets the width of NNNN
};

// `pool`, when given, supplies recycled images (see ImagePool).
FileSet buildSnapshot(const std::string& label, const SnapshotFiles& files, const Film& film,
                      const std::vector<float>& errors, const Metadata& metadata,
                      ImagePool* pool = nullptr);

}  // namespace rt
