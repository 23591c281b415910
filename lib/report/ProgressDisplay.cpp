#include "report/ProgressDisplay.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>

namespace rt {

bool isTerminal(std::FILE* stream) {
    return stream != nullptr && ::isatty(::fileno(stream)) == 1;
}

ProgressDisplay::ProgressDisplay(std::function<uint64_t()> liveSamples,
                                 ProgressDisplayOptions options)
    : m_liveSamples(std::move(liveSamples)),
      m_options(std::move(options)),
      m_eta(m_options.samplesAtStart, m_options.secondsAtStart) {
    // Bounded so that a zero does not spin and a huge value does not overflow the clock.
    m_options.refreshSeconds = std::clamp(m_options.refreshSeconds, 0.01, 1e6);
    m_options.plainLineSeconds = std::max(m_options.plainLineSeconds, 0.0);
    if (m_options.stream == nullptr) m_options.stream = stderr;
}

ProgressDisplay::~ProgressDisplay() {
    stop();
}

double ProgressDisplay::now() const {
    if (m_options.clock) return m_options.clock();
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

void ProgressDisplay::start() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_state != State::Idle) return;
        m_startSeconds = now();
        m_state = State::Running;
    }
    m_thread = std::thread([this] { run(); });
}

void ProgressDisplay::onPass(const ConvergenceReport& report) {
    // Only the summary is kept: report.pixelErrors is valid during the callback only.
    std::lock_guard<std::mutex> lock(m_mutex);
    m_eta.onPass(report);
    m_haveReport = true;
    m_adaptive = report.adaptive;
    m_finished = report.finished;
    m_pixelCount = report.pixelCount;
    m_fractionConverged = report.fractionConverged;
}

void ProgressDisplay::run() {
    std::unique_lock<std::mutex> lock(m_mutex);
    const std::chrono::duration<double> period(m_options.refreshSeconds);
    while (m_state == State::Running) {
        // A condition variable, not a sleep: stop() wakes the thread at once.
        m_wake.wait_for(lock, period, [this] { return m_state != State::Running; });
        if (m_state != State::Running) break;
        lock.unlock();
        refresh();
        lock.lock();
    }
}

void ProgressDisplay::refresh() {
    std::lock_guard<std::mutex> output(m_outputMutex);
    ProgressLine line;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_state != State::Running) return;
        line = currentLine(m_options.secondsAtStart + now() - m_startSeconds,
                           ProgressLine::State::Running);
    }
    if (!m_options.terminal &&
        !plainLineDue(line.progressKnown ? line.progress : 0.0, line.elapsedSeconds,
                      m_lastLineProgress, m_lastLineSeconds, m_options.plainLineSeconds)) {
        return;
    }
    write(line, false);
}

void ProgressDisplay::stop() {
    bool started;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_state == State::Stopped) return;
        started = m_state == State::Running;
        m_state = State::Stopped;
    }
    m_wake.notify_all();
    // join() also waits for a line the thread may be writing.
    if (m_thread.joinable()) m_thread.join();
    if (!started) return;  // never started: nothing to report

    std::lock_guard<std::mutex> output(m_outputMutex);
    ProgressLine line;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        line = currentLine(m_options.secondsAtStart + now() - m_startSeconds,
                           m_finished ? ProgressLine::State::Done : ProgressLine::State::Stopped);
    }
    write(line, true);
}

ProgressLine ProgressDisplay::currentLine(double seconds, ProgressLine::State state) const {
    const uint64_t samples = m_liveSamples ? m_liveSamples() : 0;
    const EtaEstimator::Estimate estimate = m_eta.estimate(samples, seconds);
    ProgressLine line;
    line.state = state;
    line.progressKnown = estimate.known;
    line.progress = estimate.progress;
    const uint32_t pixels = m_pixelCount > 0 ? m_pixelCount : m_options.pixelCount;
    line.sppKnown = pixels > 0;
    line.meanSpp = pixels > 0 ? static_cast<double>(samples) / pixels : 0.0;
    line.adaptive = m_adaptive;
    line.fractionConverged = m_fractionConverged;
    line.elapsedSeconds = seconds;
    line.etaKnown = estimate.known;
    line.etaSeconds = estimate.etaSeconds;
    line.frameLabel = m_options.sequence.frameLabel;
    if (!line.frameLabel.empty()) {
        const bool running = state == ProgressLine::State::Running;
        const double frameEta = running ? estimate.etaSeconds : 0.0;
        line.sequenceEtaKnown = estimate.known || !running;
        line.sequenceEtaSeconds = sequenceEtaSeconds(m_options.sequence, seconds, frameEta);
    }
    return line;
}

void ProgressDisplay::write(const ProgressLine& line, bool last) {
    std::FILE* out = m_options.stream;
    if (m_options.terminal) {
        const std::string text = formatTerminalLine(line);
        // Pad with spaces over the rest of a longer previous line: no escape codes, so a
        // dumb terminal or an IDE console shows it right too.
        const int pad = static_cast<int>(m_lastWidth > text.size() ? m_lastWidth - text.size() : 0);
        std::fprintf(out, "\r%s%*s%s", text.c_str(), pad, "", last ? "\n" : "");
        m_lastWidth = text.size();
    } else {
        std::fprintf(out, "%s\n", formatPlainLine(line).c_str());
        m_lastLineProgress = line.progressKnown ? line.progress : 0.0;
        m_lastLineSeconds = line.elapsedSeconds;
    }
    std::fflush(out);
}

}  // namespace rt
