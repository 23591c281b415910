#pragma once
// The resume header (checkpoint/ResumeState.h) as EXR attributes (doc/RESUME.md,
// "Header"). Several are the checkpoint attributes every file already carries (renderId,
// checkpointSerial, checkpointElapsed, progressCheckpointTileSamples, renderComplete);
// the rest are prefixed `resume`. The state's checksum goes with them, so a file only
// counts as resumable when header and channels belong together.
#include <cstdint>
#include <string>

#include "checkpoint/ResumeState.h"
#include "io/Metadata.h"

namespace rt {

// Header fields of every checkpoint file (also those without the state channels).
void stampResumeHeader(Metadata& metadata, const ResumeHeader& header);
// Marks the EXR file that holds the state: the name of its state file (StateFile.h, in
// the same directory) and that file's header hash; format 1 (the state as channels of
// the image, FilmState.h): an empty name and the channels' hash.
void stampResumeState(Metadata& metadata, uint64_t stateHash, const std::string& stateFile);

// Whether the file says it holds the state: format 2 names a state file, format 1 (state
// channels in the image, FilmState.h) has only the hash.
bool hasResumeState(const Metadata& metadata);
// The state file's name (format 2); empty for format 1.
std::string resumeStateFileName(const Metadata& metadata);
// The path of the state file that the EXR file at `exrPath` names (in its directory);
// empty for format 1.
std::string resumeStateFilePath(const std::string& exrPath, const Metadata& metadata);

// Reads what stampResumeHeader and stampResumeState wrote; `width` and `height` are the
// image's. Fails naming the first missing or mistyped attribute.
[[nodiscard]] bool readResumeHeader(const Metadata& metadata, int width, int height,
                                    ResumeHeader& header, uint64_t& stateHash, std::string& error);
// The header alone, as every checkpoint and output file carries it, with or without
// the state channels (a finished frame's outputs, for FinishedFrame.h).
[[nodiscard]] bool readStampedHeader(const Metadata& metadata, int width, int height,
                                     ResumeHeader& header, std::string& error);

// The (renderId, serial) pair that ties the files of one checkpoint together; empty id
// when absent.
struct CheckpointIdentity {
    std::string renderId;
    int serial = 0;
    bool operator==(const CheckpointIdentity&) const = default;
};
CheckpointIdentity checkpointIdentity(const Metadata& metadata);

}  // namespace rt
