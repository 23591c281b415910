#pragma once
// The film's state cut into square chunks of pixels, each packed as byte planes
// (doc/RESUME.md, "The state file"). A sum of float samples kept in a double has its
// sign, exponent and leading mantissa bits in common with its neighbours' and often
// trailing zero bytes: grouping byte k of every value of a chunk (a "shuffle") turns
// that into long runs a fast codec compresses well, where the values as they lie in
// memory look random to it. Chunks are independent: they are packed, compressed and
// decoded in parallel, and one that did not change since the last checkpoint is not
// packed again (StateEncoder.h).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "film/Film.h"

namespace rt {

inline constexpr int kStateChunkSize = 64;  // pixels on a side

class StateChunkGrid {
  public:
    // `aovDoubles`: the film's AOV doubles per pixel (film/AovLayout.h), packed after
    // the fixed fields.
    StateChunkGrid(int width, int height, size_t aovDoubles = 0);

    int width() const { return m_width; }
    int height() const { return m_height; }
    size_t aovDoubles() const { return m_aovDoubles; }
    size_t count() const { return static_cast<size_t>(m_columns) * m_rows; }

    struct Rect {
        int x0, y0, x1, y1;  // [x0, x1) x [y0, y1)
        size_t pixels() const { return static_cast<size_t>(x1 - x0) * (y1 - y0); }
    };
    Rect rect(size_t chunk) const;
    // Bytes of a packed chunk.
    size_t packedBytes(size_t chunk) const;

  private:
    int m_width, m_height, m_columns, m_rows;
    size_t m_aovDoubles;
};

// Packs chunk `chunk` of `film` and `passTargets` (width * height) into `packed`:
// for each double field of StateFields.h its 8 byte planes (least significant byte
// first), then those of each AOV double, then the 4 planes of the sample count and of the pass
// target; pixels in row order within the chunk.
void packStateChunk(const StateChunkGrid& grid, size_t chunk, const Film& film,
                    const std::vector<uint32_t>& passTargets, std::string& packed);

// The inverse; `packed` must hold packedBytes(chunk) bytes.
void unpackStateChunk(const StateChunkGrid& grid, size_t chunk, std::string_view packed, Film& film,
                      std::vector<uint32_t>& passTargets);

// Changes whenever the chunk's state changes within one render: sample counts only
// grow and every accumulator changes only with a sample, so the sum of the counts and
// a hash of the pass targets cover every change.
uint64_t stateChunkSignature(const StateChunkGrid& grid, size_t chunk, const Film& film,
                             const std::vector<uint32_t>& passTargets);

}  // namespace rt
