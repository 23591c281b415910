#pragma once
// Turns the process signals a render farm sends (SIGINT, SIGHUP, SIGUSR1, SIGTERM) into
// calls on an ordinary thread. The handlers are async-signal-safe: they only write the
// signal number to a self-pipe; a watcher thread reads it and calls `onSignal`, where
// any code may run (logging, atomics, exitImmediately). doc/CHECKPOINTING.md, "Signals".
#include <functional>
#include <thread>

namespace rt {

class SignalWatcher {
  public:
    using Handler = std::function<void(int signal)>;

    // Installs the handlers (SA_RESTART, so slow system calls are not cut short) and
    // starts the watcher thread. One watcher per process; throws std::runtime_error when
    // the pipe or a handler cannot be set up.
    explicit SignalWatcher(Handler onSignal);
    // Restores the default dispositions, then stops the thread.
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

    // The signals watched.
    static const int kSignals[4];

  private:
    void run();

    Handler m_onSignal;
    std::thread m_thread;
};

// "SIGINT", "SIGHUP", "SIGUSR1", "SIGTERM"; "signal" for any other.
const char* signalName(int signal);

}  // namespace rt
