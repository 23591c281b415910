#include "film/PixelError.h"

#include <cmath>
#include <limits>

namespace rt {

float pixelError(const PixelAccumulator& pixel) {
    constexpr float kInfinite = std::numeric_limits<float>::infinity();
    const uint32_t n = pixel.sampleCount;
    const double nOdd = static_cast<double>(n / 2);
    const double nEven = static_cast<double>(n) - nOdd;
    if (nOdd == 0.0) return kInfinite;

    const double norm = 1.0 / (nOdd * nEven);
    const Vec3d& total = pixel.radianceSum;
    const Vec3d& odd = pixel.oddRadianceSum;
    const Vec3d diff(std::abs(total.x * nOdd - odd.x * n) * norm,
                     std::abs(total.y * nOdd - odd.y * n) * norm,
                     std::abs(total.z * nOdd - odd.z * n) * norm);
    const double alphaDiff = std::abs(pixel.alphaSum * nOdd - pixel.oddAlphaSum * n) * norm;

    const double meanLuma = luminance(total) / n;
    if (std::isnan(meanLuma)) return kInfinite;  // must not fall into the alpha-only branch
    const double error =
        meanLuma > 0.0 ? luminance(diff) / std::sqrt(meanLuma) + alphaDiff : alphaDiff;
    return std::isnan(error) ? kInfinite : static_cast<float>(error);
}

}  // namespace rt
