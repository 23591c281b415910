#pragma once
// One render from a loaded scene to written output files: prepares the scene, runs the
// sampling passes (uniform or adaptive), reports convergence after every pass to its
// listeners (progress, -stats, the plot), writes checkpoints while the image refines
// (CheckpointController, at the pass loop's one boundary) and writes the outputs.
#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "checkpoint/ResumeState.h"
#include "core/Error.h"
#include "film/Film.h"
#include "integrator/AovPrograms.h"
#include "integrator/PathTracer.h"
#include "io/Canvas.h"
#include "io/Metadata.h"
#include "render/ConvergenceReport.h"
#include "report/ProgressFormat.h"
#include "scene/SamplingSettings.h"
#include "session/OutputPlan.h"
#include "session/PostCheckpointHooks.h"
#include "session/ResumeConfig.h"

namespace rt {

class StatsLog;
class ConvergencePlot;
class CheckpointController;
class SignalRequests;

enum class ProgressMode { Off, Auto, Terminal, Plain };  // Auto: Terminal if stderr is a tty

struct RenderOptions {
    std::string beautyOverride;  // -out
    int threads = 0;             // -threads; 0 = every core
    int tileSize = 8;
    ProgressMode progress = ProgressMode::Off;
    // Inside a sequence: the frame label and the sequence ETA's inputs for the progress line.
    SequencePosition sequence;
    std::string statsPath;      // -stats: JSON lines, one per pass
    std::string statsPlotPath;  // -stats_plot: convergence plot (.png)
    // The plot's font; when OpenImageIO cannot load it the plot is skipped with a warning.
    std::string statsPlotFont = kPlotFont;
    // Runs on_resume_script (lib/lua lives above this module). Unset: the script is
    // not run and a warning says so.
    std::function<void(const std::string& script, const ResumeReport& report)> runResumeScript;
    // Runs checkpoint_post_script; unset: the script is not run and a warning says so.
    PostScriptRunner runPostCheckpointScript;
    // -allow_system_commands: checkpoint_command may run.
    bool allowSystemCommands = false;
    // The signals the render obeys (doc/CHECKPOINTING.md); null = none. render() marks
    // the end of loading on it.
    SignalRequests* signals = nullptr;
};

struct RenderStats {
    double prepSeconds = 0.0;    // scene preparation (acceleration structure, lights)
    double renderSeconds = 0.0;  // sampling only, this run
    uint64_t samples = 0;
    int passes = 0;
    bool complete = true;  // false when a cap stopped sampling before the final quality
    TraceCounters counters;
    int threads = 0;
};

class RenderSession {
  public:
    // Validates sampling settings and outputs, opens -stats, prepares the scene.
    // Throws SceneError on bad scene input and UsageError on a bad option.
    RenderSession(const Scene& scene, const RenderOptions& options);
    ~RenderSession();

    // Renders and writes every output. Returns the process exit code: Interrupted when a
    // signal stopped the render and its checkpoint was written, InterruptedNoCheckpoint
    // when that write failed.
    ExitCode run();

    // Renders (writing checkpoints when checkpoint_active) without writing the outputs
    // (tests and benchmarks use this alone). With resume_render it first loads the state
    // of an earlier run (doc/RESUME.md); throws ResumeError when that fails under
    // resume_strict.
    void render();
    // Writes the outputs, and the last checkpoint when checkpointing is on, as one set.
    [[nodiscard]] bool writeOutputs(std::string& error);

    // Listeners added here hear every pass report too (tests, benchmarks).
    void addListener(ConvergenceListener* listener) { m_listeners.push_back(listener); }

    const Film& film() const { return m_film; }
    const std::vector<float>& pixelErrors() const { return m_errors; }
    const RenderStats& stats() const { return m_stats; }
    const SamplingSettings& sampling() const { return m_sampling; }
    const std::vector<OutputFile>& outputFiles() const { return m_outputFiles; }
    const CheckpointController& checkpoints() const { return *m_checkpoints; }
    // What the resume found; default (not resumed, no reason) without resume_render.
    const ResumeReport& resumeReport() const { return m_resumeReport; }

  private:
    Metadata baseMetadata() const;
    void resume();

    const Scene& m_scene;
    RenderOptions m_options;
    SamplingSettings m_sampling;
    std::vector<OutputFile> m_outputFiles;
    std::unique_ptr<StatsLog> m_statsLog;
    std::unique_ptr<ConvergencePlot> m_plot;
    std::vector<ConvergenceListener*> m_listeners;
    std::unique_ptr<RenderScene> m_renderScene;
    std::unique_ptr<AovPrograms> m_aovPrograms;
    std::unique_ptr<PathTracer> m_tracer;
    Film m_film;
    std::vector<float> m_errors;          // per-pixel error after the last pass
    std::vector<uint32_t> m_passTargets;  // what each pixel is owed by the pass in progress
    ResumeConfig m_resume;
    ResumeTarget m_resumeTarget;  // what this render produces, checked against resume files
    ResumeReport m_resumeReport;
    std::unique_ptr<CheckpointController> m_checkpoints;
    RenderStats m_stats;
};

}  // namespace rt
