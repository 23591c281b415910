#include "sequence/SequenceRenderer.h"

#include <chrono>
#include <cstdio>
#include <new>

#include "core/Log.h"
#include "core/Numbering.h"
#include "io/AtomicFile.h"
#include "render/PassLoop.h"
#include "session/CheckpointController.h"
#include "session/FinishedFrame.h"
#include "session/ResumeConfig.h"
#include "session/SignalRequests.h"

namespace rt {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// What a finished RenderSession leaves in the frame's record.
void recordRender(const RenderSession& session, ExitCode code, FrameRecord& record) {
    const Film::SampleStats spp = session.film().sampleStats();
    record.sppMean = spp.mean;
    record.sppMin = spp.min;
    record.sppMax = spp.max;
    ConvergenceReport measured;
    describeFilm(session.film(), session.pixelErrors(), measured);
    record.meanError = measured.meanError;
    record.sampleSeconds = session.checkpoints().priorSeconds() + session.stats().renderSeconds;
    if (code == ExitCode::Interrupted || code == ExitCode::InterruptedNoCheckpoint) {
        record.state = FrameState::Interrupted;
    } else if (code != ExitCode::Success) {
        record.state = FrameState::Failed;
    } else {
        record.state = session.stats().complete ? FrameState::Final : FrameState::Draft;
    }
}

void recordSkip(const FinishedFrame& finished, FrameRecord& record) {
    const StoredRender& found = finished.found;
    record.skipped = true;
    record.state = found.header.complete ? FrameState::Final : FrameState::Draft;
    record.sppMin = found.sppMin;
    record.sppMax = found.sppMax;
    record.sppMean = found.sppMean;
    record.sampleSeconds = found.header.elapsedSeconds;
    record.note = "already at the quality asked for";
}

}  // namespace

SequenceRenderer::SequenceRenderer(SequenceOptions options)
    : m_options(std::move(options)), m_report(m_options.frames) {
    if (!m_options.reportPath.empty() && !parentDirectoryWritable(m_options.reportPath)) {
        throw UsageError("option '-sequence_report': the directory of '" + m_options.reportPath +
                         "' does not exist or is not writable");
    }
}

std::string SequenceRenderer::frameLabel(size_t index) const {
    return "frame " + std::to_string(m_options.frames[index]) + " (" + std::to_string(index + 1) +
           "/" + std::to_string(m_options.frames.size()) + ")";
}

bool SequenceRenderer::stopRequested() const {
    return m_options.render.signals != nullptr && m_options.render.signals->stopSignal() != 0;
}

Scene SequenceRenderer::loadFrame(size_t index, const SceneVarList& extraVars) {
    const int frame = m_options.frames[index];
    SceneLoadOptions load = m_options.load;
    load.sceneVars.emplace_back("frame", std::to_string(frame));
    load.sceneVars.insert(load.sceneVars.end(), extraVars.begin(), extraVars.end());
    Scene scene = loadScene(load);
    if (m_options.adjustScene) m_options.adjustScene(scene);
    nameSceneFiles(scene, frame);
    const OptionFileNames names =
        nameOptionFiles(m_options.names, frame, m_options.frames.size() > 1);
    m_claims.claim(frame, framePaths(scene, names));
    return scene;
}

ExitCode SequenceRenderer::renderFrame(size_t index, const Scene& scene) {
    const auto start = Clock::now();
    const int frame = m_options.frames[index];
    FrameRecord& record = m_report.frame(index);
    const OptionFileNames names =
        nameOptionFiles(m_options.names, frame, m_options.frames.size() > 1);
    record.image = planOutputs(scene.outputs, names.out).front().path;
    if (resumeConfig(scene.vars).resume) {
        const FinishedFrame finished = checkFinished(scene, names.out);
        if (finished.finished) {
            recordSkip(finished, record);
            record.wallSeconds = secondsSince(start);
            return ExitCode::Success;
        }
        log::detail(frameLabel(index) + ": rendering: " + finished.why);
    }

    RenderOptions options = m_options.render;
    options.beautyOverride = names.out;
    options.statsPath = names.stats;
    options.statsPlotPath = names.statsPlot;
    options.sequence.frameLabel = frameLabel(index);
    options.sequence.framesAfter = static_cast<int>(m_options.frames.size() - index - 1);
    options.sequence.secondsPerFrame =
        m_renderedFrames > 0 ? m_renderedSeconds / m_renderedFrames : 0.0;
    record.state = FrameState::Rendering;
    publish();
    RenderSession session(scene, options);
    const ExitCode code = session.run();
    recordRender(session, code, record);
    record.wallSeconds = secondsSince(start);
    m_renderedSeconds += record.wallSeconds;
    ++m_renderedFrames;
    return code;
}

ExitCode SequenceRenderer::run() {
    const std::vector<int>& frames = m_options.frames;
    log::info("Sequence of " + std::to_string(frames.size()) + " frame(s), " +
              std::to_string(frames.front()) + " first");
    // The first two frames are loaded before anything renders: a file name that does not
    // change with the frame fails now, not after a frame of work.
    std::vector<std::optional<Scene>> preloaded(std::min<size_t>(frames.size(), 2));
    for (size_t i = 0; i < preloaded.size(); ++i) preloaded[i] = loadFrame(i);
    publish();
    if (m_options.deadlineSeconds) {
        preloaded.clear();
        return runToDeadline();
    }

    ExitCode result = ExitCode::Success;
    for (size_t i = 0; i < frames.size(); ++i) {
        if (stopRequested()) {
            log::info("Stopping the sequence before " + frameLabel(i) + " (a signal)");
            publish();
            return ExitCode::Interrupted;
        }
        const FrameRecord& record = m_report.frame(i);
        log::info("Frame " + std::to_string(frames[i]) + " (" + std::to_string(i + 1) + "/" +
                  std::to_string(frames.size()) + ")");
        const ExitCode code = guarded(i, [&] {
            if (i >= preloaded.size()) return renderFrame(i, loadFrame(i));
            const ExitCode rendered = renderFrame(i, *preloaded[i]);
            preloaded[i].reset();
            return rendered;
        });
        log::info(SequenceReport::line(record));
        publish();
        if (code == ExitCode::Interrupted || code == ExitCode::InterruptedNoCheckpoint) {
            log::info("Interrupted in " + frameLabel(i) +
                      ": rerun with -resume_render to continue the sequence");
            log::info(m_report.table());
            return code;
        }
        if (code != ExitCode::Success && result == ExitCode::Success) result = code;
    }
    log::info(m_report.table());
    return result;
}

ExitCode SequenceRenderer::renderStint(const Stint& stint, FrameProgress& progress,
                                       double secondsLeft) {
    FrameRecord& record = m_report.frame(stint.index);
    // Resumable stints: checkpoints on, the stint's spp as the sample cap, resume from the
    // frame's own files; after the draft floor, a time cap ends the stint at the
    // deadline (the cap counts the sampling time of every run of the frame).
    SceneVarList vars{{"checkpoint_active", "true"},
                      {"checkpoint_sample_cap", std::to_string(stint.targetSpp)}};
    if (progress.spp > 0) vars.emplace_back("resume_render", "true");
    if (progress.spp >= m_options.deadlinePolicy.minSpp) {
        char minutes[64];
        std::snprintf(minutes, sizeof minutes, "%.6f",
                      (record.sampleSeconds + std::max(secondsLeft, 0.001)) / 60.0);
        vars.emplace_back("checkpoint_time_cap", minutes);
    }
    const double secondsBefore = record.sampleSeconds;
    const uint32_t sppBefore = progress.spp;
    const ExitCode code = renderFrame(stint.index, loadFrame(stint.index, vars));
    progress.spp = record.sppMin;
    progress.meanError = record.meanError.value_or(0.0);
    progress.final = record.state == FrameState::Final;
    if (progress.spp > sppBefore && record.sampleSeconds > secondsBefore) {
        progress.secondsPerSpp =
            (record.sampleSeconds - secondsBefore) / (progress.spp - sppBefore);
    }
    record.note = stint.why;
    return code;
}

ExitCode SequenceRenderer::runToDeadline() {
    const auto start = Clock::now();
    const double deadline = *m_options.deadlineSeconds;
    char text[160];
    std::snprintf(text, sizeof text,
                  "Deadline in %.0f s: every frame to %u spp first, then the noisiest", deadline,
                  m_options.deadlinePolicy.minSpp);
    log::info(text);
    std::vector<FrameProgress> progress(m_options.frames.size());
    for (size_t i = 0; i < progress.size(); ++i) progress[i].frame = m_options.frames[i];
    ExitCode result = ExitCode::Success;
    int stints = 0;
    while (true) {
        if (stopRequested()) {
            log::info("Stopping the sequence before its next stint (a signal)");
            publish();
            return ExitCode::Interrupted;
        }
        const double left = deadline - secondsSince(start);
        const std::optional<Stint> stint = nextStint(progress, left, m_options.deadlinePolicy);
        if (!stint) break;
        ++stints;
        log::info(frameLabel(stint->index) + ": stint " + std::to_string(stints) + " to " +
                  std::to_string(stint->targetSpp) + " spp (" + stint->why + ")");
        const ExitCode code = guarded(
            stint->index, [&] { return renderStint(*stint, progress[stint->index], left); });
        // A failed frame is not tried again.
        if (m_report.frame(stint->index).state == FrameState::Failed) {
            progress[stint->index].final = true;
        }
        log::info(SequenceReport::line(m_report.frame(stint->index)));
        publish();
        if (code == ExitCode::Interrupted || code == ExitCode::InterruptedNoCheckpoint) {
            log::info(m_report.table());
            return code;
        }
        if (code != ExitCode::Success && result == ExitCode::Success) result = code;
    }
    std::snprintf(text, sizeof text, "Deadline: %d stints in %.1f s of %.0f s", stints,
                  secondsSince(start), deadline);
    log::info(text);
    log::info(m_report.table());
    publish();
    return result;
}

template <class Render>
ExitCode SequenceRenderer::guarded(size_t index, Render render) {
    FrameRecord& record = m_report.frame(index);
    const auto failed = [&](ExitCode code, const std::string& message) {
        log::error(frameLabel(index) + ": " + message);
        record.state = FrameState::Failed;
        record.note = message;
        return code;
    };
    try {
        return render();
    } catch (const ResumeError& e) {
        return failed(ExitCode::ResumeFailed, e.what());
    } catch (const SceneError& e) {
        return failed(ExitCode::BadInput, e.what());
    } catch (const UsageError& e) {
        return failed(ExitCode::BadInput, e.what());
    } catch (const std::bad_alloc&) {
        return failed(ExitCode::RenderFailed, "out of memory");
    } catch (const std::exception& e) {
        return failed(ExitCode::RenderFailed, e.what());
    }
}

void SequenceRenderer::publish() {
    if (m_options.reportPath.empty()) return;
    std::string error;
    // The report is for people and tools watching; losing one rewrite costs no frame.
    if (!m_report.write(m_options.reportPath, error)) log::warning("-sequence_report: " + error);
}

}  // namespace rt
