#pragma once
// OpenEXR files (doc/OUTPUT.md): single-part scanline images with named HALF, FLOAT and
// UINT channels and typed metadata. Writes follow the .part protocol of AtomicFile.h.
#include <string>

#include "io/ImageBuffer.h"
#include "io/Metadata.h"
#include "scene/RenderOutput.h"

namespace rt {

struct ExrWriteOptions {
    Compression compression = Compression::Zip;  // RenderOutput.h lists the codecs
    // zlib level 1..9 for Zip; 0 = OpenEXR's default. Level 1 is several times faster
    // and still lossless: checkpoints, written often and soon replaced, use it.
    int zipLevel = 0;
    // DWA quality for Dwaa/Dwab (OpenEXR's dwaCompressionLevel); 0 = OpenEXR's default.
    float dwaLevel = 0.0f;
};

// Writes partPath(finalPath) and fsyncs it; does not rename. On failure the .part is
// removed and the error names the file. Fails for an invalid image and for metadata
// names the writer controls (channels, compression, dataWindow, displayWindow,
// lineOrder, pixelAspectRatio, screenWindowCenter, screenWindowWidth, tiles, type,
// name, version, chunkCount).
[[nodiscard]] bool writeExrPart(const std::string& finalPath, const ImageBuffer& image,
                                const Metadata& metadata, const ExrWriteOptions& options,
                                std::string& error);

// writeExrPart followed by commitPart.
[[nodiscard]] bool writeExr(const std::string& finalPath, const ImageBuffer& image,
                            const Metadata& metadata, const ExrWriteOptions& options,
                            std::string& error);

// Reads the first part: every channel with its stored type (HALF widened to float, UINT
// exact), in the file's order (sorted by name), sized to the data window; and every
// attribute of a supported type except the reserved ones above, sorted by name.
// Truncated or corrupt files fail with a message naming the path; `image` and
// `metadata` are only assigned on success.
[[nodiscard]] bool readExr(const std::string& path, ImageBuffer& image, Metadata& metadata,
                           std::string& error);

// The attributes of the first part, as readExr returns them, and its data window's size;
// reads only the header and the line offset table (a file cut short there fails; one cut
// inside its pixels only fails readExr).
[[nodiscard]] bool readExrHeader(const std::string& path, Metadata& metadata, int& width,
                                 int& height, std::string& error);

}  // namespace rt
