#pragma once
// Reading the EXR files a render wrote, for end-to-end checks.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <bit>
#include <optional>
#include <vector>

#include "checkpoint/ResumeState.h"
#include "film/Film.h"
#include "io/ExrFile.h"
#include "session/FilmState.h"
#include "session/ResumeMetadata.h"
#include "session/StateFields.h"
#include "session/StateFile.h"

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

// The resume state a file holds, read with the renderer's own readers (format 2: the
// state file its header names; format 1: the `resume.` channels). `ok` false with
// `error` when it holds none or it does not read.
struct FileState {
    bool ok = false;
    std::string error;
    int format = 0;
    Film film{1, 1};  // replaced by the file's size
    std::vector<uint32_t> passTargets;
};

// `layout`: the AOV slots of the render that wrote it (film/AovLayout.h).
inline FileState readState(const std::filesystem::path& exrPath, const AovLayout& layout = {}) {
    FileState state;
    const Exr exr = readFile(exrPath);
    const std::optional<std::string> hashText = exr.metadata.get<std::string>("resumeStateHash");
    uint64_t hash = 0;
    if (!hashText || !parseFingerprintHex(*hashText, hash)) {
        state.error = exrPath.string() + " has no resume state";
        return state;
    }
    state.film = Film(exr.image.width, exr.image.height, layout);
    const std::string statePath = resumeStateFilePath(exrPath.string(), exr.metadata);
    state.format = statePath.empty() ? 1 : 2;
    state.ok = statePath.empty()
                   ? readFilmState(exr.image, hash, state.film, state.passTargets, state.error)
                   : readStateFile(statePath, hash, state.film, state.passTargets, state.error);
    return state;
}

// Every accumulator, count and pass target equal, bit for bit (doubles compared as their
// bit patterns: -0 and NaN payloads count).
inline void expectSameState(const FileState& x, const FileState& y) {
    ASSERT_TRUE(x.ok) << x.error;
    ASSERT_TRUE(y.ok) << y.error;
    ASSERT_EQ(x.film.pixelCount(), y.film.pixelCount());
    EXPECT_EQ(x.passTargets, y.passTargets);
    size_t differing = 0;
    for (size_t i = 0; i < x.film.pixelCount(); ++i) {
        const PixelAccumulator &p = x.film.pixels()[i], &q = y.film.pixels()[i];
        bool same = p.sampleCount == q.sampleCount;
        for (const DoubleField& field : doubleFields()) {
            same = same &&
                   std::bit_cast<uint64_t>(field.of(p)) == std::bit_cast<uint64_t>(field.of(q));
        }
        const size_t aovs = x.film.layout().doublesPerPixel();
        for (size_t d = 0; d < aovs; ++d) {
            const double* a = x.film.aovs(0, 0) + i * aovs;
            const double* b = y.film.aovs(0, 0) + i * aovs;
            same = same && std::bit_cast<uint64_t>(a[d]) == std::bit_cast<uint64_t>(b[d]);
        }
        if (!same) ++differing;
    }
    EXPECT_EQ(differing, 0u) << "pixels whose state differs";
}

// The same channels with the same values, bit for bit (beauty, alpha, depth, normal,
// albedo), and the same resume state (every double accumulator, sample counts).
inline void expectIdentical(const std::filesystem::path& a, const std::filesystem::path& b,
                            const AovLayout& layout = {}) {
    const Exr x = readFile(a), y = readFile(b);
    ASSERT_EQ(x.image.width, y.image.width);
    ASSERT_EQ(x.image.height, y.image.height);
    ASSERT_EQ(x.image.channels.size(), y.image.channels.size());
    for (const ImageChannel& channel : x.image.channels) {
        const ImageChannel* other = y.image.find(channel.name);
        ASSERT_NE(other, nullptr) << channel.name;
        EXPECT_EQ(channel.floats, other->floats) << channel.name;
        EXPECT_EQ(channel.uints, other->uints) << channel.name;
    }
    expectSameState(readState(a, layout), readState(b, layout));
}

}  // namespace rt::test
