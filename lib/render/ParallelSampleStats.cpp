#include "render/ParallelSampleStats.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

namespace rt {

Film::SampleStats parallelSampleStats(const Film& film) {
    struct Partial {
        uint32_t min = std::numeric_limits<uint32_t>::max(), max = 0;
        uint64_t total = 0;
    };
    const std::vector<PixelAccumulator>& pixels = film.pixels();
    const Partial all = tbb::parallel_reduce(
        tbb::blocked_range<size_t>(0, pixels.size(), 1 << 14), Partial{},
        [&](const tbb::blocked_range<size_t>& r, Partial p) {
            for (size_t i = r.begin(); i != r.end(); ++i) {
                p.min = std::min(p.min, pixels[i].sampleCount);
                p.max = std::max(p.max, pixels[i].sampleCount);
                p.total += pixels[i].sampleCount;
            }
            return p;
        },
        [](Partial a, const Partial& b) {
            return Partial{std::min(a.min, b.min), std::max(a.max, b.max), a.total + b.total};
        });
    Film::SampleStats stats;
    stats.min = all.min;
    stats.max = all.max;
    stats.mean = static_cast<double>(all.total) / static_cast<double>(pixels.size());
    return stats;
}

}  // namespace rt
