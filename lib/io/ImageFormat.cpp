#include "io/ImageFormat.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace rt {

ImageFormat imageFormatFromPath(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".exr") return ImageFormat::Exr;
    if (extension == ".png") return ImageFormat::Png;
    if (extension == ".jpg" || extension == ".jpeg") return ImageFormat::Jpeg;
    if (extension == ".tif" || extension == ".tiff") return ImageFormat::Tiff;
    return ImageFormat::Unknown;
}

bool isExrExtension(const std::string& path) {
    return imageFormatFromPath(path) == ImageFormat::Exr;
}

bool isLdrExtension(const std::string& path) {
    const ImageFormat format = imageFormatFromPath(path);
    return format == ImageFormat::Png || format == ImageFormat::Jpeg || format == ImageFormat::Tiff;
}

}  // namespace rt
