#pragma once
// What the signals a render receives ask of it (doc/CHECKPOINTING.md, "Signals"), as
// lock-free flags: the signal watcher thread posts each signal, the sampling threads
// poll pending() between tile tasks, and the checkpoint controller takes the requests
// at its boundary.
//
//   phase      SIGHUP                  SIGINT / SIGUSR1 / SIGTERM
//   loading    ignored (logged)        exit at once, nothing written (exit 5)
//   rendering  checkpoint, go on       checkpoint, stop (exit 4); a second SIGINT
//                                      while stopping exits at once (exit 5)
//
// SIGUSR1 and SIGTERM are orderly by design: a second one while the checkpoint is being
// written is ignored, because a farm that repeats them still wants the checkpoint.
#include <atomic>
#include <chrono>

namespace rt {

class SignalRequests {
  public:
    enum class Action {
        None,        // nothing to do now (ignored, or the render is already stopping)
        Checkpoint,  // a checkpoint was requested (SIGHUP)
        Stop,        // the render is asked to checkpoint and stop
        ExitNow,     // the caller must end the process at once (exit 5)
    };

    // Called once per signal received (any thread but a signal handler).
    Action post(int signal);

    // Scene loading is over: from now on signals ask for checkpoints instead of
    // ending the process.
    void startRendering() { m_rendering.store(true); }

    // A checkpoint or stop request that the render has not acted on yet. Cheap.
    bool pending() const {
        return m_checkpoint.load(std::memory_order_relaxed) ||
               (m_stopSignal.load(std::memory_order_relaxed) != 0 &&
                !m_stopTaken.load(std::memory_order_relaxed));
    }
    // The pending checkpoint request, once: its signal (SIGHUP), or 0.
    int takeCheckpoint() { return m_checkpoint.exchange(0); }
    // The signal that asks the render to stop, or 0. Marks the request as acted on.
    int takeStop();
    // The signal that asked the render to stop (taken or not), or 0.
    int stopSignal() const { return m_stopSignal.load(); }
    // Seconds since the stop signal was posted; 0 without one.
    double secondsSinceStop() const;

  private:
    using Clock = std::chrono::steady_clock;

    std::atomic<bool> m_rendering{false};
    std::atomic<int> m_checkpoint{0};
    std::atomic<int> m_stopSignal{0};
    std::atomic<bool> m_stopTaken{false};
    std::atomic<Clock::rep> m_stopTime{0};  // Clock ticks when the stop was posted
};

}  // namespace rt
