// The resume state file of format 2 (StateFile.h, StateChunks.h, StateEncoder.h): every
// accumulator and count round-trips bit for bit through a real file, for sizes whose
// chunks are partial; unchanged chunks are reused and the result is the same bytes as a
// fresh encode, on any thread count; every kind of damage is refused with its reason and
// leaves the film as fresh.
#include <gtest/gtest.h>
#include <tbb/task_arena.h>

#include <bit>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/Hash.h"
#include "io/AtomicFile.h"
#include "session/StateEncoder.h"
#include "session/StateFields.h"
#include "session/StateFile.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

// Not multiples of the chunk size nor of 8: partial chunks and transpose tails.
constexpr int kWidth = 70;
constexpr int kHeight = 45;

// Bit patterns a lossy path would change, mixed with random ones.
Film awkwardFilm(uint32_t seed) {
    const double awkward[] = {0.1 + 0.2,
                              -0.0,
                              std::numeric_limits<double>::denorm_min(),
                              std::bit_cast<double>(0x7ff80000deadbeefULL),
                              1e308,
                              std::numeric_limits<double>::infinity(),
                              1.0 / 3.0};
    std::mt19937_64 random(seed);
    Film film(kWidth, kHeight);
    size_t i = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x, ++i) {
            PixelAccumulator& p = film.at(x, y);
            for (const DoubleField& field : doubleFields()) {
                field.of(p) = random() % 5 == 0 ? awkward[random() % std::size(awkward)]
                                                : std::bit_cast<double>(random());
            }
            p.sampleCount = static_cast<uint32_t>(random());
        }
    }
    return film;
}

std::vector<uint32_t> targetsFor(const Film& film, uint32_t seed) {
    std::mt19937 random(seed);
    std::vector<uint32_t> targets(film.pixelCount());
    for (uint32_t& t : targets) t = random();
    return targets;
}

void expectSameFilm(const Film& a, const Film& b) {
    ASSERT_EQ(a.pixelCount(), b.pixelCount());
    for (size_t i = 0; i < a.pixelCount(); ++i) {
        const PixelAccumulator &p = a.pixels()[i], &q = b.pixels()[i];
        ASSERT_EQ(p.sampleCount, q.sampleCount) << "pixel " << i;
        for (const DoubleField& field : doubleFields()) {
            ASSERT_EQ(std::bit_cast<uint64_t>(field.of(p)), std::bit_cast<uint64_t>(field.of(q)))
                << field.name << " of pixel " << i;
        }
    }
}

std::string bytesOf(const std::vector<std::shared_ptr<const std::string>>& pieces) {
    std::string bytes;
    for (const auto& piece : pieces) bytes += *piece;
    return bytes;
}

class StateFile : public testing::Test {
  protected:
    test::TempDir dir;
    const std::string path = dir.file("checkpoint.resume");
    const Film film = awkwardFilm(1);
    const std::vector<uint32_t> targets = targetsFor(film, 2);
    uint64_t hash = 0;

    std::string write(const Film& f, const std::vector<uint32_t>& t, int serial = 7) {
        StateEncoder encoder;
        const std::string bytes =
            bytesOf(stateFilePieces(*encoder.encode(f, t), "render-1", serial, hash));
        test::writeBytes(path, bytes);
        return bytes;
    }

    // Reads `path` expecting failure with `reason`; the film must come back fresh.
    void expectRefused(const std::string& reason, uint64_t expectedHash) {
        Film read = awkwardFilm(3);
        std::vector<uint32_t> readTargets = targetsFor(read, 4);
        std::string error;
        EXPECT_FALSE(readStateFile(path, expectedHash, read, readTargets, error));
        EXPECT_NE(error.find(reason), std::string::npos) << error;
        EXPECT_NE(error.find(path), std::string::npos) << error;
    }
};

TEST_F(StateFile, RoundTripsBitForBit) {
    write(film, targets);
    Film read(kWidth, kHeight);
    std::vector<uint32_t> readTargets;
    std::string error;
    ASSERT_TRUE(readStateFile(path, hash, read, readTargets, error)) << error;
    expectSameFilm(film, read);
    EXPECT_EQ(readTargets, targets);
}

TEST_F(StateFile, HeaderCarriesTheIdentityAndTheSize) {
    const std::string bytes = write(film, targets, 12);
    StateFileHeader header;
    std::string error;
    ASSERT_TRUE(readStateFileHeader(path, header, error)) << error;
    EXPECT_EQ(header.version, 3);
    EXPECT_EQ(header.aovDoubles, 0u);
    EXPECT_EQ(header.aovSignature, "");
    EXPECT_EQ(header.width, kWidth);
    EXPECT_EQ(header.height, kHeight);
    EXPECT_EQ(header.chunkSize, 64);
    EXPECT_EQ(header.chunkBytes.size(), 2u);  // 2 x 1 chunks
    EXPECT_EQ(header.serial, 12);
    EXPECT_EQ(header.renderId, "render-1");
    EXPECT_EQ(header.hash, hash);
    EXPECT_EQ(header.fileBytes(), bytes.size());
    EXPECT_EQ(bytes.substr(0, 8), "RTRESUME");
}

TEST_F(StateFile, UnchangedChunksAreReusedAndTheBytesEqualAFreshEncode) {
    StateEncoder encoder;
    Film changing = film;
    const auto first = encoder.encode(changing, targets);
    EXPECT_EQ(first->chunksEncoded, 2u);
    const auto again = encoder.encode(changing, targets);
    EXPECT_EQ(again->chunksEncoded, 0u);
    EXPECT_EQ(again->chunks[0], first->chunks[0]);  // the same bytes, shared
    // A sample in the second chunk (x >= 64) re-encodes only that chunk.
    changing.at(66, 3).radianceSum.x += 1.0;
    ++changing.at(66, 3).sampleCount;
    const auto changed = encoder.encode(changing, targets);
    EXPECT_EQ(changed->chunksEncoded, 1u);
    EXPECT_EQ(changed->chunks[0], first->chunks[0]);
    EXPECT_NE(*changed->chunks[1], *first->chunks[1]);
    // A new pass target alone is a change too.
    std::vector<uint32_t> newTargets = targets;
    ++newTargets[5];
    EXPECT_EQ(encoder.encode(changing, newTargets)->chunksEncoded, 1u);
    StateEncoder fresh;
    uint64_t h1 = 0, h2 = 0;
    EXPECT_EQ(bytesOf(stateFilePieces(*encoder.encode(changing, newTargets), "r", 1, h1)),
              bytesOf(stateFilePieces(*fresh.encode(changing, newTargets), "r", 1, h2)));
}

TEST_F(StateFile, BytesDoNotDependOnTheThreadCount) {
    auto encodeOn = [&](int threads) {
        tbb::task_arena arena(threads);
        std::string bytes;
        arena.execute([&] {
            StateEncoder encoder;
            uint64_t h = 0;
            bytes = bytesOf(stateFilePieces(*encoder.encode(film, targets), "r", 1, h));
        });
        return bytes;
    };
    EXPECT_EQ(encodeOn(1), encodeOn(3));
}

TEST_F(StateFile, ANamedHashOfAnotherCheckpointIsRefused) {
    write(film, targets);
    expectRefused("belongs to another checkpoint", hash ^ 1);
}

TEST_F(StateFile, CutShortOrGrownIsRefused) {
    const std::string bytes = write(film, targets);
    test::writeBytes(path, bytes.substr(0, bytes.size() - 1));
    expectRefused("(cut short or damaged)", hash);
    test::writeBytes(path, bytes + "x");
    expectRefused("(cut short or damaged)", hash);
    test::writeBytes(path, bytes.substr(0, 20));
    expectRefused("is not a resume state file", hash);
}

TEST_F(StateFile, AFlippedBitInAChunkIsRefusedNamingIt) {
    std::string bytes = write(film, targets);
    bytes[bytes.size() - 30] ^= 0x04;  // inside the last chunk
    test::writeBytes(path, bytes);
    expectRefused("chunk 1 is damaged", hash);
}

TEST_F(StateFile, AFlippedBitInTheHeaderIsRefused) {
    std::string bytes = write(film, targets);
    bytes[13] ^= 0x01;  // the width
    test::writeBytes(path, bytes);
    expectRefused("damaged header", hash);
}

TEST_F(StateFile, AnotherSizeIsRefusedAndTheFilmLeftFresh) {
    write(film, targets);
    Film other(kWidth + 1, kHeight);
    other.at(0, 0).sampleCount = 9;
    std::vector<uint32_t> otherTargets;
    std::string error;
    EXPECT_FALSE(readStateFile(path, hash, other, otherTargets, error));
    EXPECT_NE(error.find("holds a 70x45 state, the film is 71x45"), std::string::npos) << error;
    // A damaged chunk is only found while decoding: the film is then reset.
    std::string bytes = test::readBytes(path);
    bytes[bytes.size() - 30] ^= 0x04;
    test::writeBytes(path, bytes);
    Film read = awkwardFilm(5);
    std::vector<uint32_t> readTargets;
    EXPECT_FALSE(readStateFile(path, hash, read, readTargets, error));
    EXPECT_EQ(read.sampleStats().max, 0u) << "a failed read leaves the film as fresh";
    EXPECT_TRUE(readTargets.empty());
}

// Two AOV slots, one of them `closest` (a depth double ahead of its values).
AovLayout twoSlots() {
    return AovLayout({AovSlot{3, MathFilter::Average, "lpe C<RD>L"},
                      AovSlot{2, MathFilter::Closest, "state_variable 12"}});
}

Film withAovs(uint32_t seed) {
    const Film plain = awkwardFilm(seed);
    Film film(kWidth, kHeight, twoSlots());
    std::mt19937_64 random(seed + 100);
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            film.at(x, y) = plain.at(x, y);
            for (size_t d = 0; d < film.layout().doublesPerPixel(); ++d)
                film.aovs(x, y)[d] = std::bit_cast<double>(random());
        }
    }
    return film;
}

TEST_F(StateFile, AovAccumulatorsRoundTripBitForBit) {
    const Film aovFilm = withAovs(8);
    write(aovFilm, targets);
    StateFileHeader header;
    std::string error;
    ASSERT_TRUE(readStateFileHeader(path, header, error)) << error;
    EXPECT_EQ(header.aovDoubles, 6u);
    EXPECT_EQ(header.aovSignature, twoSlots().signature());
    Film read(kWidth, kHeight, twoSlots());
    std::vector<uint32_t> readTargets;
    ASSERT_TRUE(readStateFile(path, hash, read, readTargets, error)) << error;
    expectSameFilm(aovFilm, read);
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            for (size_t d = 0; d < 6; ++d) {
                ASSERT_EQ(std::bit_cast<uint64_t>(read.aovs(x, y)[d]),
                          std::bit_cast<uint64_t>(aovFilm.aovs(x, y)[d]))
                    << x << "," << y << " double " << d;
            }
        }
    }
}

TEST_F(StateFile, AStateOfOtherAovsIsRefused) {
    write(withAovs(8), targets);
    Film plain(kWidth, kHeight);
    std::vector<uint32_t> readTargets;
    std::string error;
    EXPECT_FALSE(readStateFile(path, hash, plain, readTargets, error));
    EXPECT_NE(error.find("holds the state of AOVs [lpe C<RD>L"), std::string::npos) << error;
    EXPECT_NE(error.find("this render writes no AOV outputs"), std::string::npos) << error;
    write(film, targets);
    Film aovs(kWidth, kHeight, twoSlots());
    EXPECT_FALSE(readStateFile(path, hash, aovs, readTargets, error));
    EXPECT_NE(error.find("holds the state of no AOV outputs"), std::string::npos) << error;
}

// A file of the previous version (2: no AOV fields), made from a version 3 file by hand
// as doc/RESUME.md describes both, still reads.
TEST_F(StateFile, Version2FilesStillRead) {
    const std::string v3 = write(film, targets);
    std::string v2 = v3.substr(0, 8) + '\x02' + v3.substr(9, 36 - 9) + v3.substr(44);
    StateFileHeader header;
    std::string error;
    ASSERT_TRUE(readStateFileHeader(path, header, error)) << error;
    const size_t hashAt = header.headerBytes - 8 - 8;  // v2's header is 8 bytes shorter
    const uint64_t v2Hash = mixBits64(hashString(v2.substr(0, hashAt)));
    for (int b = 0; b < 8; ++b) v2[hashAt + b] = static_cast<char>(v2Hash >> (8 * b));
    test::writeBytes(path, v2);
    ASSERT_TRUE(readStateFileHeader(path, header, error)) << error;
    EXPECT_EQ(header.version, 2);
    Film read(kWidth, kHeight);
    std::vector<uint32_t> readTargets;
    ASSERT_TRUE(readStateFile(path, v2Hash, read, readTargets, error)) << error;
    expectSameFilm(film, read);
}

TEST(StateFilePath, SitsNextToItsExrFile) {
    EXPECT_EQ(stateFilePath("shots/a/checkpoint.exr"), "shots/a/checkpoint.resume");
    EXPECT_EQ(stateFilePath("frame.0012.exr"), "frame.0012.resume");
    EXPECT_TRUE(isStateFilePath("frame.0012.resume"));
    EXPECT_FALSE(isStateFilePath("frame.0012.exr"));
}

}  // namespace
}  // namespace rt
