#pragma once
// MurmurHash3, 32-bit x86 variant (libmurmurhash): the hash the Cryptomatte
// specification names for its ids, so the ids we write match what Nuke's and Blender's
// decoders compute from a name.
#include <cstdint>
#include <string_view>

namespace rt {

uint32_t murmurHash3(std::string_view bytes, uint32_t seed = 0);

}  // namespace rt
