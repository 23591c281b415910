#include "io/ImageReader.h"

#include <OpenImageIO/imageio.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

#include "io/Srgb.h"

namespace rt {
namespace {

enum class Transfer { Linear, Srgb, Gamma };

struct DecodedImage {
    int width = 0;
    int height = 0;
    int channelCount = 0;
    std::vector<std::string> names;
    std::vector<float> pixels;  // interleaved
    Transfer transfer = Transfer::Linear;
    float gamma = 1.0f;
};

void chooseTransfer(const OIIO::ImageSpec& spec, DecodedImage& image) {
    std::string space = spec.get_string_attribute("oiio:ColorSpace");
    std::transform(space.begin(), space.end(), space.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const std::string gammaPrefix = "gammacorrected";
    if (space.rfind(gammaPrefix, 0) == 0) {
        const float gamma = std::strtof(space.c_str() + gammaPrefix.size(), nullptr);
        if (gamma > 0.0f) {
            image.transfer = Transfer::Gamma;
            image.gamma = gamma;
            return;
        }
    }
    if (space == "srgb") {
        image.transfer = Transfer::Srgb;
    } else if (space.empty()) {
        // Integer pixels without a stated colour space are display-referred by custom.
        const bool isFloat = spec.format.basetype == OIIO::TypeDesc::FLOAT ||
                             spec.format.basetype == OIIO::TypeDesc::HALF ||
                             spec.format.basetype == OIIO::TypeDesc::DOUBLE;
        image.transfer = isFloat ? Transfer::Linear : Transfer::Srgb;
    } else {
        image.transfer = Transfer::Linear;  // "linear", "scene_linear", "acescg"...
    }
}

bool decode(const std::string& path, DecodedImage& image, std::string& error) {
    OIIO::ImageSpec config;
    config.attribute("oiio:UnassociatedAlpha", 1);  // keep colour as stored in PNG/TIFF
    auto input = OIIO::ImageInput::open(path, &config);
    if (!input) {
        error = "cannot read '" + path + "': " + OIIO::geterror();
        return false;
    }
    const OIIO::ImageSpec& spec = input->spec();
    image.width = spec.width;
    image.height = spec.height;
    image.channelCount = spec.nchannels;
    image.names = spec.channelnames;
    image.names.resize(spec.nchannels);
    chooseTransfer(spec, image);
    if (image.width <= 0 || image.height <= 0 || image.channelCount <= 0) {
        error = "cannot read '" + path + "': empty image";
        return false;
    }
    image.pixels.resize(static_cast<size_t>(image.width) * image.height * image.channelCount);
    const bool ok =
        input->read_image(0, 0, 0, image.channelCount, OIIO::TypeDesc::FLOAT, image.pixels.data());
    if (!ok) error = "cannot read '" + path + "': " + input->geterror();
    input->close();
    return ok;
}

int channelIndex(const DecodedImage& image, const std::string& name) {
    const auto it = std::find(image.names.begin(), image.names.end(), name);
    return it == image.names.end() ? -1 : static_cast<int>(it - image.names.begin());
}

float toLinear(const DecodedImage& image, float value) {
    switch (image.transfer) {
        case Transfer::Linear:
            return value;
        case Transfer::Srgb:
            return srgbToLinear(value);
        case Transfer::Gamma:
            return value > 0.0f ? std::pow(value, image.gamma) : value;
    }
    return value;
}

}  // namespace

bool readRgbImage(const std::string& path, RgbImage& out, std::string& error) {
    DecodedImage image;
    if (!decode(path, image, error)) return false;
    int index[3] = {channelIndex(image, "R"), channelIndex(image, "G"), channelIndex(image, "B")};
    if (index[0] < 0 || index[1] < 0 || index[2] < 0) {
        const bool grey = image.channelCount < 3;
        for (int c = 0; c < 3; ++c) index[c] = grey ? 0 : c;
    }
    RgbImage result;
    result.width = image.width;
    result.height = image.height;
    result.pixels.resize(static_cast<size_t>(image.width) * image.height);
    for (size_t i = 0; i < result.pixels.size(); ++i) {
        const float* pixel = &image.pixels[i * image.channelCount];
        result.pixels[i] = Color(toLinear(image, pixel[index[0]]), toLinear(image, pixel[index[1]]),
                                 toLinear(image, pixel[index[2]]));
    }
    out = std::move(result);
    return true;
}

bool readImage(const std::string& path, ImageBuffer& out, std::string& error) {
    DecodedImage image;
    if (!decode(path, image, error)) return false;
    ImageBuffer result(image.width, image.height);
    for (int c = 0; c < image.channelCount; ++c) {
        const std::string name =
            image.names[c].empty() ? "channel" + std::to_string(c) : image.names[c];
        ImageChannel& channel = result.addChannel(name, PixelType::Float);
        for (size_t i = 0; i < result.pixelCount(); ++i) {
            channel.floats[i] = image.pixels[i * image.channelCount + c];
        }
    }
    out = std::move(result);
    return true;
}

}  // namespace rt
