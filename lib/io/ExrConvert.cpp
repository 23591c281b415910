#include "io/detail/ExrConvert.h"

#include <ImfChannelList.h>
#include <ImfDoubleAttribute.h>
#include <ImfFloatAttribute.h>
#include <ImfIntAttribute.h>
#include <ImfMatrixAttribute.h>
#include <ImfStandardAttributes.h>
#include <ImfStringAttribute.h>

#include <array>
#include <string_view>
#include <type_traits>

namespace rt::detail {
namespace {

Imf::PixelType toExrPixelType(PixelType type) {
    switch (type) {
        case PixelType::Half:
            return Imf::HALF;
        case PixelType::Float:
            return Imf::FLOAT;
        case PixelType::Uint:
            return Imf::UINT;
    }
    return Imf::FLOAT;
}

// Inserts one metadata value as the matching typed attribute.
void insertAttribute(Imf::Header& header, const std::string& name, const MetadataValue& value) {
    std::visit(
        [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int>) {
                header.insert(name, Imf::IntAttribute(v));
            } else if constexpr (std::is_same_v<T, float>) {
                header.insert(name, Imf::FloatAttribute(v));
            } else if constexpr (std::is_same_v<T, double>) {
                header.insert(name, Imf::DoubleAttribute(v));
            } else if constexpr (std::is_same_v<T, std::string>) {
                header.insert(name, Imf::StringAttribute(v));
            } else {
                header.insert(name, Imf::M44fAttribute(v));
            }
        },
        value);
}

// Read slices over `window`, pointing into each channel's vector: float slices for
// HALF and FLOAT channels (InputFile converts HALF to float), uint slices for UINT.
Imf::FrameBuffer slicesFor(const ImageBuffer& image, const Imath::Box2i& window) {
    Imf::FrameBuffer frameBuffer;
    for (const ImageChannel& channel : image.channels) {
        const void* data = channel.isFloat() ? static_cast<const void*>(channel.floats.data())
                                             : static_cast<const void*>(channel.uints.data());
        frameBuffer.insert(
            channel.name,
            Imf::Slice::Make(channel.isFloat() ? Imf::FLOAT : Imf::UINT, data, window));
    }
    return frameBuffer;
}

}  // namespace

Imf::Compression toExrCompression(Compression compression) {
    switch (compression) {
        case Compression::None:
            return Imf::NO_COMPRESSION;
        case Compression::Zip:
            return Imf::ZIP_COMPRESSION;
        case Compression::Rle:
            return Imf::RLE_COMPRESSION;
        case Compression::Zips:
            return Imf::ZIPS_COMPRESSION;
        case Compression::Piz:
            return Imf::PIZ_COMPRESSION;
        case Compression::Pxr24:
            return Imf::PXR24_COMPRESSION;
        case Compression::B44:
            return Imf::B44_COMPRESSION;
        case Compression::B44a:
            return Imf::B44A_COMPRESSION;
        case Compression::Dwaa:
            return Imf::DWAA_COMPRESSION;
        case Compression::Dwab:
            return Imf::DWAB_COMPRESSION;
    }
    return Imf::ZIP_COMPRESSION;
}

bool isReservedExrAttribute(const std::string& name) {
    // The required attributes of every header, plus those of tiled and multi-part files.
    static constexpr std::array<std::string_view, 13> kReserved = {"channels",
                                                                   "compression",
                                                                   "dataWindow",
                                                                   "displayWindow",
                                                                   "lineOrder",
                                                                   "pixelAspectRatio",
                                                                   "screenWindowCenter",
                                                                   "screenWindowWidth",
                                                                   "tiles",
                                                                   "type",
                                                                   "name",
                                                                   "version",
                                                                   "chunkCount"};
    for (std::string_view reserved : kReserved) {
        if (name == reserved) return true;
    }
    return false;
}

bool makeExrHeader(const ImageBuffer& image, const Metadata& metadata,
                   const ExrWriteOptions& options, Imf::Header& header, std::string& error) {
    std::string current;  // the metadata entry being inserted, for the message
    try {
        header = Imf::Header(image.width, image.height);
        header.compression() = toExrCompression(options.compression);
        if (options.zipLevel > 0) header.zipCompressionLevel() = options.zipLevel;
        if (options.dwaLevel > 0.0f) header.dwaCompressionLevel() = options.dwaLevel;
        for (const ImageChannel& channel : image.channels) {
            header.channels().insert(channel.name, Imf::Channel(toExrPixelType(channel.type)));
        }
        // Rec.709 primaries and D65 are what our RGB means; saying so lets OIIO and
        // compositors skip guessing.
        if (image.find("R") && image.find("G") && image.find("B")) {
            Imf::addChromaticities(header, Imf::Chromaticities());
        }
        for (const Metadata::Entry& entry : metadata) {
            if (entry.name.empty() || isReservedExrAttribute(entry.name)) {
                error = "metadata name '" + entry.name + "' is " +
                        (entry.name.empty() ? "empty" : "reserved for the image layout");
                return false;
            }
            current = entry.name;
            insertAttribute(header, entry.name, entry.value);
        }
    } catch (const std::exception& e) {
        // Header::insert throws Iex::TypeExc when the name holds another type.
        error = (current.empty() ? std::string() : "metadata '" + current + "': ") + e.what();
        return false;
    }
    return true;
}

ExrWriteBuffer::ExrWriteBuffer(const ImageBuffer& image) {
    const Imath::Box2i window(Imath::V2i(0, 0), Imath::V2i(image.width - 1, image.height - 1));
    for (const ImageChannel& channel : image.channels) {
        if (channel.type != PixelType::Half) continue;
        // Imath::half rounds to nearest even, and turns values beyond 65504 into infinity.
        m_halves.emplace_back(channel.floats.begin(), channel.floats.end());
    }
    size_t halfIndex = 0;
    for (const ImageChannel& channel : image.channels) {
        Imf::Slice slice;
        switch (channel.type) {
            case PixelType::Half:
                slice = Imf::Slice::Make(Imf::HALF, m_halves[halfIndex++].data(), window);
                break;
            case PixelType::Float:
                slice = Imf::Slice::Make(Imf::FLOAT, channel.floats.data(), window);
                break;
            case PixelType::Uint:
                slice = Imf::Slice::Make(Imf::UINT, channel.uints.data(), window);
                break;
        }
        m_frameBuffer.insert(channel.name, slice);
    }
}

bool makeReadFrameBuffer(const Imf::Header& header, ImageBuffer& image,
                         Imf::FrameBuffer& frameBuffer, std::string& error) {
    const Imath::Box2i window = header.dataWindow();
    image = ImageBuffer(window.max.x - window.min.x + 1, window.max.y - window.min.y + 1);
    if (image.width <= 0 || image.height <= 0) {
        error = "empty data window";
        return false;
    }
    for (auto it = header.channels().begin(); it != header.channels().end(); ++it) {
        const Imf::Channel& channel = it.channel();
        if (channel.xSampling != 1 || channel.ySampling != 1) {
            error = std::string("channel '") + it.name() + "' is subsampled, which is unsupported";
            return false;
        }
        if (channel.type == Imf::UINT) {
            image.addChannel(it.name(), PixelType::Uint);
        } else {
            image.addChannel(it.name(),
                             channel.type == Imf::HALF ? PixelType::Half : PixelType::Float);
        }
    }
    // Slices are made after every channel exists: addChannel may move earlier vectors.
    frameBuffer = slicesFor(image, window);
    return true;
}

void readExrMetadata(const Imf::Header& header, Metadata& metadata) {
    for (auto it = header.begin(); it != header.end(); ++it) {
        const std::string name = it.name();
        if (isReservedExrAttribute(name)) continue;
        const Imf::Attribute& attribute = it.attribute();
        if (auto* i = dynamic_cast<const Imf::IntAttribute*>(&attribute)) {
            metadata.set(name, i->value());
        } else if (auto* f = dynamic_cast<const Imf::FloatAttribute*>(&attribute)) {
            metadata.set(name, f->value());
        } else if (auto* d = dynamic_cast<const Imf::DoubleAttribute*>(&attribute)) {
            metadata.set(name, d->value());
        } else if (auto* s = dynamic_cast<const Imf::StringAttribute*>(&attribute)) {
            metadata.set(name, s->value());
        } else if (auto* m = dynamic_cast<const Imf::M44fAttribute*>(&attribute)) {
            metadata.set(name, m->value());
        }
    }
}

}  // namespace rt::detail
