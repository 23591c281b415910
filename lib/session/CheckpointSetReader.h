#pragma once
// Reads the files of one checkpoint set for resuming (doc/RESUME.md, "Recovery"), after
// settling what a crash may have left: when every `.part` of the newest checkpoint is
// complete and valid, and the files without one already hold that checkpoint, the
// interrupted commit is finished; otherwise the `.part` files are removed and the
// previous checkpoint, still intact under the final names, is used.
#include <string>
#include <vector>

#include "io/ImageBuffer.h"
#include "io/Metadata.h"

namespace rt {

struct CheckpointSetFile {
    std::string path;
    ImageBuffer image;          // only when a .part had to be read whole; else empty
    Metadata metadata;          // for a state file (StateFile.h): its renderId and checkpointSerial
    int width = 0, height = 0;  // the image's (EXR files)
};

// Recovers `.part` files, then reads every path's header, followed in `files` by the
// state files the EXR headers name (resumeStateFile, in the EXR's directory; the state
// itself is read once the set is known to be whole). False with `reason` (one sentence
// naming the file) when a file is missing or unreadable, or when the files belong to
// different checkpoints (renderId and checkpointSerial differ). `notes` receives what
// was done about leftover `.part` files, for the log.
[[nodiscard]] bool readCheckpointSet(const std::vector<std::string>& paths,
                                     std::vector<CheckpointSetFile>& files, std::string& reason,
                                     std::vector<std::string>& notes);

// Removes the `.part` files of versioned copies (`<stem>_<digits><ext>.part`, see
// CheckpointNaming.h) that a crash left next to `multiVersionBase`; returns how many.
// They are never needed: the regular checkpoint files hold the same state.
size_t removeVersionedParts(const std::string& multiVersionBase);

// Whether `path` or its `.part` exists.
bool checkpointFileExists(const std::string& path);

}  // namespace rt
