#pragma once
// Ending the process at once (a second SIGINT during a checkpoint dump) without ever
// cutting a file set's renames in half: renames run inside a NoImmediateExit scope, and
// exitImmediately() waits for any such scope to end before it calls _exit. Without this,
// an exit between two renames could leave a checkpoint and an output of different
// moments under their final names (doc/CHECKPOINTING.md, "Signals").
namespace rt {

// While one exists (on any thread), exitImmediately() waits. Keep the scope to the
// renames and directory fsyncs: it delays an impatient user's exit.
class NoImmediateExit {
  public:
    NoImmediateExit();
    ~NoImmediateExit();
    NoImmediateExit(const NoImmediateExit&) = delete;
    NoImmediateExit& operator=(const NoImmediateExit&) = delete;
};

// Flushes stderr and ends the process with `code` once no NoImmediateExit scope is
// open; other threads stop where they are. Not for signal handlers (it locks a mutex).
[[noreturn]] void exitImmediately(int code);

}  // namespace rt
