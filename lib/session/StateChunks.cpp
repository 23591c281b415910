#include "session/StateChunks.h"

#include <bit>
#include <cstring>

#include "core/Error.h"
#include "core/Hash.h"
#include "session/StateFields.h"

namespace rt {

StateChunkGrid::StateChunkGrid(int width, int height)
    : m_width(width),
      m_height(height),
      m_columns((width + kStateChunkSize - 1) / kStateChunkSize),
      m_rows((height + kStateChunkSize - 1) / kStateChunkSize) {}

StateChunkGrid::Rect StateChunkGrid::rect(size_t chunk) const {
    const int column = static_cast<int>(chunk % m_columns);
    const int row = static_cast<int>(chunk / m_columns);
    const int x0 = column * kStateChunkSize, y0 = row * kStateChunkSize;
    return {x0, y0, std::min(x0 + kStateChunkSize, m_width),
            std::min(y0 + kStateChunkSize, m_height)};
}

size_t StateChunkGrid::packedBytes(size_t chunk) const {
    return rect(chunk).pixels() * kStateBytesPerPixel;
}

namespace {

// Byte b of the n values of one field goes to planes[b * n + i].
template <class Word>
inline void scatter(Word value, unsigned char* planes, size_t n, size_t i) {
    for (size_t b = 0; b < sizeof(Word); ++b) {
        planes[b * n + i] = static_cast<unsigned char>(value >> (8 * b));
    }
}

template <class Word>
inline Word gather(const unsigned char* planes, size_t n, size_t i) {
    Word value = 0;
    for (size_t b = 0; b < sizeof(Word); ++b) {
        value |= static_cast<Word>(planes[b * n + i]) << (8 * b);
    }
    return value;
}

}  // namespace

void packStateChunk(const StateChunkGrid& grid, size_t chunk, const Film& film,
                    const std::vector<uint32_t>& passTargets, std::string& packed) {
    const StateChunkGrid::Rect r = grid.rect(chunk);
    const size_t n = r.pixels();
    packed.resize(n * kStateBytesPerPixel);
    auto* out = reinterpret_cast<unsigned char*>(packed.data());
    // Field by field: each pass over the chunk's pixels writes 8 planes, which stay in
    // the cache; the accumulators (128 bytes apart) are read 15 times, also from cache.
    for (const DoubleField& field : doubleFields()) {
        size_t i = 0;
        for (int y = r.y0; y < r.y1; ++y) {
            for (int x = r.x0; x < r.x1; ++x, ++i) {
                scatter(std::bit_cast<uint64_t>(field.of(film.at(x, y))), out, n, i);
            }
        }
        out += 8 * n;
    }
    size_t i = 0;
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x, ++i) {
            scatter(film.at(x, y).sampleCount, out, n, i);
            scatter(passTargets[static_cast<size_t>(y) * grid.width() + x], out + 4 * n, n, i);
        }
    }
}

void unpackStateChunk(const StateChunkGrid& grid, size_t chunk, std::string_view packed, Film& film,
                      std::vector<uint32_t>& passTargets) {
    const StateChunkGrid::Rect r = grid.rect(chunk);
    const size_t n = r.pixels();
    RT_CHECK(packed.size() == n * kStateBytesPerPixel);
    const auto* in = reinterpret_cast<const unsigned char*>(packed.data());
    for (const DoubleField& field : doubleFields()) {
        size_t i = 0;
        for (int y = r.y0; y < r.y1; ++y) {
            for (int x = r.x0; x < r.x1; ++x, ++i) {
                field.of(film.at(x, y)) = std::bit_cast<double>(gather<uint64_t>(in, n, i));
            }
        }
        in += 8 * n;
    }
    size_t i = 0;
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x, ++i) {
            film.at(x, y).sampleCount = gather<uint32_t>(in, n, i);
            passTargets[static_cast<size_t>(y) * grid.width() + x] =
                gather<uint32_t>(in + 4 * n, n, i);
        }
    }
}

uint64_t stateChunkSignature(const StateChunkGrid& grid, size_t chunk, const Film& film,
                             const std::vector<uint32_t>& passTargets) {
    const StateChunkGrid::Rect r = grid.rect(chunk);
    uint64_t samples = 0;
    uint64_t targets = 0xcbf29ce484222325ULL;
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x) {
            samples += film.at(x, y).sampleCount;
            targets = (targets ^ passTargets[static_cast<size_t>(y) * grid.width() + x]) *
                      0x100000001b3ULL;
        }
    }
    return mixBits64(samples) ^ targets;
}

}  // namespace rt
