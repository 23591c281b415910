#pragma once
// 8-bit display images (PNG, JPEG, TIFF) written through OpenImageIO; doc/OUTPUT.md,
// "LDR images".
#include <string>

#include "io/ImageBuffer.h"

namespace rt {

struct LdrWriteOptions {
    // JPEG quality 1..100; 0 = OpenImageIO's default (98). Other formats ignore it.
    int jpegQuality = 0;
};

// Writes the float channels R, G, B and optional A (premultiplied, as rendered) of
// `image` to `finalPath`, in the format its extension names (see isLdrExtension).
// Tone mapping: colour is un-premultiplied where 0 < A < 1 (PNG and TIFF store straight
// alpha), clamped to [0, 1], sRGB-encoded and rounded to 8 bits; A is clamped and
// stored linearly. JPEG has no alpha: A is dropped and the colour stays premultiplied,
// i.e. composited over black. Writes partPath(finalPath), in the format chosen from
// finalPath, and fsyncs it; does not rename (see AtomicFile.h). On failure the .part is
// removed and the error names the file.
[[nodiscard]] bool writeLdrPart(const std::string& finalPath, const ImageBuffer& image,
                                const LdrWriteOptions& options, std::string& error);

// writeLdrPart followed by commitPart; on failure no file is left.
[[nodiscard]] bool writeLdr(const std::string& finalPath, const ImageBuffer& image,
                            const LdrWriteOptions& options, std::string& error);

// The same with the default options.
[[nodiscard]] inline bool writeLdrPart(const std::string& finalPath, const ImageBuffer& image,
                                       std::string& error) {
    return writeLdrPart(finalPath, image, LdrWriteOptions{}, error);
}
[[nodiscard]] inline bool writeLdr(const std::string& finalPath, const ImageBuffer& image,
                                   std::string& error) {
    return writeLdr(finalPath, image, LdrWriteOptions{}, error);
}

}  // namespace rt
