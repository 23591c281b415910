#include "session/FilmState.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/Hash.h"
#include "io/DoubleChannels.h"
#include "session/StateFields.h"

namespace rt {
namespace {

constexpr const char* kSampleCountChannel = "resume.sampleCount";
constexpr const char* kPassTargetChannel = "resume.passTarget";

// Every UINT state channel, in the fixed order the hash visits them.
std::vector<std::string> stateChannelNames() {
    std::vector<std::string> names;
    for (const DoubleField& field : doubleFields()) {
        names.push_back(doubleHighChannelName(field.name));
        names.push_back(doubleLowChannelName(field.name));
    }
    names.emplace_back(kSampleCountChannel);
    names.emplace_back(kPassTargetChannel);
    return names;
}

// Row hashes combined in row order: the result does not depend on how rows were split
// between threads.
uint64_t hashChannels(const std::vector<const std::vector<uint32_t>*>& channels, int width,
                      int height) {
    std::vector<uint64_t> rowHashes(static_cast<size_t>(height));
    tbb::parallel_for(tbb::blocked_range<int>(0, height), [&](const tbb::blocked_range<int>& rows) {
        for (int y = rows.begin(); y != rows.end(); ++y) {
            const size_t begin = static_cast<size_t>(y) * width;
            uint64_t h = 0xcbf29ce484222325ULL;
            for (const std::vector<uint32_t>* channel : channels) {
                for (size_t i = begin; i < begin + width; ++i) {
                    h = (h ^ (*channel)[i]) * 0x100000001b3ULL;
                }
            }
            rowHashes[y] = mixBits64(h);
        }
    });
    uint64_t all = mixBits64(static_cast<uint64_t>(width) << 32 | static_cast<uint32_t>(height));
    for (uint64_t h : rowHashes) all = mixBits64(all ^ h);
    return all;
}

}  // namespace

bool isFilmStateChannel(const std::string& name) {
    return name.rfind(kFilmStatePrefix, 0) == 0;
}

uint64_t writeFilmState(ImageBuffer& image, const Film& film,
                        const std::vector<uint32_t>& passTargets) {
    const std::vector<std::string> names = stateChannelNames();
    for (const std::string& name : names) {
        if (!image.find(name)) image.addChannel(name, PixelType::Uint);
    }
    // Pointers are taken after every channel exists: adding moves channels.
    std::vector<std::vector<uint32_t>*> channels;
    for (const std::string& name : names) channels.push_back(&image.find(name)->uints);
    const std::vector<PixelAccumulator>& pixels = film.pixels();
    tbb::parallel_for(tbb::blocked_range<size_t>(0, pixels.size(), 1 << 12),
                      [&](const tbb::blocked_range<size_t>& range) {
                          for (size_t i = range.begin(); i != range.end(); ++i) {
                              const PixelAccumulator& p = pixels[i];
                              size_t c = 0;
                              for (const DoubleField& field : doubleFields()) {
                                  const double value = field.of(p);
                                  (*channels[c++])[i] = doubleHighBits(value);
                                  (*channels[c++])[i] = doubleLowBits(value);
                              }
                              (*channels[c++])[i] = p.sampleCount;
                              (*channels[c])[i] = passTargets[i];
                          }
                      });
    return hashChannels({channels.begin(), channels.end()}, film.width(), film.height());
}

void removeFilmState(ImageBuffer& image) {
    std::erase_if(image.channels,
                  [](const ImageChannel& channel) { return isFilmStateChannel(channel.name); });
}

bool readFilmState(const ImageBuffer& image, uint64_t expectedHash, Film& film,
                   std::vector<uint32_t>& passTargets, std::string& error) {
    if (image.width != film.width() || image.height != film.height()) {
        error = "the state is " + std::to_string(image.width) + "x" + std::to_string(image.height) +
                ", the film " + std::to_string(film.width()) + "x" + std::to_string(film.height());
        return false;
    }
    std::vector<const std::vector<uint32_t>*> channels;
    for (const std::string& name : stateChannelNames()) {
        const ImageChannel* channel = image.find(name);
        if (!channel || channel->type != PixelType::Uint ||
            channel->uints.size() != image.pixelCount()) {
            error = "state channel '" + name + "' is missing or not a UINT channel";
            return false;
        }
        channels.push_back(&channel->uints);
    }
    if (hashChannels(channels, image.width, image.height) != expectedHash) {
        error = "the state channels do not match their checksum (the file is damaged)";
        return false;
    }
    // Nothing can fail from here on: fill the film in place (a second full-size film
    // would cost a quarter of a gigabyte and its page faults at 1920x1080).
    passTargets.resize(image.pixelCount());
    tbb::parallel_for(tbb::blocked_range<int>(0, film.height()),
                      [&](const tbb::blocked_range<int>& rows) {
                          for (int y = rows.begin(); y != rows.end(); ++y) {
                              for (int x = 0; x < film.width(); ++x) {
                                  const size_t i = image.index(x, y);
                                  PixelAccumulator& p = film.at(x, y);
                                  size_t c = 0;
                                  for (const DoubleField& field : doubleFields()) {
                                      const uint32_t high = (*channels[c++])[i];
                                      field.of(p) = doubleFromBits(high, (*channels[c++])[i]);
                                  }
                                  p.sampleCount = (*channels[c++])[i];
                                  passTargets[i] = (*channels[c])[i];
                              }
                          }
                      });
    return true;
}

}  // namespace rt
