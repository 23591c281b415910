#include "io/ImageBuffer.h"

#include <set>

namespace rt {

const char* pixelTypeName(PixelType type) {
    switch (type) {
        case PixelType::Half:
            return "half";
        case PixelType::Float:
            return "float";
        case PixelType::Uint:
            return "uint";
    }
    return "unknown";
}

ImageChannel& ImageBuffer::addChannel(const std::string& name, PixelType type) {
    ImageChannel& channel = channels.emplace_back();
    channel.name = name;
    channel.type = type;
    if (type == PixelType::Uint) {
        channel.uints.assign(pixelCount(), 0u);
    } else {
        channel.floats.assign(pixelCount(), 0.0f);
    }
    return channel;
}

const ImageChannel* ImageBuffer::find(const std::string& name) const {
    for (const ImageChannel& channel : channels) {
        if (channel.name == name) return &channel;
    }
    return nullptr;
}

ImageChannel* ImageBuffer::find(const std::string& name) {
    return const_cast<ImageChannel*>(static_cast<const ImageBuffer*>(this)->find(name));
}

bool ImageBuffer::validate(std::string& error) const {
    if (width <= 0 || height <= 0) {
        error = "image size " + std::to_string(width) + "x" + std::to_string(height) +
                " is not positive";
        return false;
    }
    if (channels.empty()) {
        error = "image has no channels";
        return false;
    }
    const size_t expected = pixelCount();
    std::set<std::string> names;
    for (const ImageChannel& channel : channels) {
        if (channel.name.empty()) {
            error = "image has a channel with an empty name";
            return false;
        }
        if (!names.insert(channel.name).second) {
            error = "image has two channels named '" + channel.name + "'";
            return false;
        }
        const size_t used = channel.isFloat() ? channel.floats.size() : channel.uints.size();
        const size_t unused = channel.isFloat() ? channel.uints.size() : channel.floats.size();
        if (used != expected || unused != 0) {
            error = "channel '" + channel.name + "' (" + pixelTypeName(channel.type) + ") holds " +
                    std::to_string(used) + " values, expected " + std::to_string(expected) +
                    (unused != 0 ? " and none in the vector of the other type" : "");
            return false;
        }
    }
    return true;
}

}  // namespace rt
