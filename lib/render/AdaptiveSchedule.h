#pragma once
// The per-pixel sample counts at which adaptive sampling measures error: MoonRay's table
// n*n + n - 1 = 1, 5, 11, 19, 29, 41, 55, ... Passes always end on these counts, so which
// pixels get samples depends only on the film, never on timing or threads.
#include <cstdint>

namespace rt {

// The k-th step (k >= 1): k*k + k - 1.
constexpr uint32_t adaptiveStep(uint32_t k) {
    return k * k + k - 1;
}

// The smallest step strictly greater than `count`.
constexpr uint32_t nextAdaptiveStep(uint32_t count) {
    uint32_t k = 1;
    while (adaptiveStep(k) <= count) ++k;
    return adaptiveStep(k);
}

// The smallest step greater than or equal to `count`.
constexpr uint32_t adaptiveStepAtLeast(uint32_t count) {
    return count <= 1 ? 1 : nextAdaptiveStep(count - 1);
}

}  // namespace rt
