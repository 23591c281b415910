// The film's exact state as `resume.` channels (FilmState.h): every accumulator and count
// round-trips bit for bit, in memory and through a real EXR file; a damaged, incomplete
// or mismatched state is refused with its reason and leaves the film alone.
#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "io/ExrFile.h"
#include "session/FilmState.h"
#include "session/ResumeMetadata.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

// Every double of an accumulator. A field added to PixelAccumulator changes its size:
// it must then be added here and to FilmState's channels.
static_assert(sizeof(PixelAccumulator) == 15 * sizeof(double) + 8,
              "PixelAccumulator changed: update FilmState and this test");

std::array<double*, 15> doublesOf(PixelAccumulator& p) {
    return {&p.radianceSum.x,    &p.radianceSum.y,    &p.radianceSum.z,    &p.alphaSum,
            &p.oddRadianceSum.x, &p.oddRadianceSum.y, &p.oddRadianceSum.z, &p.oddAlphaSum,
            &p.depthSum,         &p.normalSum.x,      &p.normalSum.y,      &p.normalSum.z,
            &p.albedoSum.x,      &p.albedoSum.y,      &p.albedoSum.z};
}

std::array<uint64_t, 15> bitsOf(const PixelAccumulator& p) {
    PixelAccumulator copy = p;
    std::array<uint64_t, 15> bits{};
    const std::array<double*, 15> values = doublesOf(copy);
    for (size_t i = 0; i < values.size(); ++i) bits[i] = std::bit_cast<uint64_t>(*values[i]);
    return bits;
}

// Doubles whose bit patterns a lossy path would change: a sum that is not exactly 0.3,
// the sign of zero, denormals, a NaN payload, the extremes.
const double kAwkward[] = {
    0.1 + 0.2,
    -0.0,
    std::numeric_limits<double>::denorm_min(),
    -std::numeric_limits<double>::denorm_min() * 12345,
    std::bit_cast<double>(0x7ff80000deadbeefULL),  // quiet NaN with a payload
    std::bit_cast<double>(0xfff0000000000001ULL),  // negative signalling NaN
    1e308,
    -1e308,
    std::numeric_limits<double>::infinity(),
    1.0 / 3.0,
    std::numeric_limits<double>::min(),
    123456789.123456789,
};

// A film whose every double and count is distinct; `salt` makes another one.
Film awkwardFilm(int width, int height, uint64_t salt = 0) {
    Film film(width, height);
    uint64_t n = salt;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            PixelAccumulator& p = film.at(x, y);
            for (double* value : doublesOf(p)) {
                *value = n < std::size(kAwkward)
                             ? kAwkward[n]
                             : std::bit_cast<double>(0x3ff0000000000000ULL + n * 0x9e3779b97f4aULL);
                ++n;
            }
            p.sampleCount = static_cast<uint32_t>(4000000000u - 7919u * n);
        }
    }
    film.at(0, 0).sampleCount = 4294967295u;
    return film;
}

std::vector<uint32_t> awkwardTargets(const Film& film, uint32_t salt = 0) {
    std::vector<uint32_t> targets(film.pixelCount());
    for (size_t i = 0; i < targets.size(); ++i) {
        targets[i] = film.pixels()[i].sampleCount + static_cast<uint32_t>(i % 3) + salt;
    }
    targets.back() = 4000000000u;
    return targets;
}

void expectSameFilm(const Film& a, const Film& b) {
    ASSERT_EQ(a.width(), b.width());
    ASSERT_EQ(a.height(), b.height());
    for (size_t i = 0; i < a.pixelCount(); ++i) {
        EXPECT_EQ(bitsOf(a.pixels()[i]), bitsOf(b.pixels()[i])) << "pixel " << i;
        EXPECT_EQ(a.pixels()[i].sampleCount, b.pixels()[i].sampleCount) << "pixel " << i;
    }
}

std::vector<std::string> stateChannels(const ImageBuffer& image) {
    std::vector<std::string> names;
    for (const ImageChannel& channel : image.channels) {
        if (isFilmStateChannel(channel.name)) names.push_back(channel.name);
    }
    return names;
}

constexpr int kWidth = 5;
constexpr int kHeight = 3;

TEST(FilmState, RoundTripRestoresEveryBitAndThePassTargets) {
    const Film film = awkwardFilm(kWidth, kHeight);
    const std::vector<uint32_t> targets = awkwardTargets(film);
    ImageBuffer image(kWidth, kHeight);
    const uint64_t hash = writeFilmState(image, film, targets);

    Film restored(kWidth, kHeight);
    std::vector<uint32_t> restoredTargets;
    std::string error;
    ASSERT_TRUE(readFilmState(image, hash, restored, restoredTargets, error)) << error;
    expectSameFilm(film, restored);
    EXPECT_EQ(restoredTargets, targets);
    // The awkward values really were stored (not, say, all zero on both sides).
    EXPECT_EQ(std::bit_cast<uint64_t>(restored.at(0, 0).radianceSum.x),
              std::bit_cast<uint64_t>(0.1 + 0.2));
    EXPECT_TRUE(std::signbit(restored.at(0, 0).radianceSum.y));
    EXPECT_EQ(std::bit_cast<uint64_t>(restored.at(0, 0).oddRadianceSum.x), 0x7ff80000deadbeefULL);
    EXPECT_EQ(restored.at(0, 0).sampleCount, 4294967295u);
    EXPECT_EQ(restoredTargets.back(), 4000000000u);
}

TEST(FilmState, WritesThirtyTwoUintChannelsUnderThePrefix) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    image.addChannel("R", PixelType::Half);
    (void)writeFilmState(image, film, awkwardTargets(film));
    const std::vector<std::string> names = stateChannels(image);
    EXPECT_EQ(names.size(), 32u);  // 15 doubles x 2 + sampleCount + passTarget
    for (const std::string& name : names) {
        const ImageChannel* channel = image.find(name);
        EXPECT_EQ(channel->type, PixelType::Uint) << name;
        EXPECT_EQ(channel->uints.size(), image.pixelCount()) << name;
    }
    EXPECT_NE(image.find("resume.sampleCount"), nullptr);
    EXPECT_NE(image.find("resume.passTarget"), nullptr);
    EXPECT_NE(image.find("resume.radiance.R.hi"), nullptr);
    EXPECT_NE(image.find("resume.albedo.B.lo"), nullptr);
    EXPECT_NE(image.find("R"), nullptr);
    std::string error;
    EXPECT_TRUE(image.validate(error)) << error;
}

TEST(FilmState, HashFollowsTheContents) {
    const Film film = awkwardFilm(kWidth, kHeight);
    const std::vector<uint32_t> targets = awkwardTargets(film);
    ImageBuffer a(kWidth, kHeight), b(kWidth, kHeight);
    const uint64_t hashA = writeFilmState(a, film, targets);
    EXPECT_EQ(writeFilmState(b, film, targets), hashA);  // same contents, same hash
    const Film other = awkwardFilm(kWidth, kHeight, 1);
    EXPECT_NE(writeFilmState(b, other, targets), hashA);
    EXPECT_NE(writeFilmState(b, film, awkwardTargets(film, 1)), hashA);
}

TEST(FilmState, RecycledImageIsRefilledInPlace) {
    const Film first = awkwardFilm(kWidth, kHeight);
    const Film second = awkwardFilm(kWidth, kHeight, 1000);
    ImageBuffer image(kWidth, kHeight);
    image.addChannel("R", PixelType::Half);
    image.addChannel("A", PixelType::Float);
    (void)writeFilmState(image, first, awkwardTargets(first));
    const size_t channelCount = image.channels.size();
    const uint32_t* storage = image.find("resume.sampleCount")->uints.data();

    const std::vector<uint32_t> secondTargets = awkwardTargets(second, 5);
    const uint64_t hash = writeFilmState(image, second, secondTargets);
    EXPECT_EQ(image.channels.size(), channelCount);
    EXPECT_EQ(image.find("resume.sampleCount")->uints.data(), storage);  // no new buffer
    Film restored(kWidth, kHeight);
    std::vector<uint32_t> restoredTargets;
    std::string error;
    ASSERT_TRUE(readFilmState(image, hash, restored, restoredTargets, error)) << error;
    expectSameFilm(second, restored);
    EXPECT_EQ(restoredTargets, secondTargets);
}

// Reads `image` into a film and targets holding sentinel values; expects a failure whose
// message contains `expected` and that film and targets kept their sentinels.
void expectRefused(const ImageBuffer& image, uint64_t hash, const std::string& expected,
                   int width = kWidth, int height = kHeight) {
    const Film sentinel = awkwardFilm(width, height, 77);
    Film film = sentinel;
    std::vector<uint32_t> targets{1, 2, 3};
    std::string error;
    EXPECT_FALSE(readFilmState(image, hash, film, targets, error));
    EXPECT_NE(error.find(expected), std::string::npos)
        << "error: '" << error << "', expected it to contain '" << expected << "'";
    expectSameFilm(film, sentinel);
    EXPECT_EQ(targets, (std::vector<uint32_t>{1, 2, 3}));
}

TEST(FilmState, MissingChannelIsNamed) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer full(kWidth, kHeight);
    const uint64_t hash = writeFilmState(full, film, awkwardTargets(film));
    const std::vector<std::string> names = stateChannels(full);
    ASSERT_EQ(names.size(), 32u);
    for (const std::string& name : names) {
        SCOPED_TRACE(name);
        ImageBuffer image = full;
        std::erase_if(image.channels, [&](const ImageChannel& c) { return c.name == name; });
        expectRefused(image, hash, "'" + name + "'");
    }
}

TEST(FilmState, MistypedChannelIsNamed) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer full(kWidth, kHeight);
    const uint64_t hash = writeFilmState(full, film, awkwardTargets(film));
    for (const std::string& name : stateChannels(full)) {
        SCOPED_TRACE(name);
        for (PixelType type : {PixelType::Float, PixelType::Half}) {
            ImageBuffer image = full;
            ImageChannel* channel = image.find(name);
            channel->type = type;
            channel->floats.assign(image.pixelCount(), 1.0f);
            channel->uints.clear();
            expectRefused(image, hash, "'" + name + "'");
        }
        // A UINT channel of the wrong length (an image put together by hand).
        ImageBuffer image = full;
        image.find(name)->uints.pop_back();
        expectRefused(image, hash, "'" + name + "'");
    }
}

TEST(FilmState, SizeMismatchIsRefused) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    const uint64_t hash = writeFilmState(image, film, awkwardTargets(film));
    expectRefused(image, hash, "5x3", kWidth + 1, kHeight);
    expectRefused(image, hash, "5x3", kWidth, kHeight - 1);
    // The same pixel count in another shape is another image.
    expectRefused(image, hash, "5x3", kHeight, kWidth);
}

TEST(FilmState, WrongChecksumIsRefused) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    const uint64_t hash = writeFilmState(image, film, awkwardTargets(film));
    expectRefused(image, hash + 1, "checksum");
    expectRefused(image, 0, "checksum");
}

// Any single flipped bit anywhere in the state is noticed.
TEST(FilmState, OneFlippedBitInAnyChannelFailsTheChecksum) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    const uint64_t hash = writeFilmState(image, film, awkwardTargets(film));
    std::mt19937 random(20261121);
    std::uniform_int_distribution<size_t> pixel(0, image.pixelCount() - 1);
    std::uniform_int_distribution<int> bit(0, 31);
    const std::vector<std::string> names = stateChannels(image);
    ASSERT_EQ(names.size(), 32u);
    for (const std::string& name : names) {
        for (int trial = 0; trial < 3; ++trial) {
            const size_t i = pixel(random);
            const uint32_t mask = 1u << bit(random);
            SCOPED_TRACE(name + " pixel " + std::to_string(i) + " mask " + std::to_string(mask));
            image.find(name)->uints[i] ^= mask;
            expectRefused(image, hash, "checksum");
            image.find(name)->uints[i] ^= mask;
        }
    }
    // Restored, the image reads again: each failure above was the flip's doing.
    Film restored(kWidth, kHeight);
    std::vector<uint32_t> targets;
    std::string error;
    EXPECT_TRUE(readFilmState(image, hash, restored, targets, error)) << error;
}

// Two values swapped between pixels: the same multiset of numbers, another state.
TEST(FilmState, SwappedPixelsFailTheChecksum) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    const uint64_t hash = writeFilmState(image, film, awkwardTargets(film));
    std::vector<uint32_t>& counts = image.find("resume.sampleCount")->uints;
    ASSERT_NE(counts[1], counts[kWidth]);
    std::swap(counts[1], counts[kWidth]);  // (1, 0) and (0, 1)
    expectRefused(image, hash, "checksum");
}

TEST(FilmState, OtherChannelsDoNotEnterTheChecksum) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    image.addChannel("R", PixelType::Float);
    const uint64_t hash = writeFilmState(image, film, awkwardTargets(film));
    image.find("R")->floats[3] = 42.0f;
    image.addChannel("resumeNotes", PixelType::Uint);  // no dot: not a state channel
    Film restored(kWidth, kHeight);
    std::vector<uint32_t> targets;
    std::string error;
    EXPECT_TRUE(readFilmState(image, hash, restored, targets, error)) << error;
    expectSameFilm(film, restored);
}

TEST(FilmState, RemoveFilmStateRemovesExactlyTheStateChannels) {
    const Film film = awkwardFilm(kWidth, kHeight);
    ImageBuffer image(kWidth, kHeight);
    for (const char* name : {"R", "G", "B", "resumeX", "Resume.Y", "depth.resume.Z"}) {
        image.addChannel(name, PixelType::Half);
    }
    (void)writeFilmState(image, film, awkwardTargets(film));
    image.addChannel("A", PixelType::Float);
    ASSERT_EQ(image.channels.size(), 6u + 32u + 1u);
    removeFilmState(image);
    std::vector<std::string> left;
    for (const ImageChannel& channel : image.channels) left.push_back(channel.name);
    EXPECT_EQ(left, (std::vector<std::string>{"R", "G", "B", "resumeX", "Resume.Y",
                                              "depth.resume.Z", "A"}));
    removeFilmState(image);  // nothing left to remove
    EXPECT_EQ(image.channels.size(), 7u);
}

TEST(FilmState, IsFilmStateChannel) {
    EXPECT_TRUE(isFilmStateChannel("resume.sampleCount"));
    EXPECT_TRUE(isFilmStateChannel("resume.radiance.R.hi"));
    EXPECT_TRUE(isFilmStateChannel("resume."));
    EXPECT_FALSE(isFilmStateChannel("resume"));
    EXPECT_FALSE(isFilmStateChannel("resumeX"));
    EXPECT_FALSE(isFilmStateChannel("Resume.sampleCount"));
    EXPECT_FALSE(isFilmStateChannel("beauty.resume.R"));
    EXPECT_FALSE(isFilmStateChannel(""));
    EXPECT_FALSE(isFilmStateChannel("R"));
}

// Through a real file: the channels and the checksum in the header survive OpenEXR
// (which stores channels sorted by name) with every compression.
TEST(FilmState, SurvivesAnExrFile) {
    test::TempDir dir;
    const Film film = awkwardFilm(kWidth, kHeight);
    const std::vector<uint32_t> targets = awkwardTargets(film);
    for (Compression compression : {Compression::Zip, Compression::None, Compression::Piz}) {
        SCOPED_TRACE(static_cast<int>(compression));
        ImageBuffer image(kWidth, kHeight);
        image.addChannel("R", PixelType::Half);
        Metadata metadata;
        stampResumeState(metadata, writeFilmState(image, film, targets), "");
        const std::string path = dir.file("state.exr");
        std::string error;
        ExrWriteOptions options;
        options.compression = compression;
        ASSERT_TRUE(writeExr(path, image, metadata, options, error)) << error;

        ImageBuffer read;
        Metadata readMetadata;
        ASSERT_TRUE(readExr(path, read, readMetadata, error)) << error;
        EXPECT_TRUE(hasResumeState(readMetadata));
        EXPECT_EQ(stateChannels(read).size(), 32u);
        const std::optional<std::string> hashText =
            readMetadata.get<std::string>("resumeStateHash");
        ASSERT_TRUE(hashText.has_value());
        uint64_t hash = 0;
        ASSERT_TRUE(parseFingerprintHex(*hashText, hash));
        Film restored(kWidth, kHeight);
        std::vector<uint32_t> restoredTargets;
        ASSERT_TRUE(readFilmState(read, hash, restored, restoredTargets, error)) << error;
        expectSameFilm(film, restored);
        EXPECT_EQ(restoredTargets, targets);
    }
}

}  // namespace
}  // namespace rt
