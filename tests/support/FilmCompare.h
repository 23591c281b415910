#pragma once
// Bit-for-bit comparison of two films' accumulators: the determinism and resume
// guarantees are about these sums, not about images within a tolerance.
#include <gtest/gtest.h>

#include <cstring>
#include <vector>

#include "film/PixelAccumulator.h"

namespace rt::test {

inline bool sameBits(const Vec3d& a, const Vec3d& b) {
    return std::memcmp(&a, &b, sizeof(Vec3d)) == 0;
}

inline bool sameBits(double a, double b) {
    return std::memcmp(&a, &b, sizeof(double)) == 0;
}

// Success when every sum and count of every pixel is identical; otherwise names the
// first pixel that differs.
inline ::testing::AssertionResult identicalPixels(const std::vector<PixelAccumulator>& a,
                                                  const std::vector<PixelAccumulator>& b) {
    if (a.size() != b.size()) {
        return ::testing::AssertionFailure()
               << "pixel counts differ: " << a.size() << " and " << b.size();
    }
    for (size_t i = 0; i < a.size(); ++i) {
        const PixelAccumulator &p = a[i], &q = b[i];
        if (!sameBits(p.radianceSum, q.radianceSum) || !sameBits(p.alphaSum, q.alphaSum) ||
            !sameBits(p.oddRadianceSum, q.oddRadianceSum) ||
            !sameBits(p.oddAlphaSum, q.oddAlphaSum) || p.sampleCount != q.sampleCount ||
            !sameBits(p.depthSum, q.depthSum) || !sameBits(p.normalSum, q.normalSum) ||
            !sameBits(p.albedoSum, q.albedoSum)) {
            return ::testing::AssertionFailure() << "pixel " << i << " differs";
        }
    }
    return ::testing::AssertionSuccess();
}

}  // namespace rt::test
