#include "session/CheckpointController.h"

#include <algorithm>
#include <cstdio>
#include <limits>

#include "checkpoint/CheckpointNaming.h"
#include "core/Error.h"
#include "core/Log.h"
#include "core/SignalWatcher.h"
#include "io/AtomicFile.h"
#include "render/ParallelSampleStats.h"
#include "session/ResumeMetadata.h"
#include "session/RunIdentity.h"
#include "session/Snapshot.h"

namespace rt {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

void checkWritable(const CheckpointFile& checkpoint) {
    for (const std::string& path : {checkpoint.file.path, checkpoint.multiVersionBase}) {
        if (!parentDirectoryWritable(path)) {
            throw SceneError(
                checkpoint.file.outputs.front().where,
                "checkpoint file '" + path + "': its directory does not exist or is not writable");
        }
    }
}

const char* modeName(const CheckpointConfig& config) {
    if (!config.active) return "off";
    return config.policy.mode == CheckpointMode::Time ? "time" : "quality";
}

}  // namespace

CheckpointController::CheckpointController(const CheckpointConfig& config,
                                           const std::vector<OutputFile>& outputs,
                                           Metadata baseMetadata, FilmView view,
                                           const ResumeStamp& stamp)
    : m_config(config),
      m_policy(config.policy),
      m_outputs(outputs),
      m_baseMetadata(std::move(baseMetadata)),
      m_film(view.film),
      m_errors(view.errors),
      m_passTargets(view.passTargets),
      m_stamp(stamp),
      m_writer(config.backgroundWrite, config.maxBgCache),
      m_renderId(makeRenderId()),
      m_pauseAt(kNever),
      m_host(hostName()) {
    m_outputStateFile = stateFileIndex(outputs);
    if (!config.active) return;
    m_checkpoints = planCheckpointFiles(outputs);
    std::vector<OutputFile> checkpointFiles;
    for (const CheckpointFile& checkpoint : m_checkpoints)
        checkpointFiles.push_back(checkpoint.file);
    m_checkpointStateFile = stateFileIndex(checkpointFiles);
    for (const CheckpointFile& checkpoint : m_checkpoints) checkWritable(checkpoint);
    if (config.policy.mode == CheckpointMode::Quality) {
        std::string counts;
        for (uint32_t spp : m_policy.qualitySamples()) {
            counts += counts.empty() ? "" : ", ";
            counts += std::to_string(spp);
        }
        log::info("Quality checkpoints every " + std::to_string(m_policy.qualitySteps()) +
                  " steps, at " + (counts.empty() ? std::string("no count") : counts) +
                  " spp before the final output");
    }
}

CheckpointController::~CheckpointController() = default;

void CheckpointController::resumeFrom(const ResumeHeader& header, uint32_t sppLevel) {
    m_renderId = header.renderId;
    m_serial = header.serial;
    m_priorElapsed = header.elapsedSeconds;
    m_priorHistory = header.history;
    m_policy.resumeAt(header.elapsedSeconds, sppLevel);
}

void CheckpointController::start(int threads, uint64_t samplesBefore) {
    m_start = Clock::now();
    m_run = ResumeRun{};
    m_run.host = m_host;
    m_run.threads = threads;
    m_run.startTime = utcNow();
    m_run.samplesBefore = samplesBefore;
    scheduleNextPause();
}

double CheckpointController::runSeconds() const {
    return std::chrono::duration<double>(Clock::now() - m_start).count();
}

double CheckpointController::elapsedSeconds() const {
    return m_priorElapsed + runSeconds();
}

void CheckpointController::scheduleNextPause() {
    m_pauseAt = m_config.active ? m_policy.nextDueSeconds() : kNever;
}

bool CheckpointController::pauseDue() const {
    if (m_signals && m_signals->pending()) return true;
    const double at = m_pauseAt.load(std::memory_order_relaxed);
    return at != kNever && elapsedSeconds() >= at;
}

void CheckpointController::onPass(const ConvergenceReport& report) {
    m_reportDone = report.samplesDone;
    m_reportRemaining = report.samplesRemaining;
    m_reportError = report.meanError;
    m_haveReport = true;
}

double CheckpointController::progress(const Film::SampleStats& spp) const {
    const double pixels = static_cast<double>(m_film.pixelCount());
    const double done = spp.mean * pixels;
    double remaining;
    if (m_haveReport) {
        // The last pass's forecast, less what was sampled since.
        remaining = std::max(0.0, static_cast<double>(m_reportRemaining) -
                                      (done - static_cast<double>(m_reportDone)));
    } else {
        remaining = std::max(0.0, m_policy.sampleLimit() * pixels - done);
    }
    return done + remaining > 0.0 ? done / (done + remaining) : 1.0;
}

CheckpointController::Snapshot CheckpointController::snapshot(const std::string& reason,
                                                              bool complete, bool withOutputs,
                                                              CheckpointRecord& record) {
    const auto begin = Clock::now();
    const Film::SampleStats spp = parallelSampleStats(m_film);
    const uint64_t pixels = m_film.pixelCount();
    const uint64_t done = static_cast<uint64_t>(std::llround(spp.mean * pixels));
    const double progressDone = complete ? 1.0 : progress(spp);
    record.serial = ++m_serial;
    record.reason = reason;
    record.takenSeconds = elapsedSeconds();
    record.tileSamples = tileSamples(done, pixels);

    Metadata metadata = m_baseMetadata;
    metadata.set("samplesPerPixelMin", static_cast<int>(spp.min));
    metadata.set("samplesPerPixelMax", static_cast<int>(spp.max));
    metadata.set("samplesPerPixelMean", spp.mean);
    metadata.set("renderTime", record.takenSeconds);
    metadata.set("checkpointReason", reason);
    metadata.set("checkpointProgress", progressDone);
    metadata.set("checkpointMode", modeName(m_config));
    stampResumeHeader(metadata, header(complete, record, done));

    SnapshotFiles files;
    files.outputs = withOutputs ? &m_outputs : nullptr;
    files.checkpoints = m_config.active ? &m_checkpoints : nullptr;
    // Checkpoints are resumable; the final image of a finished render only with
    // checkpoint_asfinal, and then so is the last checkpoint (doc/RESUME.md). Without
    // checkpoint files, the outputs of an unfinished render (a signal) keep the state.
    const bool keepState = !complete || m_stamp.finalResumable;
    files.state.format = m_config.stateFormat;
    files.state.encoder = &m_stateEncoder;
    files.state.passTargets = &m_passTargets;
    if (m_config.active && keepState) files.state.checkpointFile = m_checkpointStateFile;
    if (withOutputs && (m_stamp.finalResumable || (!m_config.active && !complete)))
        files.state.outputFile = m_outputStateFile;
    files.versioned = !m_config.overwrite;
    files.stopSignal = reason == "signal" && m_stopSignal != 0;
    files.tileSamples = record.tileSamples;
    files.finalTileSamples = uint64_t{m_config.policy.finalSamples} * kTileSamplesPerSpp;
    const std::string label = reason == "checkpoint" ? "checkpoint " + std::to_string(record.serial)
                                                     : reason + " output (checkpoint " +
                                                           std::to_string(record.serial) + ")";
    Snapshot result;
    result.set = buildSnapshot(label, files, m_film, m_errors, metadata, &m_pool);
    const bool resumable = files.state.checkpointFile < m_checkpoints.size() ||
                           (withOutputs && files.state.outputFile < m_outputs.size());
    result.event = describe(result.set, record, spp, progressDone, resumable);
    record.snapshotSeconds = std::chrono::duration<double>(Clock::now() - begin).count();
    char detail[160];
    std::snprintf(detail, sizeof detail,
                  "Snapshot of %s in %.3f s (resume state %.1f MB, %zu of %zu chunks encoded)",
                  label.c_str(), record.snapshotSeconds, result.set.stateBytes / 1e6,
                  result.set.stateChunksEncoded, result.set.stateChunks);
    log::detail(detail);
    record.stateBytes = result.set.stateBytes;
    record.stateChunks = result.set.stateChunks;
    record.stateChunksEncoded = result.set.stateChunksEncoded;
    return result;
}

CheckpointEvent CheckpointController::describe(const FileSet& set, const CheckpointRecord& record,
                                               const Film::SampleStats& spp, double progress,
                                               bool resumable) const {
    CheckpointEvent event;
    event.serial = record.serial;
    event.reason = record.reason;
    event.signal = record.signal;
    event.signalInterruption = record.reason == "signal" && m_stopSignal != 0;
    event.tileSampleTotal = record.tileSamples;
    for (const FileToWrite& file : set.files) {
        // A state file is listed with the EXR file that names it: a hook that copies a
        // checkpoint's files then copies what a resume needs.
        const std::string& owner = file.stateOf.empty() ? file.path : file.stateOf;
        const auto isPath = [&](const auto& f) { return f.path == owner; };
        if (std::any_of(m_outputs.begin(), m_outputs.end(), isPath)) {
            event.outputs.push_back(file.path);
        } else if (std::any_of(m_checkpoints.begin(), m_checkpoints.end(),
                               [&](const CheckpointFile& c) { return isPath(c.file); })) {
            event.files.push_back(file.path);
        } else {
            event.versionedFiles.push_back(file.path);
        }
    }
    event.sppMin = spp.min;
    event.sppMax = spp.max;
    event.sppMean = spp.mean;
    event.elapsedSeconds = record.takenSeconds;
    event.progress = progress;
    event.meanError = m_reportError;
    event.frame = m_frame;
    event.resumable = resumable;
    event.renderId = m_renderId;
    event.host = m_host;
    return event;
}

ResumeHeader CheckpointController::header(bool complete, const CheckpointRecord& record,
                                          uint64_t samplesDone) const {
    ResumeHeader h;
    h.formatVersion = m_config.stateFormat;
    h.fingerprint = m_stamp.fingerprint;
    h.width = m_film.width();
    h.height = m_film.height();
    h.sampling = m_stamp.sampling;
    h.sampling.sampleCap = m_config.active ? m_config.policy.sampleCap : 0;
    h.renderId = m_renderId;
    h.serial = record.serial;
    h.elapsedSeconds = record.takenSeconds;
    h.tileSamples = record.tileSamples;
    h.complete = complete;
    h.history = m_priorHistory;
    ResumeRun run = m_run;
    run.endTime = utcNow();
    run.seconds = record.takenSeconds - m_priorElapsed;
    run.samplesAfter = samplesDone;
    run.ended = record.signal.empty() ? record.reason : record.signal;
    h.history.push_back(std::move(run));
    return h;
}

bool CheckpointController::onBoundary(bool passEnded, uint32_t sppLevel) {
    if (!onSignals()) return false;
    if (!m_config.active) return true;
    const double due = m_policy.nextDueSeconds();
    const double elapsed = elapsedSeconds();
    const CheckpointDecision decision = m_policy.evaluate({elapsed, sppLevel, passEnded});
    if (decision.stop) {
        // The final set (writeFinal) is this stop's checkpoint.
        m_stopReason = decision.reason;
        log::info("Time cap reached at " + std::to_string(elapsed) + " s: stopping");
        return false;
    }
    if (decision.snapshot) writeCheckpoint(decision.reason, due);
    scheduleNextPause();
    return true;
}

// A stop asked by a signal ends sampling here; the final set is its checkpoint. A
// SIGHUP is a checkpoint now, into the checkpoint files, or into the outputs when the
// render writes no checkpoint files.
bool CheckpointController::onSignals() {
    if (!m_signals) return true;
    if (const int signal = m_signals->takeStop()) {
        m_stopReason = "signal";
        m_stopSignal = signal;
        char text[160];
        std::snprintf(text, sizeof text,
                      "%s: sampling stopped %.3f s after the signal at %.2f s; writing a "
                      "checkpoint, then exiting",
                      signalName(signal), m_signals->secondsSinceStop(), elapsedSeconds());
        log::info(text);
        return false;
    }
    if (const int signal = m_signals->takeCheckpoint()) {
        writeCheckpoint("signal", elapsedSeconds(), signal);
    }
    return true;
}

void CheckpointController::writeCheckpoint(const std::string& reason, double due, int signal) {
    CheckpointRecord record;
    if (signal != 0) record.signal = signalName(signal);
    Snapshot snap = snapshot(reason, false, !m_config.active, record);
    record.timed = reason == "checkpoint" && record.takenSeconds >= due;
    record.dueSeconds = record.timed ? due : record.takenSeconds;
    char text[200];
    std::snprintf(text, sizeof text, "Checkpoint %d at %.2f s, %.2f spp%s%s", record.serial,
                  record.takenSeconds, record.tileSamples / double(kTileSamplesPerSpp),
                  snap.event.signal.empty() ? "" : ", for ", snap.event.signal.c_str());
    log::info(text);
    m_records.push_back(record);
    m_writer.submit(std::move(snap.set), [this, event = std::move(snap.event)](
                                             FileSet& written, bool ok, const std::string&) {
        // Versioned copies share their regular file's shape but not its path: only
        // regular files come back, so the pool holds one image per checkpoint file.
        for (FileToWrite& file : written.files) {
            const bool regular =
                std::any_of(m_checkpoints.begin(), m_checkpoints.end(),
                            [&](const CheckpointFile& c) { return c.file.path == file.path; });
            if (regular) m_pool.give(file.path, std::move(file.image));
        }
        // With background writes the script runs here, on the writer thread, while
        // sampling goes on; without them, inside submit(), while sampling waits.
        if (ok) m_hooks.run(event);
    });
    // The system command runs with sampling paused (RenderMan): wait for the set.
    if (m_hooks.hasCommand()) m_writer.drain();
}

bool CheckpointController::writeFinal(bool complete, std::string& error) {
    m_writer.drain();
    CheckpointRecord record;
    std::string reason = m_stopReason;
    if (reason.empty()) reason = complete ? "final" : "samplecap";
    if (m_stopSignal != 0) record.signal = signalName(m_stopSignal);
    const Snapshot snap = snapshot(reason, complete, true, record);
    const FileSet& set = snap.set;
    record.dueSeconds = record.takenSeconds;
    m_records.push_back(record);
    if (writeFileSet(set, error)) {
        for (const FileToWrite& file : set.files) log::info("Wrote " + file.path);
        if (m_stopSignal != 0) {
            char text[160];
            std::snprintf(text, sizeof text, "%s: checkpoint written %.3f s after the signal",
                          signalName(m_stopSignal), m_signals->secondsSinceStop());
            log::info(text);
        }
        m_hooks.run(snap.event);
        return true;
    }
    if (!m_config.active) return false;
    // The checkpoint files failed with the outputs: save the image on its own rather than
    // lose the render. The run still fails: its last checkpoint is missing.
    log::error(error);
    FileSet outputsOnly;
    outputsOnly.label = set.label;
    for (const FileToWrite& file : set.files) {
        const bool isOutput = std::any_of(m_outputs.begin(), m_outputs.end(),
                                          [&](const OutputFile& o) { return o.path == file.path; });
        if (isOutput) outputsOnly.files.push_back(file);
    }
    std::string outputsError;
    if (!writeFileSet(outputsOnly, outputsError)) {
        error = outputsError;
        return false;
    }
    for (const FileToWrite& file : outputsOnly.files) log::info("Wrote " + file.path);
    error = "the outputs were written, the last checkpoint was not";
    return false;
}

}  // namespace rt
