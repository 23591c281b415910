#pragma once
// The checkpoint boundary of the render loop (doc/CHECKPOINTS.md): owns the policy, the
// sampling clock and the file writer. The pass loop asks it, between tile tasks, whether
// to pause (pauseDue) and, at every pause and pass end, what to do (onBoundary); it then
// snapshots the film into checkpoint files and hands them to the background writer.
// writeFinal() writes the outputs and the last checkpoint as one set, from one film state,
// so the two hold identical pixels.
#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "checkpoint/CheckpointEvent.h"
#include "checkpoint/CheckpointPolicy.h"
#include "checkpoint/ResumeState.h"
#include "film/Film.h"
#include "io/Metadata.h"
#include "render/ConvergenceReport.h"
#include "session/CheckpointConfig.h"
#include "session/CheckpointFiles.h"
#include "session/FileSetWriter.h"
#include "session/ImagePool.h"
#include "session/PostCheckpointHooks.h"
#include "session/SignalRequests.h"
#include "session/StateEncoder.h"

namespace rt {

// One written (or attempted) file set, for logs, tests and the interval benchmark.
struct CheckpointRecord {
    int serial = 0;
    std::string reason;            // checkpoint, final, exitat, samplecap, signal
    std::string signal;            // reason signal: "SIGHUP", "SIGINT"...; else empty
    bool timed = false;            // due by the clock (time mode), not by a pass end
    double dueSeconds = 0.0;       // timed: the scheduled time; else takenSeconds
    double takenSeconds = 0.0;     // when the film was snapshot
    double snapshotSeconds = 0.0;  // sampling paused to build the images and the state
    uint64_t tileSamples = 0;
    size_t stateBytes = 0;          // the compressed resume state; 0 without one
    size_t stateChunksEncoded = 0;  // ... of its chunks, those that changed and were encoded
    size_t stateChunks = 0;
};

// What makes the written files resumable (doc/RESUME.md).
struct ResumeStamp {
    uint64_t fingerprint = 0;  // sceneFingerprint()
    ResumeSampling sampling;
    // checkpoint_asfinal / resumable_output: the final outputs keep the state, and so
    // does the last checkpoint of a finished render.
    bool finalResumable = false;
};

// The film as the snapshots see it: `film`, `errors` and `passTargets` are read while
// sampling is paused.
struct FilmView {
    const Film& film;
    const std::vector<float>& errors;
    const std::vector<uint32_t>& passTargets;  // what each pixel is owed by the current pass
};

class CheckpointController : public ConvergenceListener {
  public:
    // Throws SceneError when a checkpoint file cannot be planned or its directory is not
    // writable.
    CheckpointController(const CheckpointConfig& config, const std::vector<OutputFile>& outputs,
                         Metadata baseMetadata, FilmView view, const ResumeStamp& stamp);
    ~CheckpointController() override;

    // Continue the render that wrote `header` (its id, serials, elapsed time, history);
    // `sppLevel` is the loaded film's sample level. Before start().
    void resumeFrom(const ResumeHeader& header, uint32_t sppLevel);

    // Signals the render obeys (SIGHUP: a checkpoint; SIGINT, SIGUSR1, SIGTERM: stop and
    // write the final set); null = none. Before start().
    void watchSignals(SignalRequests* signals) { m_signals = signals; }
    // The post-checkpoint script and command, run after each set is final. Before start().
    void setPostHooks(PostCheckpointHooks hooks) { m_hooks = std::move(hooks); }
    // The scene's frame number, for the hooks.
    void setFrame(double frame) { m_frame = frame; }

    // Sampling starts now: the clock of the interval, the caps and checkpointElapsed.
    // `threads` and the film's `samplesBefore` go into this run's resumeHistory entry.
    void start(int threads, uint64_t samplesBefore);
    // Sampling time of the whole render, earlier runs included.
    double elapsedSeconds() const;
    // Sampling time of this run.
    double runSeconds() const;
    // Sampling time of the earlier runs of a resumed render.
    double priorSeconds() const { return m_priorElapsed; }

    // Thread-safe and cheap: a clock read, a comparison and the signal flags.
    bool pauseDue() const;

    // At a pause (passEnded false) or a pass end: signals first, then the policy.
    // Returns false to stop sampling.
    bool onBoundary(bool passEnded, uint32_t sppLevel);

    // Progress for checkpoint metadata.
    void onPass(const ConvergenceReport& report) override;

    // Waits for queued checkpoints, then writes the outputs (and the last checkpoint when
    // checkpointing is on) as one set. `complete`: the image reached its final quality.
    [[nodiscard]] bool writeFinal(bool complete, std::string& error);

    // Why sampling stopped early ("exitat", "signal"), or empty.
    const std::string& stopReason() const { return m_stopReason; }
    // The signal that stopped sampling, or 0.
    int stopSignal() const { return m_stopSignal; }
    uint32_t sampleLimit() const { return m_policy.sampleLimit(); }
    // Quality mode: the counts where checkpoints fall (uniform passes end there).
    const std::vector<uint32_t>& qualitySamples() const { return m_policy.qualitySamples(); }
    bool active() const { return m_config.active; }
    const std::vector<CheckpointFile>& checkpointFiles() const { return m_checkpoints; }
    const std::string& renderId() const { return m_renderId; }
    const std::vector<CheckpointRecord>& records() const { return m_records; }
    size_t failedWrites() const { return m_writer.failures(); }

  private:
    using Clock = std::chrono::steady_clock;
    // A snapshot, the files it will hold and what the hooks will be told about it.
    struct Snapshot {
        FileSet set;
        CheckpointEvent event;
    };
    Snapshot snapshot(const std::string& reason, bool complete, bool withOutputs,
                      CheckpointRecord& record);
    CheckpointEvent describe(const FileSet& set, const CheckpointRecord& record,
                             const Film::SampleStats& spp, double progress, bool resumable) const;
    // Snapshots and queues a checkpoint set (reason "checkpoint" or "signal").
    // `signal`: the SIGHUP that asked for it, or 0.
    void writeCheckpoint(const std::string& reason, double due, int signal = 0);
    bool onSignals();
    ResumeHeader header(bool complete, const CheckpointRecord& record, uint64_t samplesDone) const;
    double progress(const Film::SampleStats& spp) const;
    void scheduleNextPause();

    CheckpointConfig m_config;
    CheckpointPolicy m_policy;
    const std::vector<OutputFile>& m_outputs;
    std::vector<CheckpointFile> m_checkpoints;
    Metadata m_baseMetadata;
    const Film& m_film;
    const std::vector<float>& m_errors;
    const std::vector<uint32_t>& m_passTargets;
    ResumeStamp m_stamp;
    // The files that hold the film state (stateFileIndex); size() when none can.
    size_t m_outputStateFile = 0;
    size_t m_checkpointStateFile = 0;
    double m_priorElapsed = 0.0;            // sampling time of earlier runs
    std::vector<ResumeRun> m_priorHistory;  // their resumeHistory entries
    ResumeRun m_run;                        // this run's entry, completed at each snapshot
    StateEncoder m_stateEncoder;            // keeps the compressed chunks between checkpoints
    ImagePool m_pool;  // declared before the writer, whose thread gives images back
    FileSetWriter m_writer;
    std::string m_renderId;
    Clock::time_point m_start = Clock::now();
    std::atomic<double> m_pauseAt;  // elapsed seconds; infinity = never
    std::string m_stopReason;
    int m_stopSignal = 0;
    SignalRequests* m_signals = nullptr;
    PostCheckpointHooks m_hooks;
    double m_frame = 0.0;
    std::string m_host;
    int m_serial = 0;
    std::vector<CheckpointRecord> m_records;
    // The last pass report, for progress between reports.
    uint64_t m_reportDone = 0, m_reportRemaining = 0;
    double m_reportError = 0.0;
    bool m_haveReport = false;
};

}  // namespace rt
