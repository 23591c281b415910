#pragma once
// Per-pixel accumulators for the whole image, plus resolved (averaged) values.
// The film does no I/O and no locking: a render pass gives every tile to exactly one
// task, so pixels are never written concurrently.
#include <vector>

#include "film/PixelAccumulator.h"

namespace rt {

class Film {
  public:
    Film(int width, int height);

    int width() const { return m_width; }
    int height() const { return m_height; }
    size_t pixelCount() const { return m_pixels.size(); }

    PixelAccumulator& at(int x, int y) { return m_pixels[index(x, y)]; }
    const PixelAccumulator& at(int x, int y) const { return m_pixels[index(x, y)]; }
    const std::vector<PixelAccumulator>& pixels() const { return m_pixels; }

    // Averages; a pixel without samples resolves to zero.
    Color beauty(int x, int y) const;
    float alpha(int x, int y) const;
    // Depth averages over the samples that hit geometry; 0 where none did.
    float depth(int x, int y) const;
    Vec3f normal(int x, int y) const;
    Color albedo(int x, int y) const;

    struct SampleStats {
        uint32_t min = 0, max = 0;
        double mean = 0.0;
    };
    SampleStats sampleStats() const;

  private:
    size_t index(int x, int y) const { return static_cast<size_t>(y) * m_width + x; }

    int m_width;
    int m_height;
    std::vector<PixelAccumulator> m_pixels;
};

}  // namespace rt
