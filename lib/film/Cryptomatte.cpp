#include "film/Cryptomatte.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>

#include "core/MurmurHash.h"

namespace rt {

uint32_t cryptomatteIdFromHash(uint32_t hash) {
    const uint32_t exponent = std::clamp((hash >> 23) & 0xffu, 1u, 254u);
    return (hash & 0x807fffffu) | (exponent << 23);
}

uint32_t cryptomatteId(std::string_view name) {
    return cryptomatteIdFromHash(murmurHash3(name));
}

std::string cryptomatteHex(uint32_t id) {
    char text[9];
    std::snprintf(text, sizeof text, "%08x", id);
    return text;
}

std::string cryptomatteKey(std::string_view layerName) {
    return cryptomatteHex(murmurHash3(layerName)).substr(0, 7);
}

void addCryptomatteSample(double* entries, int depth, uint32_t id) {
    if (id == 0) return;
    const double key = static_cast<double>(id);
    for (int k = 0; k < cryptomatteCapacity(depth); ++k) {
        double* entry = entries + 2 * k;
        if (entry[0] == key) {
            entry[1] += 1.0;
            return;
        }
        if (entry[0] == 0.0) {
            entry[0] = key;
            entry[1] = 1.0;
            return;
        }
    }
}

void resolveCryptomatte(const double* entries, int depth, uint32_t sampleCount, float* out) {
    struct Rank {
        uint32_t id;
        double count;
    };
    std::array<Rank, cryptomatteCapacity(kMaxCryptomatteDepth)> ranks;  // no allocation per pixel
    size_t n = 0;
    for (int k = 0; k < cryptomatteCapacity(depth) && entries[2 * k] != 0.0; ++k)
        ranks[n++] = {static_cast<uint32_t>(entries[2 * k]), entries[2 * k + 1]};
    std::sort(ranks.begin(), ranks.begin() + n, [](const Rank& a, const Rank& b) {
        return a.count != b.count ? a.count > b.count : a.id < b.id;
    });
    std::fill(out, out + cryptomatteChannels(depth), 0.0f);
    for (size_t r = 0; r < n && r < static_cast<size_t>(depth); ++r) {
        out[2 * r] = std::bit_cast<float>(ranks[r].id);
        out[2 * r + 1] = static_cast<float>(ranks[r].count / sampleCount);
    }
}

}  // namespace rt
