#include "core/MurmurHash.h"

#include <murmurhash.h>

namespace rt {

uint32_t murmurHash3(std::string_view bytes, uint32_t seed) {
    uint32_t out[1];
    lmmh_x86_32(bytes.data(), static_cast<unsigned>(bytes.size()), seed, out);
    return out[0];
}

}  // namespace rt
