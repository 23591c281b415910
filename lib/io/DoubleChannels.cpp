#include "io/DoubleChannels.h"

namespace rt {

std::string doubleHighChannelName(const std::string& name) {
    return name + ".hi";
}
std::string doubleLowChannelName(const std::string& name) {
    return name + ".lo";
}

bool addDoubleChannel(ImageBuffer& image, const std::string& name,
                      const std::vector<double>& values, std::string& error) {
    if (values.size() != image.pixelCount()) {
        error = "double channel '" + name + "' has " + std::to_string(values.size()) +
                " values, expected " + std::to_string(image.pixelCount());
        return false;
    }
    const std::string highName = doubleHighChannelName(name);
    const std::string lowName = doubleLowChannelName(name);
    if (image.find(highName) || image.find(lowName)) {
        error = "image already has a channel named '" + highName + "' or '" + lowName + "'";
        return false;
    }
    image.addChannel(highName, PixelType::Uint);
    ImageChannel& low = image.addChannel(lowName, PixelType::Uint);
    // Re-find the high channel: adding the low one may have moved it.
    ImageChannel& high = *image.find(highName);
    for (size_t i = 0; i < values.size(); ++i) {
        high.uints[i] = doubleHighBits(values[i]);
        low.uints[i] = doubleLowBits(values[i]);
    }
    return true;
}

bool getDoubleChannel(const ImageBuffer& image, const std::string& name,
                      std::vector<double>& values, std::string& error) {
    const ImageChannel* high = image.find(doubleHighChannelName(name));
    const ImageChannel* low = image.find(doubleLowChannelName(name));
    if (!high || !low) {
        error = "double channel '" + name + "' is missing its '.hi' or '.lo' channel";
        return false;
    }
    const size_t count = image.pixelCount();
    if (high->type != PixelType::Uint || low->type != PixelType::Uint ||
        high->uints.size() != count || low->uints.size() != count) {
        error = "double channel '" + name + "' must be two UINT channels of " +
                std::to_string(count) + " values";
        return false;
    }
    values.resize(count);
    for (size_t i = 0; i < count; ++i) values[i] = doubleFromBits(high->uints[i], low->uints[i]);
    return true;
}

}  // namespace rt
