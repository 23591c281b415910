#pragma once
// Building blocks of the Owen-scrambled Sobol' sampler (Burley 2020, "Practical Hash-based
// Owen Scrambling"): Sobol' generator matrices built from primitive polynomials, bit
// reversal and the hash-based scrambles. All functions are pure and constexpr so that the
// generator matrices are computed by the compiler and the tests can check them.
#include <array>
#include <cstdint>

namespace rt::sobol {

// Dimensions with built-in direction numbers (Joe & Kuo numbering, starting at 0).
inline constexpr int kDimensions = 4;

// Generator matrix of one dimension as 32 direction numbers: column i (the image of index
// bit i) is the 32-bit fixed-point value v_{i+1} = m_{i+1} / 2^{i+1}.
using Matrix = std::array<uint32_t, 32>;

// Direction numbers from a primitive polynomial x^s + a_1 x^{s-1} + ... + a_{s-1} x + 1
// (inner coefficients packed as bits of `a`, a_1 most significant) and the initial odd
// integers m_1..m_s (m_i < 2^i), via the recurrence of Bratley & Fox (1988):
//   m_i = 2 a_1 m_{i-1} ^ 4 a_2 m_{i-2} ^ ... ^ 2^s m_{i-s} ^ m_{i-s}.
constexpr Matrix directionNumbers(int s, uint32_t a, std::array<uint32_t, 3> mInit) {
    std::array<uint64_t, 32> m{};
    for (int i = 0; i < s; ++i) m[i] = mInit[i];
    for (int i = s; i < 32; ++i) {
        uint64_t x = m[i - s] ^ (m[i - s] << s);
        for (int k = 1; k < s; ++k)
            if ((a >> (s - 1 - k)) & 1U) x ^= m[i - k] << k;
        m[i] = x;
    }
    Matrix v{};
    for (int i = 0; i < 32; ++i) v[i] = static_cast<uint32_t>(m[i] << (31 - i));
    return v;
}

constexpr Matrix vanDerCorputMatrix() {
    Matrix v{};
    for (int i = 0; i < 32; ++i) v[i] = 1U << (31 - i);
    return v;
}

// dim 0: van der Corput; dim 1: x + 1; dim 2: x^2 + x + 1; dim 3: x^3 + x + 1.
inline constexpr std::array<Matrix, kDimensions> kMatrices = {
    vanDerCorputMatrix(),
    directionNumbers(1, 0b0, {1, 0, 0}),
    directionNumbers(2, 0b1, {1, 3, 0}),
    directionNumbers(3, 0b01, {1, 3, 1}),
};

// The unscrambled Sobol' point `index` in `dimension` (< kDimensions) as 0.32 fixed point.
constexpr uint32_t sample(uint32_t index, int dimension) {
    const Matrix& v = kMatrices[dimension];
    uint32_t result = 0;
    for (int bit = 0; index != 0; ++bit, index >>= 1)
        if (index & 1U) result ^= v[bit];
    return result;
}

// The same point from byte-wise lookup tables (4 lookups instead of one step per index
// bit): table[b][v] is the XOR of the direction numbers of the set bits of byte b = v.
using ByteTables = std::array<std::array<uint32_t, 256>, 4>;

constexpr ByteTables byteTables(int dimension) {
    ByteTables t{};
    for (int b = 0; b < 4; ++b)
        for (uint32_t v = 0; v < 256; ++v) t[b][v] = sample(v << (8 * b), dimension);
    return t;
}

inline constexpr ByteTables kDimension1Tables = byteTables(1);

constexpr uint32_t sampleDimension1(uint32_t index) {
    const ByteTables& t = kDimension1Tables;
    return t[0][index & 0xffU] ^ t[1][(index >> 8) & 0xffU] ^ t[2][(index >> 16) & 0xffU] ^
           t[3][index >> 24];
}

constexpr uint32_t reverseBits(uint32_t x) {
    x = ((x >> 1) & 0x55555555U) | ((x & 0x55555555U) << 1);
    x = ((x >> 2) & 0x33333333U) | ((x & 0x33333333U) << 2);
    x = ((x >> 4) & 0x0f0f0f0fU) | ((x & 0x0f0f0f0fU) << 4);
    return __builtin_bswap32(x);  // bits are reversed within bytes; now reverse the bytes
}

// Laine-Karras style permutation with Vegdahl's improved constants (2021). Every step
// (add, multiply by odd, xor with a multiple by an even constant) changes a bit only as a
// function of itself and the bits below it, which is exactly what makes it an Owen
// scramble when applied to bit-reversed values.
constexpr uint32_t laineKarrasPermutation(uint32_t x, uint32_t seed) {
    x ^= x * 0x3d20adeaU;
    x += seed;
    x *= (seed >> 16) | 1U;
    x ^= x * 0x05526c56U;
    x ^= x * 0x53a22864U;
    return x;
}

// Owen scramble of a 0.32 fixed-point value: each output bit is flipped depending on the
// seed and on all more significant bits, so stratification in every elementary interval
// is preserved.
constexpr uint32_t owenScramble(uint32_t x, uint32_t seed) {
    return reverseBits(laineKarrasPermutation(reverseBits(x), seed));
}

// The same scramble applied to a sample index (Burley's nested uniform shuffle): index
// bit i is flipped depending on bits above it, so the first 2^k shuffled indices are
// still one aligned block of 2^k consecutive Sobol' indices, in a random order.
constexpr uint32_t shuffleIndex(uint32_t index, uint32_t seed) {
    return owenScramble(index, seed);
}

// owenScramble(reverseBits(index), seed), i.e. a scrambled dimension-0 (van der Corput)
// value, with the two inner bit reversals cancelled out.
constexpr uint32_t scrambledVanDerCorput(uint32_t index, uint32_t seed) {
    return reverseBits(laineKarrasPermutation(index, seed));
}

}  // namespace rt::sobol
