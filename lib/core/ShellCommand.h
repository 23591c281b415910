#pragma once
// Runs a shell command line and waits for it: the post-checkpoint system command
// (checkpoint_command). Not std::system: while its command runs, system() ignores SIGINT
// and SIGQUIT in the caller and blocks SIGCHLD, so a farm's SIGINT or SIGTERM sent during
// the command would be lost to the renderer's own signal handling. Here the caller's
// signal dispositions and mask stay as they are; a signal arriving while we wait runs the
// renderer's handler, and the wait simply resumes.
#include <string>

namespace rt {

struct ShellResult {
    bool started = false;  // the shell was spawned and waited for
    int exitStatus = -1;   // the shell's exit status; -1 unless it exited
    int signal = 0;        // the signal that terminated it; 0 if it exited
    std::string error;     // why it could not start (or could not be waited for)
};

// `/bin/sh -c command`, synchronous, stdin/stdout/stderr inherited. The child starts with
// default dispositions for SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGPIPE and an empty
// signal mask, whatever the renderer has installed or blocked.
ShellResult runShellCommand(const std::string& command);

}  // namespace rt
