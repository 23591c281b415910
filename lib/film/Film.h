#pragma once
// Per-pixel accumulators for the whole image, plus resolved (averaged) values.
// The film does no I/O and no locking: a render pass gives every tile to exactly one
// task, so pixels are never written concurrently.
#include <vector>

#include "film/AovLayout.h"
#include "film/PixelAccumulator.h"

namespace rt {

class Film {
  public:
    Film(int width, int height, AovLayout layout = {});

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

    // The AOV slots (AovLayout.h): layout().doublesPerPixel() doubles per pixel, which
    // start at their filter's neutral value (0, +inf for min, -inf for max, ...).
    const AovLayout& layout() const { return m_layout; }
    double* aovs(int x, int y) { return m_aovs.data() + index(x, y) * m_layout.doublesPerPixel(); }
    const double* aovs(int x, int y) const {
        return m_aovs.data() + index(x, y) * m_layout.doublesPerPixel();
    }
    // Adds one sample's AOV values (layout().floatsPerSample() of them); `depth` is the
    // sample's camera depth (infinite for a miss), which `closest` compares. Call it with
    // the sample's PixelAccumulator::add, in the same sample order.
    void addAovs(int x, int y, const float* values, float depth);
    // Slot `slot`'s value at a pixel (its components into `out`); 0 without samples.
    void resolveAov(int x, int y, size_t slot, float* out) const;
    // Every accumulator back to its starting value (a fresh start).
    void reset();

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
    AovLayout m_layout;
    std::vector<double> m_aovs;
};

}  // namespace rt
