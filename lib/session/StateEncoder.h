#pragma once
// Encodes the film's state for a checkpoint (doc/RESUME.md, "The state file"): every
// chunk of StateChunks.h packed into byte planes and compressed with zstd, chunks in
// parallel. Only chunks whose state changed since the previous encode are packed and
// compressed again; the others keep their compressed bytes, shared with the sets still
// being written. In an adaptive render converged regions stop costing anything; in any
// render a checkpoint soon after the previous one costs what was sampled in between.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "film/Film.h"
#include "session/StateChunks.h"

namespace rt {

// zstd level of the state: 1 is zstd's fast default; negative levels were no faster on
// the shuffled planes and compressed worse (doc/PERFORMANCE.md, "Compact checkpoints").
inline constexpr int kStateCompressionLevel = 1;

struct EncodedState {
    int width = 0, height = 0;
    size_t aovDoubles = 0;                                   // per pixel (film/AovLayout.h)
    std::string aovSignature;                                // AovLayout::signature() of the film
    std::vector<std::shared_ptr<const std::string>> chunks;  // zstd frames, grid order
    size_t chunksEncoded = 0;  // packed and compressed by this encode, the rest reused

    size_t encodedBytes() const;
};

class StateEncoder {
  public:
    explicit StateEncoder(int level = kStateCompressionLevel);
    ~StateEncoder();
    StateEncoder(const StateEncoder&) = delete;
    StateEncoder& operator=(const StateEncoder&) = delete;

    // The state of `film` and `passTargets` (width * height) now. Runs on the calling
    // thread's TBB arena. The film must be the same one (or the same size and only
    // ever further sampled) from call to call; a film of another size or AOV layout
    // starts afresh.
    std::shared_ptr<const EncodedState> encode(const Film& film,
                                               const std::vector<uint32_t>& passTargets);

  private:
    struct Scratch;
    int m_level;
    int m_width = 0, m_height = 0;
    std::string m_aovSignature;
    std::vector<uint64_t> m_signatures;
    std::vector<std::shared_ptr<const std::string>> m_chunks;
    std::unique_ptr<Scratch> m_scratch;  // per-thread buffers and zstd contexts
};

}  // namespace rt
