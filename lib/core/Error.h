#pragma once
// Errors by layer (see doc/ARCHITECTURE.md): exceptions with a location at parse and
// set-up time, bool plus message at I/O, RT_CHECK for invariants.
#include <stdexcept>
#include <string>

namespace rt {

// Documented process exit codes (README.md, "Exit codes").
enum class ExitCode : int {
    Success = 0,
    RenderFailed = 1,  // runtime failure: an output could not be written, out of memory...
    BadInput = 2,      // command line or scene error; nothing was rendered
    ResumeFailed = 3,  // -resume_strict and the render could not resume; nothing was rendered
    // A signal (SIGINT, SIGTERM, SIGUSR1) stopped the render and a resumable checkpoint of
    // that moment was written: rerun with -resume_render to finish it.
    Interrupted = 4,
    // A signal ended the process with no new checkpoint: during scene loading, a second
    // SIGINT during the dump, or the dump failed. Earlier checkpoints are intact.
    InterruptedNoCheckpoint = 5,
};

struct SourceLocation {
    std::string file;
    int line = 0;  // 0 when unknown

    std::string str() const { return line > 0 ? file + ":" + std::to_string(line) : file; }
};

// A problem with user input (scene file, referenced file, scene variable).
class SceneError : public std::runtime_error {
  public:
    SceneError(const SourceLocation& where, const std::string& message)
        : std::runtime_error(where.file.empty() ? message : where.str() + ": " + message),
          m_where(where) {}
    explicit SceneError(const std::string& message) : std::runtime_error(message) {}
    const SourceLocation& where() const { return m_where; }

  private:
    SourceLocation m_where;
};

// A problem with the command line; the message names the option.
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A resume that -resume_strict does not allow to fall back to a fresh start.
class ResumeError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

[[noreturn]] void checkFailed(const char* expr, const char* file, int line);

}  // namespace rt

// Invariant checks stay on in release builds: a broken invariant must never turn into
// a silently wrong image.
#define RT_CHECK(expr) \
    ((expr) ? static_cast<void>(0) : ::rt::checkFailed(#expr, __FILE__, __LINE__))
