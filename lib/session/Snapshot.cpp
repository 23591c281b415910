#include "session/Snapshot.h"

#include <filesystem>
#include <memory>
#include <optional>

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
    Metadata header = file.metadata;
    header.merge(metadata);  // the render's own keys win
    FileToWrite write{file.path, std::move(image), std::move(header), file.compression,
                      file.zipLevel};
    write.dwaLevel = file.dwaLevel;
    return write;
}

// The state of one snapshot: the film, where its state goes, and (format 2) the encoded
// state, made at most once (a checkpoint file and an output may both hold it) and shared
// by every state file of the set.
class SetState {
  public:
    SetState(const Film& film, const SnapshotState& where) : m_film(film), m_where(where) {}

    // Puts the state into `exr`: format 1 as channels of its image; format 2 as the state
    // file returned, which the EXR's header names.
    std::optional<FileToWrite> place(FileToWrite& exr) {
        if (m_where.format == 1) {
            stampResumeState(exr.metadata, writeFilmState(exr.image, m_film, *m_where.passTargets),
                             "");
            return std::nullopt;
        }
        if (!m_encoded) m_encoded = m_where.encoder->encode(m_film, *m_where.passTargets);
        const CheckpointIdentity id = checkpointIdentity(exr.metadata);
        FileToWrite file;
        file.path = stateFilePath(exr.path);
        file.stateOf = exr.path;
        uint64_t hash = 0;
        file.pieces = stateFilePieces(*m_encoded, id.renderId, id.serial, hash);
        stampResumeState(exr.metadata, hash, std::filesystem::path(file.path).filename().string());
        return file;
    }

    std::shared_ptr<const EncodedState> encoded() const { return m_encoded; }

  private:
    const Film& m_film;
    const SnapshotState& m_where;
    std::shared_ptr<const EncodedState> m_encoded;
};

// Adds `file` to the set, followed by its state file when it holds the state; an EXR
// file without the state makes an older state file of its name obsolete.
void add(FileSet& set, FileToWrite file, bool holdsState, SetState& state) {
    if (!holdsState) {
        removeFilmState(file.image);  // a recycled image may still have format 1's channels
        if (isExrExtension(file.path)) set.obsolete.push_back(stateFilePath(file.path));
        set.files.push_back(std::move(file));
        return;
    }
    std::optional<FileToWrite> stateFile = state.place(file);
    if (stateFile) removeFilmState(file.image);
    set.files.push_back(std::move(file));
    if (stateFile) set.files.push_back(std::move(*stateFile));
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
    SetState setState(film, state);
    if (files.outputs) {
        for (size_t i = 0; i < files.outputs->size(); ++i) {
            const OutputFile& file = (*files.outputs)[i];
            ImageBuffer image = buildOutputImage(file, film, errors, recycled(file.path));
            FileToWrite output = fileFor(file, std::move(image), metadata);
            if (files.stopSignal) output.compression = Compression::None;
            add(set, std::move(output), i == state.outputFile, setState);
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
                add(set, std::move(copy), holdsState, setState);
            }
            add(set, std::move(regular), holdsState, setState);
        }
    }
    if (const auto state = setState.encoded()) {
        set.stateBytes = state->encodedBytes();
        set.stateChunksEncoded = state->chunksEncoded;
        set.stateChunks = state->chunks.size();
    }
    return set;
}

}  // namespace rt
