#include "session/StateEncoder.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <atomic>

#include "io/Zstd.h"

namespace rt {

size_t EncodedState::encodedBytes() const {
    size_t bytes = 0;
    for (const auto& chunk : chunks) bytes += chunk->size();
    return bytes;
}

struct StateEncoder::Scratch {
    struct PerThread {
        std::string packed;
        ZstdCompressor zstd;
    };
    tbb::enumerable_thread_specific<PerThread> threads;
};

StateEncoder::StateEncoder(int level) : m_level(level), m_scratch(std::make_unique<Scratch>()) {}

StateEncoder::~StateEncoder() = default;

std::shared_ptr<const EncodedState> StateEncoder::encode(const Film& film,
                                                         const std::vector<uint32_t>& passTargets) {
    const StateChunkGrid grid(film.width(), film.height(), film.layout().doublesPerPixel());
    const std::string aovSignature = film.layout().signature();
    if (film.width() != m_width || film.height() != m_height || aovSignature != m_aovSignature) {
        m_width = film.width();
        m_height = film.height();
        m_aovSignature = aovSignature;
        m_signatures.assign(grid.count(), 0);
        m_chunks.assign(grid.count(), nullptr);
    }
    std::atomic<size_t> encoded{0};
    tbb::parallel_for(size_t{0}, grid.count(), [&](size_t chunk) {
        const uint64_t signature = stateChunkSignature(grid, chunk, film, passTargets);
        if (m_chunks[chunk] && m_signatures[chunk] == signature) return;
        Scratch::PerThread& scratch = m_scratch->threads.local();
        packStateChunk(grid, chunk, film, passTargets, scratch.packed);
        m_chunks[chunk] =
            std::make_shared<const std::string>(scratch.zstd.compress(scratch.packed, m_level));
        m_signatures[chunk] = signature;
        encoded.fetch_add(1, std::memory_order_relaxed);
    });
    auto state = std::make_shared<EncodedState>();
    state->width = m_width;
    state->height = m_height;
    state->aovDoubles = grid.aovDoubles();
    state->aovSignature = m_aovSignature;
    state->chunks = m_chunks;
    state->chunksEncoded = encoded.load();
    return state;
}

}  // namespace rt
