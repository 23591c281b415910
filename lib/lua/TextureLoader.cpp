#include "lua/TextureLoader.h"

#include <OpenImageIO/imageio.h>

#include <cmath>
#include <vector>

namespace rt {
namespace {

float srgbToLinear(float c) {
    return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

bool loadRgbTexture(const std::string& path, RgbImage& image, std::string& error) {
    auto input = OIIO::ImageInput::open(path);
    if (!input) {
        error = "cannot read texture '" + path + "': " + OIIO::geterror();
        return false;
    }
    const OIIO::ImageSpec& spec = input->spec();
    const int channels = spec.nchannels;
    if (spec.width <= 0 || spec.height <= 0 || channels <= 0 || spec.depth > 1) {
        error = "texture '" + path + "' is not a 2D image";
        return false;
    }
    std::vector<float> pixels(static_cast<size_t>(spec.width) * spec.height * channels);
    if (!input->read_image(0, 0, 0, channels, OIIO::TypeDesc::FLOAT, pixels.data())) {
        error = "cannot read texture '" + path + "': " + input->geterror();
        return false;
    }
    const bool srgb = spec.get_string_attribute("oiio:ColorSpace") == "sRGB";

    RgbImage result;
    result.width = spec.width;
    result.height = spec.height;
    result.pixels.resize(static_cast<size_t>(spec.width) * spec.height);
    for (size_t i = 0; i < result.pixels.size(); ++i) {
        const float* p = &pixels[i * channels];
        Color c = channels >= 3 ? Color(p[0], p[1], p[2]) : Color(p[0], p[0], p[0]);
        if (srgb) c = Color(srgbToLinear(c.x), srgbToLinear(c.y), srgbToLinear(c.z));
        if (!isFinite(c)) {
            error = "texture '" + path + "' has non-finite pixels";
            return false;
        }
        result.pixels[i] = c;
    }
    image = std::move(result);
    return true;
}

}  // namespace rt
