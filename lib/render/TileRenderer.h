#pragma once
// Runs render passes: tile-parallel (oneTBB), each pixel brought up to a requested sample
// count. Samples of a pixel are always taken in index order by one task, so the film is
// a pure function of the requested counts: independent of threads, tile size and order.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

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

    // Asked between tiles, from any worker thread: true pauses the pass. It must be
    // cheap and thread-safe (a clock read, an atomic flag).
    using PauseCheck = std::function<bool()>;

    // A pass in pieces: beginPass sets the targets, continuePass renders tiles not yet
    // done until the pass is complete (returns true) or `pause` says so (returns false:
    // tiles in flight finish, tiles not started wait for the next continuePass). Every
    // tile is either complete or untouched, so a paused film is a consistent snapshot.
    void beginPass(SampleTarget target);
    bool continuePass(const PauseCheck& pause = {});

    // beginPass + continuePass.
    bool runPass(SampleTarget target, const PauseCheck& pause = {});

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
    SampleTarget m_target;
    std::vector<uint8_t> m_tileDone;  // this pass; each entry written by one task only
    std::atomic<uint64_t> m_samplesTaken{0};
    struct Parallel;
    std::unique_ptr<Parallel> m_parallel;
};

}  // namespace rt
