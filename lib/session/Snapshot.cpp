#include "session/Snapshot.h"

#include "checkpoint/CheckpointNaming.h"
#include "session/FilmState.h"
#include "session/ResumeMetadata.h"

namespace rt {
namespace {

// Checkpoints are written often and soon replaced: the fastest zlib level, still lossless.
constexpr int kCheckpointZipLevel = 1;

FileToWrite fileFor(const OutputFile& file, ImageBuffer image, const Metadata& metadata) {
    return {file.path, std::move(image), metadata, file.compression};
}

// Adds the film state to the file that holds it, strips it from any other (a recycled
// image may still have it).
void placeState(FileToWrite& file, bool holdsState, const Film& film,
                const std::vector<uint32_t>* passTargets) {
    if (holdsState) {
        stampResumeState(file.metadata, writeFilmState(file.image, film, *passTargets));
    } else {
        removeFilmState(file.image);
    }
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
    if (files.outputs) {
        for (size_t i = 0; i < files.outputs->size(); ++i) {
            const OutputFile& file = (*files.outputs)[i];
            ImageBuffer image = buildOutputImage(file, film, errors, recycled(file.path));
            FileToWrite toWrite = fileFor(file, std::move(image), metadata);
            placeState(toWrite, i == state.outputFile, film, state.passTargets);
            set.files.push_back(std::move(toWrite));
        }
    }
    if (files.checkpoints) {
        for (size_t i = 0; i < files.checkpoints->size(); ++i) {
            const CheckpointFile& checkpoint = (*files.checkpoints)[i];
            ImageBuffer image =
                buildOutputImage(checkpoint.file, film, errors, recycled(checkpoint.file.path));
            FileToWrite regular = fileFor(checkpoint.file, std::move(image), metadata);
            regular.zipLevel = kCheckpointZipLevel;
            placeState(regular, i == state.checkpointFile, film, state.passTargets);
            if (files.versioned) {
                FileToWrite copy = regular;
                copy.path = multiVersionFileName(checkpoint.multiVersionBase, files.tileSamples,
                                                 files.finalTileSamples);
                set.files.push_back(std::move(copy));
            }
            set.files.push_back(std::move(regular));
        }
    }
    return set;
}

}  // namespace rt
