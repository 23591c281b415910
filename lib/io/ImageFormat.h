#pragma once
// Image file formats chosen by file name extension, as OpenImageIO does.
#include <string>

namespace rt {

enum class ImageFormat { Unknown, Exr, Png, Jpeg, Tiff };

// From the extension, case-insensitively: .exr, .png, .jpg/.jpeg, .tif/.tiff.
ImageFormat imageFormatFromPath(const std::string& path);

bool isExrExtension(const std::string& path);
// 8-bit display formats written by writeLdr: .png .jpg .jpeg .tif .tiff.
bool isLdrExtension(const std::string& path);

}  // namespace rt
