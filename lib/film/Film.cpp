#include "film/Film.h"

#include <algorithm>
#include <limits>

#include "core/Error.h"

namespace rt {

Film::Film(int width, int height)
    : m_width(width), m_height(height), m_pixels(static_cast<size_t>(width) * height) {
    RT_CHECK(width > 0 && height > 0);
}

Color Film::beauty(int x, int y) const {
    const PixelAccumulator& p = at(x, y);
    if (p.sampleCount == 0) return Color(0.0f);
    const Vec3d v = p.radianceSum / static_cast<double>(p.sampleCount);
    return Color(static_cast<float>(v.x), static_cast<float>(v.y), static_cast<float>(v.z));
}

float Film::alpha(int x, int y) const {
    const PixelAccumulator& p = at(x, y);
    return p.sampleCount == 0 ? 0.0f : static_cast<float>(p.alphaSum / p.sampleCount);
}

float Film::depth(int x, int y) const {
    const PixelAccumulator& p = at(x, y);
    return p.alphaSum > 0.0 ? static_cast<float>(p.depthSum / p.alphaSum) : 0.0f;
}

Vec3f Film::normal(int x, int y) const {
    const PixelAccumulator& p = at(x, y);
    if (p.sampleCount == 0) return Vec3f(0.0f);
    const Vec3d v = p.normalSum / static_cast<double>(p.sampleCount);
    return Vec3f(static_cast<float>(v.x), static_cast<float>(v.y), static_cast<float>(v.z));
}

Color Film::albedo(int x, int y) const {
    const PixelAccumulator& p = at(x, y);
    if (p.sampleCount == 0) return Color(0.0f);
    const Vec3d v = p.albedoSum / static_cast<double>(p.sampleCount);
    return Color(static_cast<float>(v.x), static_cast<float>(v.y), static_cast<float>(v.z));
}

Film::SampleStats Film::sampleStats() const {
    SampleStats stats;
    stats.min = std::numeric_limits<uint32_t>::max();
    double total = 0.0;
    for (const PixelAccumulator& p : m_pixels) {
        stats.min = std::min(stats.min, p.sampleCount);
        stats.max = std::max(stats.max, p.sampleCount);
        total += p.sampleCount;
    }
    stats.mean = total / static_cast<double>(m_pixels.size());
    return stats;
}

}  // namespace rt
