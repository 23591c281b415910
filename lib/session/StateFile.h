#pragma once
// The resume state file of format 2 (doc/RESUME.md, "The state file"): the film's exact
// state next to the EXR file that names it, `checkpoint.exr` -> `checkpoint.resume`,
// written and committed in the same atomic set. Viewers never read it, so the EXR keeps
// the user's compression and only the visible channels, while the state uses the
// fastest codec that pays (StateEncoder.h).
//
// Layout (little-endian): "RTRESUME", u32 format version (3), u32 width, u32 height,
// u32 chunk size, u32 chunk count, i32 checkpoint serial, u32 n, u32 AOV doubles per
// pixel, u32 m, n bytes render id, m bytes AOV signature (AovLayout::signature), chunk
// count x u64 compressed size, u64 hash of every byte before it; then the chunks' zstd
// frames in grid order (StateChunks.h for what a frame decompresses to). Version 2 had
// neither the AOV count nor the signature (m = 0, no AOVs).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "film/Film.h"
#include "session/StateEncoder.h"

namespace rt {

// 3 added the AOV slots; version 2 files (no AOVs) are still read.
inline constexpr int kStateFileVersion = 3;

// `dir/name.exr` -> `dir/name.resume` (any other extension is replaced the same way).
std::string stateFilePath(const std::string& exrPath);
// Whether `path` names a state file (ends in .resume).
bool isStateFilePath(const std::string& path);

// The bytes of the file for `state` as pieces to write one after another: the header,
// then each chunk (shared with `state`, not copied). `hash` receives the header's hash,
// which the EXR file stores (resumeStateHash) to tie the two together.
std::vector<std::shared_ptr<const std::string>> stateFilePieces(const EncodedState& state,
                                                                const std::string& renderId,
                                                                int serial, uint64_t& hash);

struct StateFileHeader {
    int version = 0;
    int width = 0, height = 0, chunkSize = 0;
    int serial = 0;
    std::string renderId;
    uint64_t aovDoubles = 0;
    std::string aovSignature;
    std::vector<uint64_t> chunkBytes;
    uint64_t headerBytes = 0;
    uint64_t hash = 0;
    uint64_t fileBytes() const;
};

// Reads and checks the header (magic, version, its own hash) and that the file has
// exactly the size it declares: a file cut short or grown fails, naming the path.
[[nodiscard]] bool readStateFileHeader(const std::string& path, StateFileHeader& header,
                                       std::string& error);

// Reads the file, checks its header hash against `expectedHash` (from the EXR), its size
// against the film's and every chunk's zstd checksum, and fills `film` and `passTargets`.
// On failure the error names the file, and `film` and `passTargets` are reset to empty
// (a fresh start).
[[nodiscard]] bool readStateFile(const std::string& path, uint64_t expectedHash, Film& film,
                                 std::vector<uint32_t>& passTargets, std::string& error);

}  // namespace rt
