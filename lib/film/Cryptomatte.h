#pragma once
// Cryptomatte (Psyop's open specification, version 1.2): ID mattes a compositor keys by
// name. Every object name hashes to a float id (MurmurHash3, exponent clamped to
// [1, 254] so no id is a denormal, infinite or NaN); a pixel keeps the coverage of each
// id its camera samples hit first, and the file gets the ids of the `depth` largest
// coverages as rank/coverage pairs, two ranks per RGBA layer ({name}00, {name}01, ...),
// with the manifest (name -> id) in its header.
//
// A pixel remembers up to 2 x depth distinct ids (the first ones its samples meet, in
// sample order, so the state is a pure function of the samples and resumes exactly);
// the coverage of a further id is not kept. Every sample weighs 1 (box pixel filter),
// so coverages are counts over the pixel's samples and they sum to its alpha.
#include <cstdint>
#include <string>
#include <string_view>

#include "scene/RenderOutput.h"

namespace rt {

// The bits of the float id of `name`, and the raw hash's bits made into one.
uint32_t cryptomatteId(std::string_view name);
uint32_t cryptomatteIdFromHash(uint32_t hash);
// Eight lower-case hex digits: how the manifest writes an id.
std::string cryptomatteHex(uint32_t id);
// The 7-character key of a layer's metadata ("cryptomatte/<key>/name").
std::string cryptomatteKey(std::string_view layerName);

// Ids a pixel keeps, doubles of film state per pixel, and channels written.
constexpr int cryptomatteCapacity(int depth) {
    return 2 * depth;
}
constexpr int cryptomatteDoubles(int depth) {
    return 2 * cryptomatteCapacity(depth);
}
constexpr int cryptomatteChannels(int depth) {
    return 4 * ((depth + 1) / 2);
}

// A pixel's entries: (id, count) pairs of doubles, id 0 = unused. Adds one sample that
// hit id `id` (0: the sample hit nothing, which adds nothing).
void addCryptomatteSample(double* entries, int depth, uint32_t id);
// The pixel's layers: cryptomatteChannels(depth) floats of (id as float, coverage)
// pairs, largest coverage first (equal coverages: smaller id first), zero-padded.
void resolveCryptomatte(const double* entries, int depth, uint32_t sampleCount, float* out);

}  // namespace rt
