#pragma once
// Resume state format 1 (doc/RESUME.md, "Format 1"): the film's exact state as EXR
// channels, every double accumulator as two UINT channels (DoubleChannels.h), the sample
// count and the target each pixel was owed by the pass in progress, all under the
// `resume.` prefix that viewers show as one extra layer. Format 2 (StateFile.h) replaced
// it as the default; files of format 1 are still read, and `checkpoint_state_format 1`
// still writes it. Reading them back restores the film bit for bit.
#include <cstdint>
#include <string>
#include <vector>

#include "film/Film.h"
#include "io/ImageBuffer.h"

namespace rt {

inline constexpr const char* kFilmStatePrefix = "resume.";

bool isFilmStateChannel(const std::string& name);

// Adds (or refills, when a recycled image already has them) the state channels and
// returns a hash of their contents, to be stored in the header: any flipped byte is
// then noticed on reading. `passTargets` is width * height (see PassLoop.h).
uint64_t writeFilmState(ImageBuffer& image, const Film& film,
                        const std::vector<uint32_t>& passTargets);

// Removes the state channels (a final image without checkpoint_asfinal).
void removeFilmState(ImageBuffer& image);

// Restores the film and the pass targets from `image`. Fails, naming the channel, when a
// channel is missing or mistyped, when the size differs from the film's, or when the
// contents do not hash to `expectedHash`. `film` and `passTargets` are assigned only on
// success.
[[nodiscard]] bool readFilmState(const ImageBuffer& image, uint64_t expectedHash, Film& film,
                                 std::vector<uint32_t>& passTargets, std::string& error);

}  // namespace rt
