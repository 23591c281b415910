#include "session/StateChunks.h"

#include <bit>
#include <cstring>

#include "core/Error.h"
#include "core/Hash.h"
#include "session/StateFields.h"

namespace rt {

StateChunkGrid::StateChunkGrid(int width, int height, size_t aovDoubles)
    : m_width(width),
      m_height(height),
      m_columns((width + kStateChunkSize - 1) / kStateChunkSize),
      m_rows((height + kStateChunkSize - 1) / kStateChunkSize),
      m_aovDoubles(aovDoubles) {}

StateChunkGrid::Rect StateChunkGrid::rect(size_t chunk) const {
    const int column = static_cast<int>(chunk % m_columns);
    const int row = static_cast<int>(chunk / m_columns);
    const int x0 = column * kStateChunkSize, y0 = row * kStateChunkSize;
    return {x0, y0, std::min(x0 + kStateChunkSize, m_width),
            std::min(y0 + kStateChunkSize, m_height)};
}

size_t StateChunkGrid::packedBytes(size_t chunk) const {
    return rect(chunk).pixels() * (kStateBytesPerPixel + m_aovDoubles * sizeof(double));
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

// Transposes the 8x8 byte matrix whose row i is w[i] (byte j = bits 8j..8j+7): afterwards
// byte i of w[j] is what byte j of w[i] was. Three rounds of block swaps (Hacker's
// Delight, 7-3), some 30 operations for 64 bytes instead of 64 single-byte moves.
inline void transpose8x8(uint64_t w[8]) {
    for (int i = 0; i < 4; ++i) {
        const uint64_t t = ((w[i] >> 32) ^ w[i + 4]) & 0x00000000FFFFFFFFULL;
        w[i] ^= t << 32;
        w[i + 4] ^= t;
    }
    for (int i : {0, 1, 4, 5}) {
        const uint64_t t = ((w[i] >> 16) ^ w[i + 2]) & 0x0000FFFF0000FFFFULL;
        w[i] ^= t << 16;
        w[i + 2] ^= t;
    }
    for (int i : {0, 2, 4, 6}) {
        const uint64_t t = ((w[i] >> 8) ^ w[i + 1]) & 0x00FF00FF00FF00FFULL;
        w[i] ^= t << 8;
        w[i + 1] ^= t;
    }
}

// The pixels of a chunk in row order.
std::vector<const PixelAccumulator*> chunkPixels(const StateChunkGrid::Rect& r, const Film& film) {
    std::vector<const PixelAccumulator*> pixels;
    pixels.reserve(r.pixels());
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x) pixels.push_back(&film.at(x, y));
    }
    return pixels;
}

// The AOV doubles of a chunk's pixels in row order.
std::vector<const double*> chunkAovs(const StateChunkGrid::Rect& r, const Film& film) {
    std::vector<const double*> aovs;
    aovs.reserve(r.pixels());
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x) aovs.push_back(film.aovs(x, y));
    }
    return aovs;
}

// Writes the 8 byte planes of the n doubles value(0..n-1) at out; eight values at a
// time go through one byte transpose.
template <class Value>
void packPlanes(size_t n, const Value& value, unsigned char* out) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w[8];
        for (size_t k = 0; k < 8; ++k) w[k] = std::bit_cast<uint64_t>(value(i + k));
        transpose8x8(w);
        for (int b = 0; b < 8; ++b) std::memcpy(out + b * n + i, &w[b], 8);
    }
    for (; i < n; ++i) scatter(std::bit_cast<uint64_t>(value(i)), out, n, i);
}

// The inverse: store(i, value) for each of the n doubles whose planes are at in.
template <class Store>
void unpackPlanes(size_t n, const unsigned char* in, const Store& store) {
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w[8];
        for (int b = 0; b < 8; ++b) std::memcpy(&w[b], in + b * n + i, 8);
        transpose8x8(w);  // its own inverse
        for (size_t k = 0; k < 8; ++k) store(i + k, std::bit_cast<double>(w[k]));
    }
    for (; i < n; ++i) store(i, std::bit_cast<double>(gather<uint64_t>(in, n, i)));
}

}  // namespace

void packStateChunk(const StateChunkGrid& grid, size_t chunk, const Film& film,
                    const std::vector<uint32_t>& passTargets, std::string& packed) {
    RT_CHECK(grid.aovDoubles() == film.layout().doublesPerPixel());
    const StateChunkGrid::Rect r = grid.rect(chunk);
    const size_t n = r.pixels();
    packed.resize(grid.packedBytes(chunk));
    auto* out = reinterpret_cast<unsigned char*>(packed.data());
    // Field by field: each pass over the chunk's pixels writes 8 planes, which stay in
    // the cache (reading all fields of eight pixels at once was slower: 120 write streams).
    const std::vector<const PixelAccumulator*> pixels = chunkPixels(r, film);
    for (const DoubleField& field : doubleFields()) {
        packPlanes(
            n, [&](size_t i) { return field.of(*pixels[i]); }, out);
        out += 8 * n;
    }
    const std::vector<const double*> aovs = chunkAovs(r, film);
    for (size_t d = 0; d < grid.aovDoubles(); ++d) {
        packPlanes(
            n, [&](size_t i) { return aovs[i][d]; }, out);
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
    RT_CHECK(packed.size() == grid.packedBytes(chunk));
    RT_CHECK(grid.aovDoubles() == film.layout().doublesPerPixel());
    const auto* in = reinterpret_cast<const unsigned char*>(packed.data());
    std::vector<PixelAccumulator*> pixels;
    std::vector<double*> aovs;
    pixels.reserve(n);
    aovs.reserve(n);
    for (int y = r.y0; y < r.y1; ++y) {
        for (int x = r.x0; x < r.x1; ++x) {
            pixels.push_back(&film.at(x, y));
            aovs.push_back(film.aovs(x, y));
        }
    }
    for (const DoubleField& field : doubleFields()) {
        unpackPlanes(n, in, [&](size_t i, double v) { field.of(*pixels[i]) = v; });
        in += 8 * n;
    }
    for (size_t d = 0; d < grid.aovDoubles(); ++d) {
        unpackPlanes(n, in, [&](size_t i, double v) { aovs[i][d] = v; });
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
