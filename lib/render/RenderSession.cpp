#include "render/RenderSession.h"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/Log.h"
#include "io/ExrFile.h"
#include "io/ImageFormat.h"
#include "io/LdrFile.h"
#include "render/PassSchedule.h"
#include "render/TileRenderer.h"

#ifndef RT_VERSION
#define RT_VERSION "unknown"
#endif

namespace rt {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Fails before rendering rather than after hours of work.
void checkWritable(const OutputFile& file) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(file.path).parent_path();
    if (dir.empty()) dir = ".";
    std::error_code ec;
    if (!fs::is_directory(dir, ec) || ::access(dir.c_str(), W_OK) != 0) {
        const RenderOutput& first = file.outputs.front();
        throw SceneError(first.where, "output '" + file.path + "': directory '" + dir.string() +
                                          "' does not exist or is not writable");
    }
}

}  // namespace

RenderSession::RenderSession(const Scene& scene, const RenderOptions& options)
    : m_scene(scene),
      m_options(options),
      m_outputFiles(planOutputs(scene.outputs, options.beautyOverride)),
      m_film(scene.vars.renderWidth(), scene.vars.renderHeight()) {
    for (const OutputFile& file : m_outputFiles) checkWritable(file);
    const auto start = Clock::now();
    m_renderScene = std::make_unique<RenderScene>(scene);
    m_tracer = std::make_unique<PathTracer>(*m_renderScene, scene.vars.maxDepth);
    m_stats.prepSeconds = secondsSince(start);
}

RenderSession::~RenderSession() = default;

void RenderSession::render() {
    TileRendererSettings settings;
    settings.seed = m_scene.vars.seed;
    settings.tileSize = m_options.tileSize;
    settings.threads = m_options.threads;
    TileRenderer renderer(*m_renderScene, *m_tracer, m_film, settings);
    m_stats.threads = renderer.threads();

    const uint32_t spp = m_scene.vars.samplesPerPixel();
    log::info("Rendering " + std::to_string(m_film.width()) + "x" +
              std::to_string(m_film.height()) + " at " + std::to_string(spp) + " spp on " +
              std::to_string(m_stats.threads) + " threads");
    const auto start = Clock::now();
    for (uint32_t target : uniformPassTargets(spp)) {
        renderer.runPass([target](int, int) { return target; });
        log::detail("  " + std::to_string(target) + " spp after " +
                    std::to_string(secondsSince(start)) + " s");
    }
    m_stats.renderSeconds = secondsSince(start);
    m_stats.counters = renderer.counters();
    m_stats.samples = static_cast<uint64_t>(spp) * m_film.pixelCount();
    if (m_stats.counters.nonFiniteSamples > 0) {
        log::warning(std::to_string(m_stats.counters.nonFiniteSamples) +
                     " samples had a non-finite radiance and were dropped");
    }
}

bool RenderSession::writeOutputs(std::string& error) const {
    const Film::SampleStats spp = m_film.sampleStats();
    Metadata metadata;
    metadata.set("rendererVersion", std::string("renderer_cmd ") + RT_VERSION);
    metadata.set("scenePath", m_scene.sourcePath);
    metadata.set("seed", static_cast<int>(m_scene.vars.seed));
    metadata.set("maxDepth", m_scene.vars.maxDepth);
    metadata.set("samplesPerPixelMin", static_cast<int>(spp.min));
    metadata.set("samplesPerPixelMax", static_cast<int>(spp.max));
    metadata.set("samplesPerPixelMean", spp.mean);
    metadata.set("renderTime", m_stats.renderSeconds);

    for (const OutputFile& file : m_outputFiles) {
        const ImageBuffer image = buildOutputImage(file, m_film);
        bool ok;
        if (isLdrExtension(file.path)) {
            ok = writeLdr(file.path, image, error);
        } else {
            ExrWriteOptions options;
            options.compression = file.compression;
            ok = writeExr(file.path, image, metadata, options, error);
        }
        if (!ok) return false;
        log::info("Wrote " + file.path);
    }
    return true;
}

ExitCode RenderSession::run() {
    render();
    log::info("Rendered in " + std::to_string(m_stats.renderSeconds) + " s (" +
              std::to_string(m_stats.counters.rays / std::max(m_stats.renderSeconds, 1e-9) / 1e6) +
              " Mrays/s)");
    std::string error;
    if (!writeOutputs(error)) {
        log::error(error);
        return ExitCode::RenderFailed;
    }
    return ExitCode::Success;
}

}  // namespace rt
