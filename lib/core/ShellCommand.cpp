#include "core/ShellCommand.h"

#include <spawn.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace rt {
namespace {

std::string errnoText(const char* what, int error) {
    return std::string(what) + ": " + std::strerror(error);
}

// Handlers are reset by exec anyway; this matters for signals the renderer ignores or
// blocks (a blocked SIGINT would be inherited and make the command unkillable by ^C).
[[nodiscard]] int prepareAttributes(posix_spawnattr_t& attributes) {
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGPIPE}) sigaddset(&defaults, s);
    sigset_t emptyMask;
    sigemptyset(&emptyMask);
    if (int e = posix_spawnattr_setsigdefault(&attributes, &defaults)) return e;
    if (int e = posix_spawnattr_setsigmask(&attributes, &emptyMask)) return e;
    return posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
}

}  // namespace

ShellResult runShellCommand(const std::string& command) {
    ShellResult result;
    posix_spawnattr_t attributes;
    if (int e = posix_spawnattr_init(&attributes)) {
        result.error = errnoText("posix_spawnattr_init", e);
        return result;
    }
    pid_t pid = 0;
    int spawnError = prepareAttributes(attributes);
    if (spawnError == 0) {
        // posix_spawn takes char* const[]; it does not modify the strings.
        char* const argv[] = {const_cast<char*>("sh"), const_cast<char*>("-c"),
                              const_cast<char*>(command.c_str()), nullptr};
        spawnError = posix_spawn(&pid, "/bin/sh", nullptr, &attributes, argv, environ);
    }
    posix_spawnattr_destroy(&attributes);
    if (spawnError) {
        result.error = errnoText("cannot run /bin/sh", spawnError);
        return result;
    }
    result.started = true;

    int status = 0;
    pid_t waited = 0;
    // A signal handled by the renderer interrupts the wait; the command goes on.
    do {
        waited = waitpid(pid, &status, 0);
    } while (waited < 0 && errno == EINTR);
    if (waited < 0) {
        result.error = errnoText("waitpid", errno);
        return result;
    }
    if (WIFEXITED(status)) result.exitStatus = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
    return result;
}

}  // namespace rt
