#pragma once
// Everything the film remembers about one pixel. Sums are in double precision so that
// millions of samples add up without drift, and so that a resumed render can continue
// exactly where the previous run stopped.
#include <cstdint>

#include "core/Math.h"
#include "film/PixelSample.h"

namespace rt {

struct PixelAccumulator {
    Vec3d radianceSum{0.0, 0.0, 0.0};
    double alphaSum = 0.0;
    // The half buffer (MoonRay "beauty aux"): sums over the odd-numbered samples only.
    // Comparing it with the full sum estimates the pixel's error (Dammertz et al.).
    Vec3d oddRadianceSum{0.0, 0.0, 0.0};
    double oddAlphaSum = 0.0;
    uint32_t sampleCount = 0;
    // AOV sums.
    double depthSum = 0.0;
    Vec3d normalSum{0.0, 0.0, 0.0};
    Vec3d albedoSum{0.0, 0.0, 0.0};

    // Samples must arrive in sample-index order (0, 1, 2, ...): the sums are then a
    // pure function of the samples, whatever thread or pass delivered them.
    void add(const PixelSample& s) {
        const Vec3d r(s.radiance.x, s.radiance.y, s.radiance.z);
        radianceSum += r;
        alphaSum += s.alpha;
        if (sampleCount % 2 == 1) {
            oddRadianceSum += r;
            oddAlphaSum += s.alpha;
        }
        ++sampleCount;
        depthSum += s.depth;
        normalSum += Vec3d(s.normal.x, s.normal.y, s.normal.z);
        albedoSum += Vec3d(s.albedo.x, s.albedo.y, s.albedo.z);
    }
};

}  // namespace rt
