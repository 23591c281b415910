#include "film/Film.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

#include "core/Error.h"
#include "film/Cryptomatte.h"

namespace rt {

namespace {

// The value an AOV's doubles start from: what any first sample replaces or adds to.
double neutral(MathFilter filter) {
    switch (filter) {
        case MathFilter::Min:
        case MathFilter::Closest:  // its first double, the depth; the values follow it
            return std::numeric_limits<double>::infinity();
        case MathFilter::Max:
            return -std::numeric_limits<double>::infinity();
        default:
            return 0.0;
    }
}

// The largest unbiased sample variance of `components` values, each kept as (sum, sum of
// squares) over `count` samples; 0 with fewer than two samples. The sums are doubles of
// float samples: exact enough that the cancellation in sumSq - sum^2 / n stays below
// float precision for any pixel's sample count.
double largestVariance(const double* sums, int components, uint32_t count) {
    if (count < 2) return 0.0;
    double largest = 0.0;
    for (int c = 0; c < components; ++c) {
        const double sum = sums[2 * c], sumSq = sums[2 * c + 1];
        const double variance = (sumSq - sum * sum / count) / (count - 1);
        largest = std::max(largest, variance);
    }
    return largest;
}

}  // namespace

Film::Film(int width, int height, AovLayout layout)
    : m_width(width),
      m_height(height),
      m_pixels(static_cast<size_t>(width) * height),
      m_layout(std::move(layout)) {
    RT_CHECK(width > 0 && height > 0);
    reset();
}

void Film::reset() {
    std::fill(m_pixels.begin(), m_pixels.end(), PixelAccumulator{});
    const size_t stride = m_layout.doublesPerPixel();
    m_aovs.assign(m_pixels.size() * stride, 0.0);
    if (stride == 0) return;
    std::vector<double> start(stride, 0.0);
    for (size_t s = 0; s < m_layout.slots().size(); ++s) {
        start[m_layout.firstDouble(s)] = neutral(m_layout.slots()[s].filter);
        if (m_layout.slots()[s].filter == MathFilter::Min ||
            m_layout.slots()[s].filter == MathFilter::Max) {
            for (int c = 1; c < m_layout.slots()[s].components; ++c)
                start[m_layout.firstDouble(s) + c] = neutral(m_layout.slots()[s].filter);
        }
    }
    for (size_t p = 0; p < m_pixels.size(); ++p)
        std::copy(start.begin(), start.end(), m_aovs.begin() + p * stride);
}

void Film::addAovs(int x, int y, const float* values, float depth) {
    double* acc = aovs(x, y);
    const auto& slots = m_layout.slots();
    for (size_t s = 0; s < slots.size(); ++s) {
        double* a = acc + m_layout.firstDouble(s);
        const float* v = values + m_layout.firstFloat(s);
        const int n = slots[s].components;
        if (slots[s].cryptomatteDepth > 0) {
            addCryptomatteSample(a, slots[s].cryptomatteDepth, std::bit_cast<uint32_t>(v[0]));
            continue;
        }
        if (slots[s].kind == AovSlot::Kind::Ratio) {
            a[0] += v[0];
            a[1] += v[1];
            continue;
        }
        if (slots[s].kind == AovSlot::Kind::Variance) {
            for (int c = 0; c < n; ++c) {
                const double x = v[c];
                a[2 * c] += x;
                a[2 * c + 1] += x * x;
            }
            continue;
        }
        switch (slots[s].filter) {
            case MathFilter::Min:
                for (int c = 0; c < n; ++c) a[c] = std::min(a[c], static_cast<double>(v[c]));
                break;
            case MathFilter::Max:
                for (int c = 0; c < n; ++c) a[c] = std::max(a[c], static_cast<double>(v[c]));
                break;
            case MathFilter::Closest:
                // Strictly nearer: of equally near samples the first one stays.
                if (depth < a[0]) {
                    a[0] = depth;
                    for (int c = 0; c < n; ++c) a[1 + c] = v[c];
                }
                break;
            default:
                for (int c = 0; c < n; ++c) a[c] += v[c];
        }
    }
}

void Film::resolveAov(int x, int y, size_t slot, float* out) const {
    const AovSlot& s = m_layout.slots()[slot];
    const double* a = aovs(x, y) + m_layout.firstDouble(slot);
    const uint32_t count = at(x, y).sampleCount;
    if (s.cryptomatteDepth > 0) return resolveCryptomatte(a, s.cryptomatteDepth, count, out);
    if (s.kind == AovSlot::Kind::Ratio) {
        out[0] = a[1] > 0.0 ? static_cast<float>(a[0] / a[1]) : 0.0f;
        return;
    }
    if (s.kind == AovSlot::Kind::Variance) {
        out[0] = static_cast<float>(largestVariance(a, s.components, count));
        return;
    }
    for (int c = 0; c < s.components; ++c) {
        double v = 0.0;
        switch (s.filter) {
            case MathFilter::Average:
            case MathFilter::ForceConsistentSampling:
                v = count > 0 ? a[c] / count : 0.0;
                break;
            case MathFilter::Sum:
                v = a[c];
                break;
            case MathFilter::Min:
            case MathFilter::Max:
                v = std::isfinite(a[c]) ? a[c] : 0.0;
                break;
            case MathFilter::Closest:
                v = std::isfinite(a[0]) ? a[1 + c] : 0.0;
                break;
        }
        out[c] = static_cast<float>(v);
    }
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
