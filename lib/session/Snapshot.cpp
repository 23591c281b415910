#include "session/Snapshot.h"

#include <filesystem>
#include <memory>

#include "checkpoint/CheckpointNaming.h"
#include "io/ImageFormat.h"
#include "session/FilmState.h"
#include "session/ResumeMetadata.h"
#include "session/StateFile.h"

namespace rt {
namespace {

// Checkpoints are written often and soon replaced: the fastest zlib level, still lossless.
constexpr int kCheckpointZipLevel = 1;

FileToWrite fileFor(const OutputFile& file, ImageBuffer image, const Metadata& metadata) {
    return {file.path, std::move(image), metadata, file.compression};
}

// The encoded state, made at most once per snapshot (a checkpoint file and an output
// may both hold it) and shared by every state file of the set.
class StateOnce {
  public:
    StateOnce(const Film& film, const SnapshotState& state) : m_film(film), m_state(state) {}
    const EncodedState& get() {
        if (!m_encoded) {
            m_encoded = m_state.encoder->encode(m_film, *m_state.passTargets);
        }
        return *m_encoded;
    }
    std::shared_ptr<const EncodedState> encoded() const { return m_encoded; }

  private:
    const Film& m_film;
    const SnapshotState& m_state;
    std::shared_ptr<const EncodedState> m_encoded;
};

// For the EXR file that holds the state: its state file, and the EXR's header naming it.
FileToWrite stateFileFor(FileToWrite& exr, StateOnce& state) {
    const CheckpointIdentity id = checkpointIdentity(exr.metadata);
    FileToWrite file;
    file.path = stateFilePath(exr.path);
    file.stateOf = exr.path;
    uint64_t hash = 0;
    file.pieces = stateFilePieces(state.get(), id.renderId, id.serial, hash);
    stampResumeState(exr.metadata, hash, std::filesystem::path(file.path).filename().string());
    return file;
}

// Adds `file` to the set, followed by its state file when it holds the state; an EXR
// file without the state makes an older state file of its name obsolete.
void add(FileSet& set, FileToWrite file, bool holdsState, StateOnce& state,
         const SnapshotState& where, const Film& film) {
    if (holdsState && where.format == 1) {
        const uint64_t hash = writeFilmState(file.image, film, *where.passTargets);
        file.metadata.set("resumeStateHash", fingerprintHex(hash));
        set.files.push_back(std::move(file));
        return;
    }
    removeFilmState(file.image);  // a recycled image may still have format 1's channels
    if (holdsState) {
        FileToWrite stateFile = stateFileFor(file, state);
        set.files.push_back(std::move(file));
        set.files.push_back(std::move(stateFile));
        return;
    }
    if (isExrExtension(file.path)) set.obsolete.push_back(stateFilePath(file.path));
    set.files.push_back(std::move(file));
}

}  // namespace

FileSet buildSnapshot(const std::string& label, const SnapshotFiles& files, const Film& film,
                      const std::vector<float>& errors, const Metadata& metadata, ImagePool* pool) {
    auto recycled = [pool](const std::string& path) {
        return pool ? pool->take(path) : ImageBuffer();
    };
    FileSet set;
    set.label = label;
    const SnapshotState& state = files.state;
    StateOnce encoded(film, state);
    if (files.outputs) {
        for (size_t i = 0; i < files.outputs->size(); ++i) {
            const OutputFile& file = (*files.outputs)[i];
            ImageBuffer image = buildOutputImage(file, film, errors, recycled(file.path));
            FileToWrite output = fileFor(file, std::move(image), metadata);
            if (files.stopSignal) output.compression = Compression::None;
            add(set, std::move(output), i == state.outputFile, encoded, state, film);
        }
    }
    if (files.checkpoints) {
        for (size_t i = 0; i < files.checkpoints->size(); ++i) {
            const CheckpointFile& checkpoint = (*files.checkpoints)[i];
            ImageBuffer image =
                buildOutputImage(checkpoint.file, film, errors, recycled(checkpoint.file.path));
            FileToWrite regular = fileFor(checkpoint.file, std::move(image), metadata);
            regular.zipLevel = kCheckpointZipLevel;
            if (files.stopSignal) regular.compression = Compression::None;
            const bool holdsState = i == state.checkpointFile;
            if (files.versioned) {
                FileToWrite copy = regular;
                copy.path = multiVersionFileName(checkpoint.multiVersionBase, files.tileSamples,
                                                 files.finalTileSamples);
                add(set, std::move(copy), holdsState, encoded, state, film);
            }
            add(set, std::move(regular), holdsState, encoded, state, film);
        }
    }
    if (const auto state = encoded.encoded()) {
        set.stateBytes = state->encodedBytes();
        set.stateChunksEncoded = state->chunksEncoded;
        set.stateChunks = state->chunks.size();
    }
    return set;
}

}  // namespace rt
