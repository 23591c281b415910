#pragma once
// Display previews of rendered images (renderer.write_preview in hook scripts,
// lua/RendererApi.h): a small 8-bit PNG or JPEG of an EXR checkpoint or output, e.g. for
// a review page or a progress movie. The steps, in this order:
//   1. exposure: colour times 2^exposure (NaN becomes 0, infinities the largest float);
//   2. downscale to fit maxSize by area averaging (every output pixel is the mean of the
//      source area it covers), in linear light and on premultiplied colour and alpha, as
//      a camera with bigger pixels would see it;
//   3. tone map per channel on straight (un-premultiplied) colour:
//        Clamp     min(max(x, 0), 1): the look of the renderer's own 8-bit outputs,
//        Reinhard  x / (1 + x) for x > 0, else 0: keeps highlights, darkens mid-tones
//                  (0.5 becomes 0.33), for scenes with bright lights;
//   4. writeLdr (LdrFile.h): sRGB-encoded, rounded to 8 bits, written atomically.
#include <string>

#include "io/ImageBuffer.h"

namespace rt {

enum class ToneMap { Clamp, Reinhard };

struct PreviewSettings {
    double exposure = 0.0;  // stops, finite
    ToneMap toneMap = ToneMap::Clamp;
    int maxSize = 0;       // longest side in pixels, >= 1; 0 = keep the size
    int jpegQuality = 90;  // 1..100; PNG ignores it
};

struct PreviewSize {
    int width = 0;
    int height = 0;
};

// The size of a preview of a width x height image. With maxSize, the image shrinks (never
// grows) to fit maxSize x maxSize keeping its aspect, each side rounded to the nearest
// pixel, and then both sides are rounded down to even numbers, because video encoders
// (H.264/H.265 with 4:2:0 chroma, as ffmpeg uses by default) need even sizes to turn a
// series of previews into a movie. A side of 1 pixel stays 1. Without maxSize (0): the
// size of the image.
PreviewSize previewSize(int width, int height, int maxSize);

// Steps 1 to 3 on the channels R, G, B and optional A (premultiplied, as rendered; any
// other channel, e.g. the UINT channels and AOV layers of a checkpoint, is ignored).
// `out` gets Float channels R, G, B (and A when `hdr` has it) with linear, premultiplied
// values in [0, 1], ready for writeLdr. Fails for missing or non-float R, G, B, an empty
// image, or settings out of range.
[[nodiscard]] bool previewImage(const ImageBuffer& hdr, const PreviewSettings& settings,
                                ImageBuffer& out, std::string& error);

// Reads `source`, makes the preview and writes it to `destination`, which must end in
// .png, .jpg or .jpeg (JPEG drops alpha, i.e. shows the image over black). An EXR source
// is read with all its channels (readImage) and keeps its alpha; any other format OIIO
// reads (PNG, TIFF, HDR...) is decoded to linear RGB (readRgbImage), without alpha.
// Writes destination.part and renames it: on failure nothing is left.
[[nodiscard]] bool writePreview(const std::string& source, const std::string& destination,
                                const PreviewSettings& settings, std::string& error);

}  // namespace rt
