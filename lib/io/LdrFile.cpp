#include "io/LdrFile.h"

#include <OpenImageIO/imageio.h>

#include <string>
#include <vector>

#include "io/AtomicFile.h"
#include "io/ImageFormat.h"
#include "io/Srgb.h"

namespace rt {
namespace {

// Interleaved 8-bit pixels: colour un-premultiplied when alpha is stored, then encoded.
std::vector<uint8_t> encodePixels(const ImageBuffer& image, const ImageChannel* const rgb[3],
                                  const ImageChannel* alpha) {
    const int channelCount = alpha ? 4 : 3;
    std::vector<uint8_t> pixels(image.pixelCount() * channelCount);
    for (size_t i = 0; i < image.pixelCount(); ++i) {
        float a = alpha ? alpha->floats[i] : 1.0f;
        a = a > 0.0f ? (a < 1.0f ? a : 1.0f) : 0.0f;  // NaN -> 0
        const float scale = alpha && a > 0.0f ? 1.0f / a : 1.0f;
        uint8_t* out = &pixels[i * channelCount];
        for (int c = 0; c < 3; ++c) out[c] = linearToSrgb8(rgb[c]->floats[i] * scale);
        if (alpha) out[3] = static_cast<uint8_t>(std::lround(a * 255.0f));
    }
    return pixels;
}

}  // namespace

bool writeLdrPart(const std::string& finalPath, const ImageBuffer& image,
                  const LdrWriteOptions& options, std::string& error) {
    const std::string prefix = "cannot write '" + finalPath + "': ";
    std::string problem;
    if (!isLdrExtension(finalPath)) {
        error = prefix + "the extension is not one of .png .jpg .jpeg .tif .tiff";
        return false;
    }
    if (!image.validate(problem)) {
        error = prefix + problem;
        return false;
    }
    const ImageChannel* rgb[3] = {image.find("R"), image.find("G"), image.find("B")};
    for (const ImageChannel* channel : rgb) {
        if (!channel || !channel->isFloat()) {
            error = prefix + "an LDR image needs half or float channels R, G and B";
            return false;
        }
    }
    const ImageChannel* alpha = image.find("A");
    if (alpha && !alpha->isFloat()) {
        error = prefix + "channel A must be half or float";
        return false;
    }
    const bool jpeg = imageFormatFromPath(finalPath) == ImageFormat::Jpeg;
    if (jpeg) alpha = nullptr;
    if (jpeg && (options.jpegQuality < 0 || options.jpegQuality > 100)) {
        error =
            prefix + "JPEG quality " + std::to_string(options.jpegQuality) + " is not in 1..100";
        return false;
    }

    const std::vector<uint8_t> pixels = encodePixels(image, rgb, alpha);
    OIIO::ImageSpec spec(image.width, image.height, alpha ? 4 : 3, OIIO::TypeDesc::UINT8);
    if (alpha) spec.alpha_channel = 3;
    spec.attribute("oiio:ColorSpace", "sRGB");
    // Our data is already straight alpha; without this OIIO would divide by alpha again.
    spec.attribute("oiio:UnassociatedAlpha", 1);
    if (jpeg && options.jpegQuality > 0) {
        spec.attribute("Compression", "jpeg:" + std::to_string(options.jpegQuality));
    }

    // The plugin is chosen from the final name, so the .part file can keep the plain
    // ".part" suffix that every other output uses.
    const std::string part = partPath(finalPath);
    auto output = OIIO::ImageOutput::create(finalPath);
    if (!output) {
        error = prefix + OIIO::geterror();
        return false;
    }
    bool ok = output->open(part, spec) && output->write_image(OIIO::TypeDesc::UINT8, pixels.data());
    ok = output->close() && ok;
    if (!ok) {
        error = "cannot write '" + part + "': " + output->geterror();
    } else {
        ok = fsyncFile(part, error);
    }
    if (!ok) discardPart(finalPath);
    return ok;
}

bool writeLdr(const std::string& finalPath, const ImageBuffer& image,
              const LdrWriteOptions& options, std::string& error) {
    if (!writeLdrPart(finalPath, image, options, error)) return false;
    if (commitPart(finalPath, error)) return true;
    discardPart(finalPath);  // the rename failed, so the .part is still there
    return false;
}

}  // namespace rt
