#pragma once
// MoonRay's per-pixel error estimate (after Dammertz et al. 2010, "A Hierarchical
// Automatic Stopping Condition for Monte Carlo Global Illumination"), computed from the
// half buffer that holds the odd-numbered samples (doc/ADAPTIVE.md):
//   n samples, nOdd = floor(n / 2), nEven = n - nOdd
//   diff  = |(total * nOdd - odd * n) / (nOdd * nEven)|   (per channel: mean of the even
//           samples minus mean of the odd ones)
//   error = luma(diff) / sqrt(luma(total / n)) + |alphaDiff|
// When the mean luma is <= 0 only the alpha term counts. With fewer than two samples a
// half is empty and the error is infinite; a NaN error is reported as infinite too, so
// a broken pixel never counts as converged.
#include "film/PixelAccumulator.h"

namespace rt {

float pixelError(const PixelAccumulator& pixel);

}  // namespace rt
