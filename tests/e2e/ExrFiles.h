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

}  // namespace rt::test
