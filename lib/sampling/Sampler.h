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

// Consecutive dimensions of one pixel sample. Cheap to construct; not thread-shared.
class PixelSampler {
  public:
    PixelSampler(const Vec2i& pixel, uint32_t sampleIndex, uint32_t seed)
        : m_pixel(pixel), m_index(sampleIndex), m_seed(seed) {}

    float get1D() { return sampleValue(m_pixel, m_index, m_dimension++, m_seed); }
    Vec2f get2D() {
        const float a = get1D();
        return Vec2f(a, get1D());
    }
    // Jumps to a fixed dimension so that a path vertex always reads the same
    // dimensions however many the previous vertex consumed.
    void setDimension(uint32_t dimension) { m_dimension = dimension; }
    uint32_t dimension() const { return m_dimension; }

  private:
    Vec2i m_pixel;
    uint32_t m_index;
    uint32_t m_seed;
    uint32_t m_dimension = 0;
};

}  // namespace rt
