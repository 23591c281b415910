#pragma once
// Non-overwrite checkpoint names (MoonRay checkpoint_overwrite = false): every checkpoint
// also goes to `<base>_<NNNN><ext>`, NNNN the tile-sample total (spp x 64: a tile is 8x8
// pixels), zero-padded to the digits of the final total so that names sort in order.
#include <cstdint>
#include <string>

namespace rt {

inline constexpr uint64_t kTileSamplesPerSpp = 64;

// `fileName` is the checkpoint file (or checkpoint_multi_version_file_name, which
// overrides the base); its extension is kept: "cp/checkpoint.exr", 320 tile samples (5 spp)
// of 262144 (4096 spp) -> "cp/checkpoint_000320.exr".
std::string multiVersionFileName(const std::string& fileName, uint64_t tileSamples,
                                 uint64_t finalTileSamples);

// The tile-sample total of an image: the mean samples per pixel x 64, rounded down, so a
// checkpoint taken in the middle of a pass gets its own name.
uint64_t tileSamples(uint64_t samplesDone, uint64_t pixelCount);

}  // namespace rt
