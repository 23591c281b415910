#include "session/SignalRequests.h"

#include <csignal>

namespace rt {

SignalRequests::Action SignalRequests::post(int signal) {
    if (signal == SIGHUP) {
        if (!m_rendering.load()) return Action::None;
        m_checkpoint.store(signal);
        return Action::Checkpoint;
    }
    if (!m_rendering.load()) return Action::ExitNow;
    int expected = 0;
    if (m_stopSignal.compare_exchange_strong(expected, signal)) {
        m_stopTime.store(Clock::now().time_since_epoch().count());
        return Action::Stop;
    }
    // Already stopping: only an impatient Ctrl-C cuts the dump short.
    return signal == SIGINT ? Action::ExitNow : Action::None;
}

int SignalRequests::takeStop() {
    const int signal = m_stopSignal.load();
    if (signal != 0) m_stopTaken.store(true);
    return signal;
}

double SignalRequests::secondsSinceStop() const {
    const Clock::rep posted = m_stopTime.load();
    if (m_stopSignal.load() == 0 || posted == 0) return 0.0;
    const Clock::time_point at{Clock::duration(posted)};
    return std::chrono::duration<double>(Clock::now() - at).count();
}

}  // namespace rt
