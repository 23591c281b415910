#include "render/Snapshot.h"

#include "checkpoint/CheckpointNaming.h"

namespace rt {
namespace {

FileToWrite fileFor(const OutputFile& file, ImageBuffer image, const Metadata& metadata) {
    return {file.path, std::move(image), metadata, file.compression};
}

}  // namespace

FileSet buildSnapshot(const std::string& label, const SnapshotFiles& files, const Film& film,
                      const std::vector<float>& errors, const Metadata& metadata) {
    FileSet set;
    set.label = label;
    if (files.outputs) {
        for (const OutputFile& file : *files.outputs) {
            set.files.push_back(fileFor(file, buildOutputImage(file, film, errors), metadata));
        }
    }
    if (files.checkpoints) {
        for (const CheckpointFile& checkpoint : *files.checkpoints) {
            ImageBuffer image = buildOutputImage(checkpoint.file, film, errors);
            if (files.versioned) {
                FileToWrite copy = fileFor(checkpoint.file, image, metadata);
                copy.path = multiVersionFileName(checkpoint.multiVersionBase, files.tileSamples,
                                                 files.finalTileSamples);
                set.files.push_back(std::move(copy));
            }
            set.files.push_back(fileFor(checkpoint.file, std::move(image), metadata));
        }
    }
    return set;
}

}  // namespace rt
