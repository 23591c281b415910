#pragma once
// Decodes light textures into linear RGB (through lib/io, the only OpenImageIO user).
#include <string>

#include "core/RgbImage.h"

namespace rt {

// Reads the first subimage of any format OpenImageIO knows. One channel is replicated
// to grey, extra channels beyond RGB are dropped, and sRGB-encoded 8-bit images (PNG,
// JPEG) are linearised. Returns false with a message naming the file on failure.
[[nodiscard]] bool loadRgbTexture(const std::string& path, RgbImage& image, std::string& error);

}  // namespace rt
