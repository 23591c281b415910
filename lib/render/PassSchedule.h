#pragma once
// Uniform sampling in passes of growing size: 1, 2, 4, 8 ... samples per pixel, up to
// the total. The first pass gives a complete image quickly; later passes amortise the
// per-pass overhead. The schedule depends only on the total, never on timing.
#include <cstdint>
#include <vector>

namespace rt {

std::vector<uint32_t> uniformPassTargets(uint32_t samplesPerPixel);

}  // namespace rt
