#pragma once
// Plain image data exchanged with the file writers and readers: named channels, each
// with the pixel type it has (or will have) in the file. No I/O here.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rt {

// File pixel types. Half and Float channels hold their values in `floats` (Half is
// converted on write and widened on read); Uint channels hold theirs in `uints`, stored
// bit-exactly, which is what checkpoints use for exact accumulators.
enum class PixelType { Half, Float, Uint };

const char* pixelTypeName(PixelType type);

struct ImageChannel {
    std::string name;
    PixelType type = PixelType::Float;
    std::vector<float> floats;    // width * height when type is Half or Float, else empty
    std::vector<uint32_t> uints;  // width * height when type is Uint, else empty

    bool isFloat() const { return type != PixelType::Uint; }
};

// Row-major, row 0 is the top row, pixel (x, y) at index y * width + x.
struct ImageBuffer {
    int width = 0;
    int height = 0;
    std::vector<ImageChannel> channels;

    ImageBuffer() = default;
    ImageBuffer(int w, int h) : width(w), height(h) {}

    size_t pixelCount() const {
        return width > 0 && height > 0 ? static_cast<size_t>(width) * height : 0;
    }
    size_t index(int x, int y) const { return static_cast<size_t>(y) * width + x; }

    // Appends a zero-filled channel sized for width * height. The returned reference is
    // valid until the next addChannel.
    ImageChannel& addChannel(const std::string& name, PixelType type);

    const ImageChannel* find(const std::string& name) const;
    ImageChannel* find(const std::string& name);

    // Checks what the writers rely on: positive size, non-empty unique names, and
    // exactly the vector that matches each channel's type sized width * height.
    [[nodiscard]] bool validate(std::string& error) const;
};

}  // namespace rt
