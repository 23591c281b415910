#pragma once
// Exact storage of double-precision accumulators in EXR files, which have no 64-bit
// pixel type: each double is split into the high and low 32 bits of its IEEE-754 bit
// pattern and stored as two UINT channels named `<name>.hi` and `<name>.lo`. Reading
// them back reconstructs every value bit for bit (NaN payloads and -0 included).
#include <bit>
#include <cstdint>
#include <string>
#include <vector>

#include "io/ImageBuffer.h"

namespace rt {

inline uint32_t doubleHighBits(double value) {
    return static_cast<uint32_t>(std::bit_cast<uint64_t>(value) >> 32);
}
inline uint32_t doubleLowBits(double value) {
    return static_cast<uint32_t>(std::bit_cast<uint64_t>(value));
}
inline double doubleFromBits(uint32_t high, uint32_t low) {
    return std::bit_cast<double>((static_cast<uint64_t>(high) << 32) | low);
}

std::string doubleHighChannelName(const std::string& name);  // name + ".hi"
std::string doubleLowChannelName(const std::string& name);   // name + ".lo"

// Adds the two UINT channels for `values` (width * height doubles, row-major).
[[nodiscard]] bool addDoubleChannel(ImageBuffer& image, const std::string& name,
                                    const std::vector<double>& values, std::string& error);

// Reassembles the doubles stored by addDoubleChannel; fails when either channel is
// missing, is not UINT, or has the wrong size.
[[nodiscard]] bool getDoubleChannel(const ImageBuffer& image, const std::string& name,
                                    std::vector<double>& values, std::string& error);

}  // namespace rt
