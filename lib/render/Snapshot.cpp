#include "render/Snapshot.h"

#include "checkpoint/CheckpointNaming.h"

namespace rt {
namespace {

// Checkpoints are written often and soon replaced: the fastest zlib level, still lossless.
constexpr int kCheckpointZipLevel = 1;

FileToWrite fileFor(const OutputFile& file, ImageBuffer image, const Metadata& metadata) {
    return {file.path, std::move(image), metadata, file.compression};
}

}  // namespace

FileSet buildSnapshot(const std::string& label, const SnapshotFiles& files, const Film& film,
                      const std::vector<float>& errors, const Metadata& metadata, ImagePool* pool) {
    auto recycled = [pool](const std::string& path) {
        return pool ? pool->take(path) : ImageBuffer();
    };
    FileSet set;
    set.label = label;
    if (files.outputs) {
        for (const OutputFile& file : *files.outputs) {
            ImageBuffer image = buildOutputImage(file, film, errors, recycled(file.path));
            set.files.push_back(fileFor(file, std::move(image), metadata));
        }
    }
    if (files.checkpoints) {
        for (const CheckpointFile& checkpoint : *files.checkpoints) {
            ImageBuffer image =
                buildOutputImage(checkpoint.file, film, errors, recycled(checkpoint.file.path));
            FileToWrite regular = fileFor(checkpoint.file, std::move(image), metadata);
            regular.zipLevel = kCheckpointZipLevel;
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
