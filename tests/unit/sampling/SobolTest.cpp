// The Sobol' building blocks: direction numbers, net properties, scrambles.
#include <gtest/gtest.h>

#include <set>

#include "sampling/Sobol.h"

namespace rt {
namespace {

uint32_t mValue(const sobol::Matrix& v, int i) {
    return v[i] >> (31 - i);
}

TEST(Sobol, DirectionNumbersFollowRecurrence) {
    // m_i of the polynomial x + 1 (dimension 1) are the rows of Pascal's triangle mod 2.
    const uint32_t pascal[] = {1, 3, 5, 15, 17, 51, 85, 255, 257, 771};
    for (int i = 0; i < 10; ++i) EXPECT_EQ(mValue(sobol::kMatrices[1], i), pascal[i]) << i;
    // Values published in Numerical Recipes (sobseq) for other initial m.
    const sobol::Matrix a = sobol::directionNumbers(2, 0b1, {1, 1, 0});
    EXPECT_EQ(mValue(a, 2), 7U);
    EXPECT_EQ(mValue(a, 3), 11U);
    const sobol::Matrix b = sobol::directionNumbers(3, 0b01, {1, 3, 7});
    EXPECT_EQ(mValue(b, 3), 5U);
    // Every m_i is odd and below 2^(i+1): the matrices are upper triangular with unit
    // diagonal, so every dimension is a (0,1)-sequence.
    for (int d = 0; d < sobol::kDimensions; ++d) {
        for (int i = 0; i < 32; ++i) {
            const uint64_t m = sobol::kMatrices[d][i] >> (31 - i);
            EXPECT_EQ(m & 1U, 1U);
            EXPECT_LT(m, 1ULL << (i + 1));
            EXPECT_EQ(sobol::kMatrices[d][i] & ((1ULL << (31 - i)) - 1), 0U);
        }
    }
}

TEST(Sobol, FirstPoints) {
    const double expected[4][8] = {
        {0, 0.5, 0.25, 0.75, 0.125, 0.625, 0.375, 0.875},
        {0, 0.5, 0.75, 0.25, 0.625, 0.125, 0.375, 0.875},
        {0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125},
        {0, 0.5, 0.75, 0.25, 0.125, 0.625, 0.875, 0.375},
    };
    for (int d = 0; d < 4; ++d)
        for (uint32_t i = 0; i < 8; ++i)
            EXPECT_EQ(sobol::sample(i, d) * 0x1p-32, expected[d][i]) << d << " " << i;
}

TEST(Sobol, FastPathsMatchMatrices) {
    for (uint32_t i : {0U, 1U, 2U, 255U, 256U, 65537U, 0x12345678U, 0xffffffffU}) {
        EXPECT_EQ(sobol::reverseBits(i), sobol::sample(i, 0));
        EXPECT_EQ(sobol::sampleDimension1(i), sobol::sample(i, 1));
        for (uint32_t seed : {0U, 1U, 0xdeadbeefU}) {
            EXPECT_EQ(sobol::scrambledVanDerCorput(i, seed),
                      sobol::owenScramble(sobol::sample(i, 0), seed));
        }
    }
}

TEST(Sobol, ReverseBits) {
    EXPECT_EQ(sobol::reverseBits(1U), 0x80000000U);
    EXPECT_EQ(sobol::reverseBits(0x0000f00dU), 0xb00f0000U);
    for (uint32_t x : {0U, 7U, 0x12345678U, 0xffffffffU})
        EXPECT_EQ(sobol::reverseBits(sobol::reverseBits(x)), x);
}

// The index shuffle permutes every aligned block of 2^k indices onto an aligned block.
TEST(Sobol, ShuffleKeepsAlignedBlocks) {
    for (uint32_t seed : {0U, 1U, 0xdeadbeefU}) {
        for (int k : {0, 3, 8}) {
            const uint32_t n = 1U << k;
            for (uint32_t block : {0U, 1U, 77U}) {
                std::set<uint32_t> seen;
                const uint32_t first = sobol::shuffleIndex(block * n, seed) >> k;
                for (uint32_t i = 0; i < n; ++i) {
                    const uint32_t s = sobol::shuffleIndex(block * n + i, seed);
                    EXPECT_EQ(s >> k, first);
                    seen.insert(s);
                }
                EXPECT_EQ(seen.size(), n);
            }
        }
    }
}

// An Owen scramble maps each dyadic interval [j/2^k, (j+1)/2^k) onto another one.
TEST(Sobol, OwenScrambleMapsDyadicIntervals) {
    for (uint32_t seed : {3U, 0x9e3779b9U}) {
        for (int k : {1, 4, 10}) {
            std::set<uint32_t> images;
            for (uint32_t j = 0; j < (1U << k); ++j) {
                const uint32_t lo = j << (32 - k);
                const uint32_t image = sobol::owenScramble(lo, seed) >> (32 - k);
                for (uint32_t offset : {1U, 12345U, (1U << (32 - k)) - 1})
                    EXPECT_EQ(sobol::owenScramble(lo + offset, seed) >> (32 - k), image);
                images.insert(image);
            }
            EXPECT_EQ(images.size(), 1U << k);
        }
    }
}

}  // namespace
}  // namespace rt
