#include "checkpoint/CheckpointNaming.h"

#include <algorithm>

namespace rt {

uint64_t tileSamples(uint64_t samplesDone, uint64_t pixelCount) {
    if (pixelCount == 0) return 0;
    // Split to avoid overflow for huge counts: q*64 + r*64/pixels.
    const uint64_t q = samplesDone / pixelCount, r = samplesDone % pixelCount;
    return q * kTileSamplesPerSpp + r * kTileSamplesPerSpp / pixelCount;
}

std::string multiVersionFileName(const std::string& fileName, uint64_t tileSamples,
                                 uint64_t finalTileSamples) {
    const size_t width = std::to_string(std::max<uint64_t>(finalTileSamples, 1)).size();
    std::string number = std::to_string(tileSamples);
    if (number.size() < width) number.insert(0, width - number.size(), '0');

    // The extension starts at the last '.' of the file name, not of a directory, and a
    // leading dot (".hidden") names the file rather than starting an extension.
    const size_t slash = fileName.find_last_of('/');
    const size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    const size_t dot = fileName.find_last_of('.');
    const bool hasExtension = dot != std::string::npos && dot > nameStart;
    const std::string stem = hasExtension ? fileName.substr(0, dot) : fileName;
    const std::string extension = hasExtension ? fileName.substr(dot) : "";
    return stem + "_" + number + extension;
}

}  // namespace rt
