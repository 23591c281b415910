#pragma once
// Runs render passes: tile-parallel (oneTBB), each pixel brought up to a requested sample
// count. Samples of a pixel are always taken in index order by one task, so the film is
// a pure function of the requested counts: independent of threads, tile size and order.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "film/Film.h"
#include "integrator/PathTracer.h"
#include "render/TileGrid.h"

namespace rt {

// How many samples a pixel should hold once the pass is done. A pixel that already has
// as many or more receives none.
using SampleTarget = std::function<uint32_t(int x, int y)>;

struct TileRendererSettings {
    uint32_t seed = 0;
    int tileSize = 8;
    int threads = 0;  // 0 = every core
};

class TileRenderer {
  public:
    TileRenderer(const RenderScene& scene, const PathTracer& tracer, Film& film,
                 const TileRendererSettings& settings);
    ~TileRenderer();

    // Returns false when `stop` was raised: tiles not yet started are skipped, so some
    // pixels hold fewer samples than requested; the film stays valid and resumable.
    bool runPass(const SampleTarget& target, const std::atomic<bool>* stop = nullptr);

    TraceCounters counters() const;
    int threads() const;
    // Samples taken by this renderer so far, updated after every tile: safe to read from
    // another thread (progress display) while a pass runs.
    uint64_t samplesTaken() const { return m_samplesTaken.load(std::memory_order_relaxed); }

  private:
    // Returns the number of samples taken.
    uint64_t renderTile(const Tile& tile, const SampleTarget& target, TraceCounters& counters);

    const RenderScene& m_scene;
    const PathTracer& m_tracer;
    Film& m_film;
    TileRendererSettings m_settings;
    TileGrid m_grid;
    std::atomic<uint64_t> m_samplesTaken{0};
    struct Parallel;
    std::unique_ptr<Parallel> m_parallel;
};

}  // namespace rt
