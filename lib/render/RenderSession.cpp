#include "render/RenderSession.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/Log.h"
#include "io/AtomicFile.h"
#include "io/ImageFormat.h"
#include "render/CheckpointConfig.h"
#include "render/CheckpointController.h"
#include "render/ConvergencePlot.h"
#include "render/PassLoop.h"
#include "render/ProgressDisplay.h"
#include "render/StatsLog.h"
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
    if (!parentDirectoryWritable(file.path)) {
        throw SceneError(
            file.outputs.front().where,
            "output '" + file.path + "': its directory does not exist or is not writable");
    }
}

std::string describeSampling(const SamplingSettings& s) {
    if (!s.adaptive()) return std::to_string(s.uniformSamples) + " spp";
    char text[160];
    std::snprintf(text, sizeof text, "adaptive %u..%u spp, target error %g", s.minSamples,
                  s.maxSamples, s.targetAdaptiveError);
    return text;
}

std::unique_ptr<ProgressDisplay> makeProgress(ProgressMode mode, const TileRenderer& renderer,
                                              uint64_t samplesBefore) {
    if (mode == ProgressMode::Off) return nullptr;
    ProgressDisplayOptions options;
    options.terminal = mode == ProgressMode::Terminal ||
                       (mode == ProgressMode::Auto && ::isatty(::fileno(stderr)));
    return std::make_unique<ProgressDisplay>(
        [&renderer, samplesBefore] { return samplesBefore + renderer.samplesTaken(); }, options);
}

}  // namespace

RenderSession::RenderSession(const Scene& scene, const RenderOptions& options)
    : m_scene(scene),
      m_options(options),
      m_sampling(samplingSettings(scene.vars)),
      m_outputFiles(planOutputs(scene.outputs, options.beautyOverride)),
      m_film(scene.vars.renderWidth(), scene.vars.renderHeight()) {
    for (const OutputFile& file : m_outputFiles) checkWritable(file);
    const CheckpointConfig checkpointSettings = checkpointConfig(scene.vars, m_sampling);
    if (!options.statsPath.empty()) {
        std::string error;
        m_statsLog = StatsLog::open(options.statsPath, error);
        if (!m_statsLog) throw UsageError("option '-stats': " + error);
        m_listeners.push_back(m_statsLog.get());
    }
    if (!options.statsPlotPath.empty()) {
        if (!isLdrExtension(options.statsPlotPath)) {
            throw UsageError("option '-stats_plot': '" + options.statsPlotPath +
                             "' must be a .png, .jpg or .tif file");
        }
        if (!parentDirectoryWritable(options.statsPlotPath)) {
            throw UsageError("option '-stats_plot': the directory of '" + options.statsPlotPath +
                             "' does not exist or is not writable");
        }
        m_plot = std::make_unique<ConvergencePlot>();
        m_listeners.push_back(m_plot.get());
    }
    m_checkpoints = std::make_unique<CheckpointController>(checkpointSettings, m_outputFiles,
                                                           baseMetadata(), m_film, m_errors);
    m_listeners.push_back(m_checkpoints.get());
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
    log::info("Rendering " + std::to_string(m_film.width()) + "x" +
              std::to_string(m_film.height()) + ", " + describeSampling(m_sampling) + ", on " +
              std::to_string(m_stats.threads) + " threads");

    std::unique_ptr<ProgressDisplay> progress = makeProgress(m_options.progress, renderer, 0);
    std::vector<ConvergenceListener*> listeners = m_listeners;
    if (progress) listeners.push_back(progress.get());

    CheckpointController& checkpoints = *m_checkpoints;
    auto publish = [&](ConvergenceReport& report) {
        report.elapsedSeconds = checkpoints.elapsedSeconds();
        log::detail("pass " + std::to_string(report.pass) + ": mean spp " +
                    std::to_string(report.meanSpp) + ", active " +
                    std::to_string(report.activePixels) + ", mean error " +
                    std::to_string(report.meanError));
        for (ConvergenceListener* listener : listeners) listener->onPass(report);
    };
    PassLoopHooks hooks;
    hooks.publish = publish;
    if (checkpoints.active()) {
        hooks.pause = [&checkpoints] { return checkpoints.pauseDue(); };
        hooks.boundary = [&checkpoints](bool passEnded, uint32_t sppLevel) {
            return checkpoints.onBoundary(passEnded, sppLevel);
        };
        hooks.sampleLimit = checkpoints.sampleLimit();
        hooks.extraUniformTargets = checkpoints.qualitySamples();
    }
    if (progress) progress->start();
    checkpoints.start();
    const PassLoopResult result =
        m_sampling.adaptive() ? runAdaptivePasses(renderer, m_film, m_sampling, m_errors, hooks)
                              : runUniformPasses(renderer, m_film, m_sampling, m_errors, hooks);
    if (progress) progress->stop();
    m_stats.passes = result.passes;
    m_stats.complete = !result.stopped && !result.capped;
    if (result.stopped) {
        log::info("Sampling stopped early (" + checkpoints.stopReason() + ")");
    } else if (result.capped) {
        log::info("Sample cap of " + std::to_string(checkpoints.sampleLimit()) + " spp reached");
    }

    m_stats.renderSeconds = checkpoints.elapsedSeconds();
    m_stats.counters = renderer.counters();
    m_stats.samples = renderer.samplesTaken();
    if (m_stats.counters.nonFiniteSamples > 0) {
        log::warning(std::to_string(m_stats.counters.nonFiniteSamples) +
                     " samples had a non-finite radiance and were dropped");
    }
}

Metadata RenderSession::baseMetadata() const {
    Metadata metadata;
    metadata.set("rendererVersion", std::string("renderer_cmd ") + RT_VERSION);
    metadata.set("scenePath", m_scene.sourcePath);
    metadata.set("seed", static_cast<int>(m_scene.vars.seed));
    metadata.set("maxDepth", m_scene.vars.maxDepth);
    metadata.set("samplingMode", std::string(m_sampling.adaptive() ? "adaptive" : "uniform"));
    if (m_sampling.adaptive()) {
        metadata.set("minAdaptiveSamples", static_cast<int>(m_sampling.minSamples));
        metadata.set("maxAdaptiveSamples", static_cast<int>(m_sampling.maxSamples));
        metadata.set("targetAdaptiveError", m_sampling.targetAdaptiveError);
    }
    return metadata;
}

bool RenderSession::writeOutputs(std::string& error) {
    if (!m_checkpoints->writeFinal(m_stats.complete, error)) return false;
    if (m_plot) {
        if (!m_plot->write(m_options.statsPlotPath, error)) return false;
        log::info("Wrote " + m_options.statsPlotPath);
    }
    return true;
}

ExitCode RenderSession::run() {
    render();
    const Film::SampleStats spp = m_film.sampleStats();
    char summary[200];
    std::snprintf(summary, sizeof summary,
                  "Rendered in %.2f s, %d passes, spp min %u mean %.1f max %u (%.2f Mrays/s)",
                  m_stats.renderSeconds, m_stats.passes, spp.min, spp.mean, spp.max,
                  m_stats.counters.rays / std::max(m_stats.renderSeconds, 1e-9) / 1e6);
    log::info(summary);
    std::string error;
    if (!writeOutputs(error)) {
        log::error(error);
        return ExitCode::RenderFailed;
    }
    return ExitCode::Success;
}

}  // namespace rt
