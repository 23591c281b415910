#include "render/TileRenderer.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
#include <tbb/task_arena.h>

#include <chrono>
#include <limits>
#include <mutex>
#include <optional>

namespace rt {

struct TileRenderer::Parallel {
    tbb::task_arena arena;
    std::mutex countersMutex;
    TraceCounters counters;

    explicit Parallel(int threads) : arena(threads > 0 ? threads : tbb::task_arena::automatic) {}
};

TileRenderer::TileRenderer(const RenderScene& scene, const PathTracer& tracer, Film& film,
                           const TileRendererSettings& settings)
    : m_scene(scene),
      m_tracer(tracer),
      m_film(film),
      m_settings(settings),
      m_grid(film.width(), film.height(), settings.tileSize),
      m_parallel(std::make_unique<Parallel>(settings.threads)) {}

TileRenderer::~TileRenderer() = default;

int TileRenderer::threads() const {
    return m_parallel->arena.max_concurrency();
}

TraceCounters TileRenderer::counters() const {
    std::lock_guard<std::mutex> lock(m_parallel->countersMutex);
    return m_parallel->counters;
}

uint64_t TileRenderer::renderTile(const Tile& tile, const SampleTarget& target,
                                  TraceCounters& counters) {
    const CameraRayGenerator& camera = m_scene.camera();
    const AovPrograms* programs = m_tracer.aovPrograms();
    std::optional<SampleAovs> aovs;
    if (programs && !programs->empty()) aovs.emplace(*programs);
    uint64_t taken = 0;
    for (int y = tile.y0; y < tile.y1; ++y) {
        for (int x = tile.x0; x < tile.x1; ++x) {
            PixelAccumulator& pixel = m_film.at(x, y);
            const uint32_t wanted = target(x, y);
            if (wanted > pixel.sampleCount) taken += wanted - pixel.sampleCount;
            for (uint32_t index = pixel.sampleCount; index < wanted; ++index) {
                PixelSampler sampler(Vec2i(x, y), index, m_settings.seed);
                const Vec2f jitter = sampler.get2D();  // box pixel filter
                const Ray ray = camera.generate(static_cast<float>(x) + jitter.x,
                                                static_cast<float>(y) + jitter.y);
                if (!aovs) {
                    pixel.add(m_tracer.trace(ray, sampler, counters));
                    continue;
                }
                const auto start = std::chrono::steady_clock::now();
                const PixelSample sample = m_tracer.trace(ray, sampler, counters, &*aovs);
                if (!programs->timePerPixelOffsets().empty()) {
                    // The one output that depends on timing, by its nature (doc/OUTPUT.md).
                    const float seconds =
                        std::chrono::duration<float>(std::chrono::steady_clock::now() - start)
                            .count();
                    for (size_t offset : programs->timePerPixelOffsets())
                        aovs->values()[offset] = seconds;
                }
                pixel.add(sample);
                m_film.addAovs(
                    x, y, aovs->values(),
                    sample.alpha > 0.0f ? sample.depth : std::numeric_limits<float>::infinity());
            }
        }
    }
    return taken;
}

void TileRenderer::beginPass(SampleTarget target) {
    m_target = std::move(target);
    m_tileDone.assign(m_grid.size(), 0);
}

bool TileRenderer::continuePass(const PauseCheck& pause) {
    std::atomic<bool> paused{false};
    m_parallel->arena.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<size_t>(0, m_grid.size(), 1),
            [&](const tbb::blocked_range<size_t>& range) {
                TraceCounters local;
                for (size_t i = range.begin(); i != range.end(); ++i) {
                    if (m_tileDone[i]) continue;
                    // Checked between tiles: a pause never waits for a whole pass.
                    if (paused.load(std::memory_order_relaxed) || (pause && pause())) {
                        paused = true;
                        break;
                    }
                    m_samplesTaken += renderTile(m_grid[i], m_target, local);
                    m_tileDone[i] = 1;
                }
                std::lock_guard<std::mutex> lock(m_parallel->countersMutex);
                m_parallel->counters += local;
            },
            tbb::simple_partitioner());
    });
    return !paused;
}

bool TileRenderer::runPass(SampleTarget target, const PauseCheck& pause) {
    beginPass(std::move(target));
    return continuePass(pause);
}

}  // namespace rt
