#pragma once
// Integer hashing used to decorrelate sample streams. All functions are pure.
#include <cstdint>
#include <string_view>

namespace rt {

// 32-bit finaliser with good avalanche (Wellons, "hash prospector" lowbias32).
constexpr uint32_t mixBits32(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

// 64-bit finaliser (splitmix64).
constexpr uint64_t mixBits64(uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

constexpr uint32_t hashCombine(uint32_t seed, uint32_t value) {
    return mixBits32(seed ^ (value + 0x9e3779b9U + (seed << 6) + (seed >> 2)));
}

// FNV-1a over bytes; for fingerprints of names and parameters.
constexpr uint64_t hashString(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace rt
