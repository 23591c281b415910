#include "session/RenderSession.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/Log.h"
#include "core/ProcessClock.h"
#include "io/AtomicFile.h"
#include "io/ImageFormat.h"
#include "render/PassLoop.h"
#include "render/TileRenderer.h"
#include "report/ConvergencePlot.h"
#include "report/ProgressDisplay.h"
#include "report/StatsLog.h"
#include "session/CheckpointConfig.h"
#include "session/CheckpointController.h"
#include "session/CheckpointSetReader.h"
#include "session/CryptomatteMetadata.h"
#include "session/HeaderAttributes.h"
#include "session/ResumeLoader.h"
#include "session/SignalRequests.h"

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
                                              uint64_t samplesBefore, double secondsBefore,
                                              const SequencePosition& sequence) {
    if (mode == ProgressMode::Off) return nullptr;
    ProgressDisplayOptions options;
    options.sequence = sequence;
    options.samplesAtStart = samplesBefore;
    options.secondsAtStart = secondsBefore;
    options.terminal = mode == ProgressMode::Terminal ||
                       (mode == ProgressMode::Auto && ::isatty(::fileno(stderr)));
    return std::make_unique<ProgressDisplay>(
        [&renderer, samplesBefore] { return samplesBefore + renderer.samplesTaken(); }, options);
}

std::string describeResume(const ResumeReport& report) {
    const ResumeHeader& h = report.header;
    char text[400];
    std::snprintf(text, sizeof text,
                  "Resuming render %s from '%s': checkpoint %d, spp min %u mean %.2f max %u, "
                  "%.2f s sampled in %zu earlier run(s)",
                  h.renderId.c_str(), report.files.front().c_str(), h.serial, report.sppMin,
                  report.sppMean, report.sppMax, h.elapsedSeconds, h.history.size());
    return text;
}

// The output files with the header attributes that depend on the scene.
std::vector<OutputFile> planOutputFiles(const Scene& scene, const std::string& beautyOverride) {
    std::vector<OutputFile> files = planOutputs(scene.outputs, beautyOverride);
    std::vector<std::string> objects;
    for (const LayerAssignment& entry : scene.layer) {
        if (entry.geometry >= 0 && entry.geometry < static_cast<int>(scene.geometries.size()))
            objects.push_back(scene.geometries[static_cast<size_t>(entry.geometry)].name);
    }
    addCryptomatteMetadata(files, objects);
    addHeaderAttributes(files, scene);
    return files;
}

}  // namespace

RenderSession::RenderSession(const Scene& scene, const RenderOptions& options)
    : m_scene(scene),
      m_options(options),
      m_sampling(samplingSettings(scene.vars)),
      m_outputFiles(planOutputFiles(scene, options.beautyOverride)),
      m_film(scene.vars.renderWidth(), scene.vars.renderHeight(), aovLayoutFor(scene.outputs)),
      m_passTargets(m_film.pixelCount(), 0) {
    for (const OutputFile& file : m_outputFiles) checkWritable(file);
    const CheckpointConfig checkpointSettings = checkpointConfig(scene.vars, m_sampling);
    if (checkpointSettings.stateFormat == 1 && !m_film.layout().empty()) {
        throw UsageError(
            "checkpoint_state_format 1 cannot hold the accumulators of state variable, "
            "light aov and cryptomatte outputs; use format 2");
    }
    m_resume = resumeConfig(scene.vars);
    m_resumeTarget = resumeTarget(scene);
    if (m_resume.finalResumable && stateFileIndex(m_outputFiles) >= m_outputFiles.size()) {
        log::warning(
            "checkpoint_asfinal / resumable_output: no output is an EXR file, so the "
            "final image cannot keep the resume state");
    }
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
        std::string fontError;
        if (fontAvailable(options.statsPlotFont, fontError)) {
            m_plot = std::make_unique<ConvergencePlot>(options.statsPlotFont);
            m_listeners.push_back(m_plot.get());
        } else {
            // A missing font costs the plot, never the render.
            log::warning("option '-stats_plot': " + fontError + "; '" + options.statsPlotPath +
                         "' is not drawn");
        }
    }
    ResumeStamp stamp;
    stamp.fingerprint = m_resumeTarget.fingerprint;
    stamp.sampling = m_resumeTarget.sampling;
    stamp.finalResumable = m_resume.finalResumable;
    m_checkpoints =
        std::make_unique<CheckpointController>(checkpointSettings, m_outputFiles, baseMetadata(),
                                               FilmView{m_film, m_errors, m_passTargets}, stamp);
    m_checkpoints->setPostHooks(
        PostCheckpointHooks(postCheckpointConfig(scene.vars, options.allowSystemCommands),
                            options.runPostCheckpointScript));
    m_checkpoints->watchSignals(options.signals);
    m_checkpoints->setFrame(scene.vars.extraFloat("frame", 0.0f));
    m_listeners.push_back(m_checkpoints.get());
    const auto start = Clock::now();
    m_renderScene = std::make_unique<RenderScene>(scene);
    m_aovPrograms = std::make_unique<AovPrograms>(scene, *m_renderScene);
    m_tracer =
        std::make_unique<PathTracer>(*m_renderScene, scene.vars.maxDepth, m_aovPrograms.get());
    m_stats.prepSeconds = secondsSince(start);
}

RenderSession::~RenderSession() = default;

void RenderSession::resume() {
    const ResumeConfig& config = m_resume;
    if (!config.resume) return;
    std::vector<CheckpointFile> checkpointFiles = m_checkpoints->checkpointFiles();
    if (checkpointFiles.empty()) {
        // Not checkpointing in this run, but an earlier run may have been.
        try {
            checkpointFiles = planCheckpointFiles(m_outputFiles);
        } catch (const SceneError&) {
        }
    }
    ResumeLoad load =
        loadResume(resumeCandidates(m_outputFiles, checkpointFiles), m_resumeTarget, m_film);
    for (const std::string& note : load.notes) log::info("Resume: " + note);
    for (const CheckpointFile& checkpoint : checkpointFiles) {
        const size_t removed = removeVersionedParts(checkpoint.multiVersionBase);
        if (removed > 0) {
            log::info("Resume: removed " + std::to_string(removed) +
                      " .part file(s) of unfinished versioned checkpoints");
        }
    }
    m_resumeReport = std::move(load.report);
    const ResumeReport& report = m_resumeReport;
    if (report.resumed) {
        m_passTargets = std::move(load.passTargets);
        log::info(describeResume(report));
        m_checkpoints->resumeFrom(report.header,
                                  m_sampling.adaptive() ? report.sppMax : report.sppMin);
    } else {
        log::warning("Resume: starting from scratch: " + report.reason);
    }
    if (!config.onResumeScript.empty()) {
        if (m_options.runResumeScript) {
            m_options.runResumeScript(config.onResumeScript, report);
        } else {
            log::warning("on_resume_script '" + config.onResumeScript + "' is not run here");
        }
    }
    if (!report.resumed && config.strict) {
        throw ResumeError("cannot resume (-resume_strict): " + report.reason);
    }
}

void RenderSession::render() {
    // From here on a signal asks for a checkpoint instead of ending the process.
    if (m_options.signals) m_options.signals->startRendering();
    resume();
    TileRendererSettings settings;
    settings.seed = m_scene.vars.seed;
    settings.tileSize = m_options.tileSize;
    settings.threads = m_options.threads;
    TileRenderer renderer(*m_renderScene, *m_tracer, m_film, settings);
    m_stats.threads = renderer.threads();
    log::info("Rendering " + std::to_string(m_film.width()) + "x" +
              std::to_string(m_film.height()) + ", " + describeSampling(m_sampling) + ", on " +
              std::to_string(m_stats.threads) + " threads");

    const uint64_t samplesBefore =
        static_cast<uint64_t>(std::llround(m_film.sampleStats().mean * m_film.pixelCount()));
    std::unique_ptr<ProgressDisplay> progress =
        makeProgress(m_options.progress, renderer, samplesBefore, m_checkpoints->priorSeconds(),
                     m_options.sequence);
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
    // Signals reach the boundary even when checkpointing is off.
    hooks.pause = [&checkpoints] { return checkpoints.pauseDue(); };
    hooks.boundary = [&checkpoints](bool passEnded, uint32_t sppLevel) {
        return checkpoints.onBoundary(passEnded, sppLevel);
    };
    if (checkpoints.active()) {
        hooks.sampleLimit = checkpoints.sampleLimit();
        hooks.extraUniformTargets = checkpoints.qualitySamples();
    }
    if (progress) progress->start();
    checkpoints.start(m_stats.threads, samplesBefore);
    char started[100];
    std::snprintf(started, sizeof started, "Sampling starts %.3f s after process start",
                  secondsSinceProcessStart());
    log::detail(started);
    const PassLoopResult result =
        m_sampling.adaptive()
            ? runAdaptivePasses(renderer, m_film, m_sampling, m_errors, m_passTargets, hooks)
            : runUniformPasses(renderer, m_film, m_sampling, m_errors, m_passTargets, hooks);
    if (progress) progress->stop();
    m_stats.passes = result.passes;
    m_stats.complete = !result.stopped && !result.capped;
    if (result.stopped) {
        log::info("Sampling stopped early (" + checkpoints.stopReason() + ")");
    } else if (result.capped) {
        log::info("Sample cap of " + std::to_string(checkpoints.sampleLimit()) + " spp reached");
    }

    m_stats.renderSeconds = checkpoints.runSeconds();
    m_stats.counters = renderer.counters();
    m_stats.samples = renderer.samplesTaken();
    // Work a stop would lose: every sample taken is in the film that the stop's checkpoint
    // writes, because tiles in flight finish first (signal_bench --preemptions measures it).
    const uint64_t samplesKept =
        static_cast<uint64_t>(std::llround(m_film.sampleStats().mean * m_film.pixelCount())) -
        samplesBefore;
    log::detail("Samples this run: " + std::to_string(m_stats.samples) + " taken, " +
                std::to_string(samplesKept) + " in the film");
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
    const bool interrupted = m_checkpoints->stopSignal() != 0;
    if (!writeOutputs(error)) {
        log::error(error);
        return interrupted ? ExitCode::InterruptedNoCheckpoint : ExitCode::RenderFailed;
    }
    if (interrupted) {
        log::info("Interrupted: resume with -resume_render to finish the render");
        return ExitCode::Interrupted;
    }
    return ExitCode::Success;
}

}  // namespace rt
