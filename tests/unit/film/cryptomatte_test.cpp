// Cryptomatte ids and the ranking filter (film/Cryptomatte.h) against the
// specification's own examples and hand-counted pixels.
#include "film/Cryptomatte.h"

#include <gtest/gtest.h>

#include <bit>
#include <vector>

#include "core/MurmurHash.h"

namespace rt {
namespace {

TEST(CryptomatteId, MatchesTheSpecificationsManifestExample) {
    // cryptomatte_specification, "Manifest": {"bunny":"13851a76", "default":"42c9679f"}.
    EXPECT_EQ(cryptomatteHex(cryptomatteId("bunny")), "13851a76");
    EXPECT_EQ(cryptomatteHex(cryptomatteId("default")), "42c9679f");
}

TEST(CryptomatteId, ClampsTheExponentSoNoIdIsDenormalInfiniteOrNan) {
    // Exponent 0 becomes 1 and 255 becomes 254; sign and mantissa stay.
    EXPECT_EQ(cryptomatteIdFromHash(0x00000001u), 0x00800001u);
    EXPECT_EQ(cryptomatteIdFromHash(0x807fffffu), 0x80ffffffu);
    EXPECT_EQ(cryptomatteIdFromHash(0x7f800000u), 0x7f000000u);
    EXPECT_EQ(cryptomatteIdFromHash(0xffffffffu), 0xff7fffffu);
    EXPECT_EQ(cryptomatteIdFromHash(0x3f800000u), 0x3f800000u);  // 1.0f: unchanged
}

TEST(CryptomatteKey, IsTheFirstSevenHexDigitsOfTheLayerNamesHash) {
    EXPECT_EQ(cryptomatteKey("CryptoObject"),
              cryptomatteHex(murmurHash3("CryptoObject")).substr(0, 7));
    EXPECT_NE(cryptomatteKey("CryptoObject"), cryptomatteKey("CryptoMaterial"));
}

// Entries of one pixel after the ids of its samples, in order.
std::vector<double> pixel(int depth, const std::vector<uint32_t>& samples) {
    std::vector<double> entries(static_cast<size_t>(cryptomatteDoubles(depth)), 0.0);
    for (uint32_t id : samples) addCryptomatteSample(entries.data(), depth, id);
    return entries;
}

std::vector<float> resolved(int depth, const std::vector<uint32_t>& samples) {
    const std::vector<double> entries = pixel(depth, samples);
    std::vector<float> out(static_cast<size_t>(cryptomatteChannels(depth)), -1.0f);
    resolveCryptomatte(entries.data(), depth, static_cast<uint32_t>(samples.size()), out.data());
    return out;
}

float idFloat(uint32_t id) {
    return std::bit_cast<float>(id);
}

TEST(CryptomatteRanking, RanksByCoverageAndCoveragesSumToTheHits) {
    const uint32_t a = cryptomatteId("a"), b = cryptomatteId("b"), c = cryptomatteId("c");
    // 8 samples: a x1, b x4, c x2, one miss (0). Alpha = 7/8.
    const std::vector<float> out = resolved(4, {a, b, 0, c, b, b, c, b});
    ASSERT_EQ(out.size(), 8u);  // two RGBA layers
    EXPECT_EQ(out[0], idFloat(b));
    EXPECT_EQ(out[1], 4.0f / 8);
    EXPECT_EQ(out[2], idFloat(c));
    EXPECT_EQ(out[3], 2.0f / 8);
    EXPECT_EQ(out[4], idFloat(a));
    EXPECT_EQ(out[5], 1.0f / 8);
    EXPECT_EQ(out[6], 0.0f);  // rank 3: nothing
    EXPECT_EQ(out[7], 0.0f);
    EXPECT_FLOAT_EQ(out[1] + out[3] + out[5], 7.0f / 8);
}

TEST(CryptomatteRanking, EqualCoveragesRankTheSmallerIdFirst) {
    const uint32_t a = cryptomatteId("a"), b = cryptomatteId("b");
    const uint32_t lo = std::min(a, b), hi = std::max(a, b);
    EXPECT_EQ(resolved(2, {hi, lo}), resolved(2, {lo, hi}));
    EXPECT_EQ(resolved(2, {hi, lo})[0], idFloat(lo));
}

TEST(CryptomatteRanking, DepthLimitsTheRanksWrittenNotTheIdsKept) {
    // Depth 1 keeps two ids: the one met second wins on coverage and is written.
    const uint32_t a = cryptomatteId("a"), b = cryptomatteId("b"), c = cryptomatteId("c");
    const std::vector<float> out = resolved(1, {a, b, b, b, c, c});
    ASSERT_EQ(out.size(), 4u);  // an odd depth still fills an RGBA layer
    EXPECT_EQ(out[0], idFloat(b));
    EXPECT_EQ(out[1], 3.0f / 6);
    EXPECT_EQ(out[2], 0.0f);  // rank 1 is beyond depth 1
    // c, the third id, did not fit in the pixel's two entries: its coverage is lost.
    const std::vector<double> entries = pixel(1, {a, b, b, b, c, c});
    EXPECT_EQ(entries, (std::vector<double>{double(a), 1.0, double(b), 3.0}));
}

TEST(CryptomatteRanking, APixelWithoutSamplesIsEmpty) {
    EXPECT_EQ(resolved(2, {}), std::vector<float>(4, 0.0f));
}

}  // namespace
}  // namespace rt
