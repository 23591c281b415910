#include "lua/TextureLoader.h"

#include "io/ImageReader.h"

namespace rt {

bool loadRgbTexture(const std::string& path, RgbImage& image, std::string& error) {
    RgbImage result;
    if (!readRgbImage(path, result, error)) {
        error = "cannot read texture: " + error;
        return false;
    }
    // A NaN or infinite texel would turn into a silently wrong image: refuse the file.
    for (const Color& c : result.pixels) {
        if (!isFinite(c)) {
            error = "texture '" + path + "' has non-finite pixels";
            return false;
        }
    }
    image = std::move(result);
    return true;
}

}  // namespace rt
