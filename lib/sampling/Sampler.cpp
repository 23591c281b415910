#include "sampling/Sampler.h"

#include "core/Hash.h"
#include "sampling/Sobol.h"

namespace rt {

namespace {

// Dimensions are used in pairs (2g, 2g+1) driven by Sobol' dimensions 0 and 1, which form
// a (0,2)-sequence: every aligned pair is perfectly stratified in 2D. Larger groups
// (Burley uses 4) would leave the second pair of a group with Sobol' dimensions 2 and 3,
// whose 2D projection only has t = 2. See doc/SAMPLING.md.
constexpr uint32_t kGroupSize = 2;

// The hash of a group: pixel and seed hashed once per pixel sample (PixelSampler keeps
// it), then combined with the group.
uint32_t groupSeed(uint32_t pixelHash, uint32_t group) {
    return hashCombine(pixelHash, group);
}

float toUnitFloat(uint32_t scrambled) {
    // Truncate to 24 bits rather than round: rounding could carry a value across a stratum
    // boundary (or up to 1.0f). The result is exact and at most kOneMinusEpsilon.
    return std::min(static_cast<float>(scrambled >> 8) * 0x1p-24f, kOneMinusEpsilon);
}

// The scrambled value of one component of a group's Sobol' point. Dimension 0 is the bit
// reversal of the index; dimension 1 uses byte tables.
uint32_t scrambledComponent(uint32_t shuffledIndex, int component, uint32_t seed) {
    if (component == 0) return sobol::scrambledVanDerCorput(shuffledIndex, seed);
    return sobol::owenScramble(sobol::sampleDimension1(shuffledIndex), seed);
}

}  // namespace

uint32_t pixelSampleHash(const Vec2i& pixel, uint32_t seed) {
    uint32_t h = mixBits32(seed ^ 0x5851f42dU);
    h = hashCombine(h, static_cast<uint32_t>(pixel.x));
    return hashCombine(h, static_cast<uint32_t>(pixel.y));
}

float sampleValueHashed(uint32_t pixelHash, uint32_t sampleIndex, uint32_t dimension) {
    const uint32_t group = dimension / kGroupSize;
    const int component = static_cast<int>(dimension % kGroupSize);
    const uint32_t hash = groupSeed(pixelHash, group);
    // Every dimension of a group shuffles the index with the same seed, so the group sees
    // one consistent Sobol' point; different groups and pixels get independent shuffles.
    const uint32_t index = sobol::shuffleIndex(sampleIndex, hash);
    return toUnitFloat(scrambledComponent(index, component, mixBits32(hash + 1U + component)));
}

Vec2f samplePairHashed(uint32_t pixelHash, uint32_t sampleIndex, uint32_t group) {
    const uint32_t hash = groupSeed(pixelHash, group);
    const uint32_t index = sobol::shuffleIndex(sampleIndex, hash);
    return Vec2f(toUnitFloat(scrambledComponent(index, 0, mixBits32(hash + 1U))),
                 toUnitFloat(scrambledComponent(index, 1, mixBits32(hash + 2U))));
}

float sampleValue(const Vec2i& pixel, uint32_t sampleIndex, uint32_t dimension, uint32_t seed) {
    return sampleValueHashed(pixelSampleHash(pixel, seed), sampleIndex, dimension);
}

}  // namespace rt
