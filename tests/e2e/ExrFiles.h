#pragma once
// Reading the EXR files a render wrote, for end-to-end checks.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "io/ExrFile.h"

namespace rt::test {

struct Exr {
    ImageBuffer image;
    Metadata metadata;
};

// Fails the test (not the caller) when the file cannot be read.
inline Exr readFile(const std::filesystem::path& path) {
    Exr exr;
    std::string error;
    EXPECT_TRUE(readExr(path.string(), exr.image, exr.metadata, error)) << error;
    return exr;
}

inline int intOf(const Exr& exr, const char* name) {
    return exr.metadata.get<int>(name).value_or(-1);
}

inline std::string textOf(const Exr& exr, const char* name) {
    return exr.metadata.get<std::string>(name).value_or("(missing)");
}

// The same channels with the same values, bit for bit: the float channels (beauty,
// alpha, depth, normal, albedo) and the UINT resume channels (every double accumulator,
// sample counts).
inline void expectIdentical(const std::filesystem::path& a, const std::filesystem::path& b) {
    const Exr x = readFile(a), y = readFile(b);
    ASSERT_EQ(x.image.width, y.image.width);
    ASSERT_EQ(x.image.height, y.image.height);
    ASSERT_EQ(x.image.channels.size(), y.image.channels.size());
    size_t uintChannels = 0;
    for (const ImageChannel& channel : x.image.channels) {
        const ImageChannel* other = y.image.find(channel.name);
        ASSERT_NE(other, nullptr) << channel.name;
        EXPECT_EQ(channel.floats, other->floats) << channel.name;
        EXPECT_EQ(channel.uints, other->uints) << channel.name;
        if (channel.type == PixelType::Uint) ++uintChannels;
    }
    EXPECT_EQ(uintChannels, 32u) << "the files must carry the resume state";
}

}  // namespace rt::test
