#include "io/PreviewImage.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "io/ImageFormat.h"
#include "io/ImageReader.h"
#include "io/LdrFile.h"

namespace rt {
namespace {

// One source pixel's share of an output pixel along one axis.
struct Tap {
    int index;
    double weight;
};

// For each of `to` output pixels, the `from` source pixels its area covers, weighted by
// the covered fraction so that the weights sum to 1 (a box filter exact for any ratio).
std::vector<std::vector<Tap>> axisTaps(int from, int to) {
    const double scale = static_cast<double>(from) / to;
    std::vector<std::vector<Tap>> taps(static_cast<size_t>(to));
    for (int o = 0; o < to; ++o) {
        const double begin = o * scale;
        const double end = (o + 1) * scale;
        const int last = std::min(from, static_cast<int>(std::ceil(end)));
        for (int i = static_cast<int>(std::floor(begin)); i < last; ++i) {
            const double covered = std::min(end, i + 1.0) - std::max(begin, static_cast<double>(i));
            if (covered > 0.0) taps[o].push_back({i, covered / scale});
        }
    }
    return taps;
}

// Area-average resize of one channel, rows first, then columns.
std::vector<float> resize(const std::vector<float>& source, int width, int height, PreviewSize to) {
    if (to.width == width && to.height == height) return source;
    const auto columns = axisTaps(width, to.width);
    const auto rows = axisTaps(height, to.height);
    std::vector<double> narrow(static_cast<size_t>(to.width) * height);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < to.width; ++x) {
            double sum = 0.0;
            for (const Tap& tap : columns[x])
                sum += tap.weight * source[y * size_t(width) + tap.index];
            narrow[y * size_t(to.width) + x] = sum;
        }
    }
    std::vector<float> out(static_cast<size_t>(to.width) * to.height);
    for (int y = 0; y < to.height; ++y) {
        for (int x = 0; x < to.width; ++x) {
            double sum = 0.0;
            for (const Tap& tap : rows[y])
                sum += tap.weight * narrow[tap.index * size_t(to.width) + x];
            out[y * size_t(to.width) + x] = static_cast<float>(sum);
        }
    }
    return out;
}

// NaN would spread through the averages and infinity turn them into NaN.
float finite(float value) {
    if (std::isnan(value)) return 0.0f;
    return std::clamp(value, -FLT_MAX, FLT_MAX);
}

float toneMap(float x, ToneMap mode) {
    if (!(x > 0.0f)) return 0.0f;
    if (mode == ToneMap::Clamp) return std::min(x, 1.0f);
    return x < FLT_MAX ? x / (1.0f + x) : 1.0f;  // infinity / infinity would be NaN
}

bool checkSettings(const PreviewSettings& settings, std::string& error) {
    if (!std::isfinite(settings.exposure)) {
        error = "the exposure must be a finite number of stops";
    } else if (settings.maxSize < 0) {
        error = "max_size must be at least 1 (0: keep the size)";
    } else if (settings.jpegQuality < 1 || settings.jpegQuality > 100) {
        error = "the JPEG quality must be in 1..100";
    } else {
        return true;
    }
    return false;
}

bool readSource(const std::string& path, ImageBuffer& image, std::string& error) {
    if (isExrExtension(path)) return readImage(path, image, error);
    RgbImage rgb;
    if (!readRgbImage(path, rgb, error)) return false;
    image = ImageBuffer(rgb.width, rgb.height);
    for (int c = 0; c < 3; ++c) {
        std::vector<float>& values =
            image.addChannel(std::string(1, "RGB"[c]), PixelType::Float).floats;
        for (size_t i = 0; i < values.size(); ++i) values[i] = rgb.pixels[i][c];
    }
    return true;
}

}  // namespace

PreviewSize previewSize(int width, int height, int maxSize) {
    if (maxSize <= 0 || width <= 0 || height <= 0) return {std::max(width, 0), std::max(height, 0)};
    const double scale = std::min(1.0, static_cast<double>(maxSize) / std::max(width, height));
    const auto side = [&](int length) {
        int fitted = std::clamp(static_cast<int>(std::lround(length * scale)), 1, maxSize);
        return fitted > 1 ? fitted & ~1 : fitted;
    };
    return {side(width), side(height)};
}

bool previewImage(const ImageBuffer& hdr, const PreviewSettings& settings, ImageBuffer& out,
                  std::string& error) {
    if (!checkSettings(settings, error)) return false;
    if (hdr.pixelCount() == 0) {
        error = "the image is empty";
        return false;
    }
    const ImageChannel* sources[4] = {hdr.find("R"), hdr.find("G"), hdr.find("B"), hdr.find("A")};
    for (int c = 0; c < 4; ++c) {
        const ImageChannel* channel = sources[c];
        if (channel && channel->isFloat() && channel->floats.size() == hdr.pixelCount()) continue;
        if (c == 3 && !channel) continue;
        error = std::string("the image has no float channel ") + "RGBA"[c];
        return false;
    }
    const int channelCount = sources[3] ? 4 : 3;
    const PreviewSize size = previewSize(hdr.width, hdr.height, settings.maxSize);
    const float gain = static_cast<float>(std::exp2(settings.exposure));

    std::vector<float> planes[4];
    for (int c = 0; c < channelCount; ++c) {
        std::vector<float> values(sources[c]->floats);
        const float scale = c < 3 ? gain : 1.0f;
        for (float& v : values) v = finite(v * scale);
        planes[c] = resize(values, hdr.width, hdr.height, size);
    }

    out = ImageBuffer(size.width, size.height);
    for (int c = 0; c < channelCount; ++c)
        out.addChannel(std::string(1, "RGBA"[c]), PixelType::Float);
    for (size_t i = 0; i < out.pixelCount(); ++i) {
        const float alpha = channelCount == 4 ? std::clamp(planes[3][i], 0.0f, 1.0f) : 1.0f;
        // Straight colour is tone mapped, then premultiplied again for writeLdr. Where
        // alpha is 0 the colour is emission over nothing and is mapped as it is.
        const float straight = alpha > 0.0f ? 1.0f / alpha : 1.0f;
        const float back = alpha > 0.0f ? alpha : 1.0f;
        for (int c = 0; c < 3; ++c) {
            out.channels[c].floats[i] = toneMap(planes[c][i] * straight, settings.toneMap) * back;
        }
        if (channelCount == 4) out.channels[3].floats[i] = alpha;
    }
    return true;
}

bool writePreview(const std::string& source, const std::string& destination,
                  const PreviewSettings& settings, std::string& error) {
    const ImageFormat format = imageFormatFromPath(destination);
    if (format != ImageFormat::Png && format != ImageFormat::Jpeg) {
        error =
            "cannot write preview '" + destination + "': the extension must be .png, .jpg or .jpeg";
        return false;
    }
    ImageBuffer hdr;
    ImageBuffer preview;
    if (!readSource(source, hdr, error)) return false;
    if (!previewImage(hdr, settings, preview, error)) {
        error = "cannot make a preview of '" + source + "': " + error;
        return false;
    }
    LdrWriteOptions options;
    options.jpegQuality = settings.jpegQuality;
    return writeLdr(destination, preview, options, error);
}

}  // namespace rt
