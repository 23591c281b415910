#pragma once
// The deterministic sampler. Every value is a pure function of
// (pixel, sample index, dimension, seed): no state is shared between pixels, samples or
// threads, so images do not depend on thread count, tile order or how a render was
// split into runs. Implementation: Owen-scrambled Sobol' (Burley 2020, "Practical
// Hash-based Owen Scrambling"), see doc/SAMPLING.md.
#include <cstdint>

#include "core/Math.h"

namespace rt {

// A value in [0, 1). `dimension` may be any non-negative integer.
float sampleValue(const Vec2i& pixel, uint32_t sampleIndex, uint32_t dimension, uint32_t seed);

// The same values, split so that a pixel sample hashes (pixel, seed) once:
// sampleValue(p, i, d, s) == sampleValueHashed(pixelSampleHash(p, s), i, d), and
// samplePairHashed(h, i, g) == (sampleValueHashed(h, i, 2g), sampleValueHashed(h, i, 2g+1)).
uint32_t pixelSampleHash(const Vec2i& pixel, uint32_t seed);
float sampleValueHashed(uint32_t pixelHash, uint32_t sampleIndex, uint32_t dimension);
Vec2f samplePairHashed(uint32_t pixelHash, uint32_t sampleIndex, uint32_t group);

// Consecutive dimensions of one pixel sample. Cheap to construct; not thread-shared.
class PixelSampler {
  public:
    PixelSampler(const Vec2i& pixel, uint32_t sampleIndex, uint32_t seed)
        : m_pixelHash(pixelSampleHash(pixel, seed)), m_index(sampleIndex) {}

    float get1D() { return sampleValueHashed(m_pixelHash, m_index, m_dimension++); }
    // On an even dimension both values come from one jointly stratified pair.
    Vec2f get2D() {
        if (m_dimension % 2 == 0) {
            const Vec2f pair = samplePairHashed(m_pixelHash, m_index, m_dimension / 2);
            m_dimension += 2;
            return pair;
        }
        const float a = get1D();
        return Vec2f(a, get1D());
    }
    // Jumps to a fixed dimension so that a path vertex always reads the same
    // dimensions however many the previous vertex consumed.
    void setDimension(uint32_t dimension) { m_dimension = dimension; }
    uint32_t dimension() const { return m_dimension; }

  private:
    uint32_t m_pixelHash;
    uint32_t m_index;
    uint32_t m_dimension = 0;
};

}  // namespace rt
