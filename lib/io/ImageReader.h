#pragma once
// Reading any image OpenImageIO understands (EXR, PNG, JPEG, TIFF, HDR...), for
// textures and tests. Checkpoint files are read with readExr instead, which keeps UINT
// channels exact.
#include <string>

#include "core/RgbImage.h"
#include "io/ImageBuffer.h"

namespace rt {

// Linear float RGB, row 0 at the top. Channels R, G, B when the file names them, else the
// first three; one or two channels (grey, grey + alpha) are replicated. Alpha is
// ignored and colour is returned as stored (not premultiplied). Values are decoded to
// linear: sRGB files (what OIIO reports for 8-bit PNG and JPEG, and what we assume for
// integer files that do not say) with the sRGB curve, "GammaCorrected<g>" with pow(g);
// float files are taken as linear.
[[nodiscard]] bool readRgbImage(const std::string& path, RgbImage& out, std::string& error);

// Every channel of the first subimage as a Float channel holding the stored values
// (integer formats scaled to [0, 1]), with no colour decoding and straight alpha.
[[nodiscard]] bool readImage(const std::string& path, ImageBuffer& out, std::string& error);

}  // namespace rt
