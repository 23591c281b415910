#pragma once
// Non-overwrite checkpoint names (MoonRay checkpoint_overwrite = false): every checkpoint
// also goes to `<base>_<NNNN><ext>`, NNNN the tile-sample total (spp x 64: a tile is 8x8
// pixels), zero-padded to the digits of the final total so that names sort in order.
#include <cstdint>
#include <string>

namespace rt {

inline constexpr uint64_t kTileSamplesPerSpp = 64;

// `fileName` is the checkpoint file (or checkpoint_multi_version_file_name, which
// overrides the base); its extension is kept: "cp/checkpoint.exr", 5 spp of 4096 ->
// "cp/checkpoint_000320.exr".
std::string multiVersionFileName(const std::string& fileName, uint32_t samplesPerPixel,
                                 uint32_t finalSamplesPerPixel);

}  // namespace rt
