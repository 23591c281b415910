#pragma once
// Shows progress, mean spp, converged pixels, elapsed time and ETA while the render runs:
// in a terminal one line rewritten in place, in logs a full line per percent of progress
// or per plainLineSeconds (doc/PROGRESS.md). A reporting thread samples the live sample
// count between passes, so the line moves during long passes too; onPass() only stores
// the report, so the render loop never waits for output.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "render/ConvergenceReport.h"
#include "report/EtaEstimator.h"
#include "report/ProgressFormat.h"

namespace rt {

struct ProgressDisplayOptions {
    bool terminal = false;  // one updating line (\r) with a bar; else plain lines
    std::FILE* stream = stderr;
    double refreshSeconds = 0.25;    // how often the thread looks at the live sample count
    double plainLineSeconds = 60.0;  // without a terminal: a line per 1% or per this long
    uint32_t pixelCount = 0;         // optional: shows the mean spp before the first pass
    uint64_t samplesAtStart = 0;     // samples already in the film (resume): not timed
    double secondsAtStart = 0.0;     // sampling time of earlier runs (resume): elapsed counts it
    // Inside a sequence: the frame label and what the sequence's ETA needs; empty label
    // for a single render.
    SequencePosition sequence;
    // Seconds on a monotonic clock; empty: std::chrono::steady_clock. Tests inject one.
    std::function<double()> clock;
};

// Whether `stream` is a terminal (isatty), for ProgressDisplayOptions::terminal.
bool isTerminal(std::FILE* stream);

class ProgressDisplay : public ConvergenceListener {
  public:
    // liveSamples: samples in the film now; called from the reporting thread, so it must be
    // thread-safe and cheap (TileRenderer::samplesTaken()).
    ProgressDisplay(std::function<uint64_t()> liveSamples, ProgressDisplayOptions options);
    ~ProgressDisplay() override;  // stop()
    ProgressDisplay(const ProgressDisplay&) = delete;
    ProgressDisplay& operator=(const ProgressDisplay&) = delete;

    // Sampling starts now: elapsed time counts from here. Spawns the reporting thread.
    void start();
    // Thread-safe with respect to the reporting thread; keeps a copy of the report.
    void onPass(const ConvergenceReport& report) override;
    // Writes a line now if one is due (terminal: always; logs: per plainLineDue). The
    // thread calls it every refreshSeconds; tests call it directly with a large refresh.
    void refresh();
    // Writes the final line ("done" with 100% after a finished report, else "stopped")
    // and ends the thread. Nothing is written after it returns. Idempotent; call it from
    // the thread that called start().
    void stop();

  private:
    enum class State { Idle, Running, Stopped };

    double now() const;
    void run();
    // The line as of `seconds`; m_mutex must be held.
    ProgressLine currentLine(double seconds, ProgressLine::State state) const;
    // Writes a terminal or plain line; m_outputMutex must be held.
    void write(const ProgressLine& line, bool last);

    std::function<uint64_t()> m_liveSamples;
    ProgressDisplayOptions m_options;

    mutable std::mutex m_mutex;  // everything below except the output state
    std::condition_variable m_wake;
    State m_state = State::Idle;
    double m_startSeconds = 0.0;
    EtaEstimator m_eta;
    bool m_haveReport = false;
    bool m_adaptive = false;
    bool m_finished = false;
    uint32_t m_pixelCount = 0;
    double m_fractionConverged = 0.0;

    std::mutex m_outputMutex;  // one writer at a time, and none after the final line
    size_t m_lastWidth = 0;    // terminal: characters to clear when rewriting
    double m_lastLineProgress = 0.0;
    double m_lastLineSeconds = 0.0;

    std::thread m_thread;
};

}  // namespace rt
