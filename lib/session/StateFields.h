#pragma once
// The film's exact state, field by field (doc/RESUME.md, "What the state holds"): the 15
// double accumulators of a pixel and its two counts. Both state formats visit them in this
// order: the `resume.` channels of format 1 (FilmState.h) and the byte planes of the
// state file of format 2 (StateChunks.h).
#include <array>
#include <cstdint>

#include "film/PixelAccumulator.h"

namespace rt {

// One double of the accumulator, with its format-1 channel name.
struct DoubleField {
    const char* name;
    double PixelAccumulator::*scalar;  // set for scalar fields
    Vec3d PixelAccumulator::*vector;   // set for vector fields, with `component`
    int component;

    double& of(PixelAccumulator& p) const { return scalar ? p.*scalar : (p.*vector)[component]; }
    double of(const PixelAccumulator& p) const {
        return scalar ? p.*scalar : (p.*vector)[component];
    }
};

inline const std::array<DoubleField, 15>& doubleFields() {
    using P = PixelAccumulator;
    static const std::array<DoubleField, 15> fields = {{
        {"resume.radiance.R", nullptr, &P::radianceSum, 0},
        {"resume.radiance.G", nullptr, &P::radianceSum, 1},
        {"resume.radiance.B", nullptr, &P::radianceSum, 2},
        {"resume.alpha", &P::alphaSum, nullptr, 0},
        {"resume.oddRadiance.R", nullptr, &P::oddRadianceSum, 0},
        {"resume.oddRadiance.G", nullptr, &P::oddRadianceSum, 1},
        {"resume.oddRadiance.B", nullptr, &P::oddRadianceSum, 2},
        {"resume.oddAlpha", &P::oddAlphaSum, nullptr, 0},
        {"resume.depth", &P::depthSum, nullptr, 0},
        {"resume.normal.X", nullptr, &P::normalSum, 0},
        {"resume.normal.Y", nullptr, &P::normalSum, 1},
        {"resume.normal.Z", nullptr, &P::normalSum, 2},
        {"resume.albedo.R", nullptr, &P::albedoSum, 0},
        {"resume.albedo.G", nullptr, &P::albedoSum, 1},
        {"resume.albedo.B", nullptr, &P::albedoSum, 2},
    }};
    return fields;
}

// Bytes of state per pixel: the doubles and the sample count and pass target.
inline constexpr size_t kStateBytesPerPixel = 15 * sizeof(double) + 2 * sizeof(uint32_t);

}  // namespace rt
