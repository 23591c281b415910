#pragma once
// -stats FILE: one JSON object per line for every finished pass (doc/STATS.md), so that
// farm tools can tail a running render and a crash keeps every line already written.
#include <memory>
#include <string>

#include "io/FileHandle.h"
#include "render/ConvergenceReport.h"

namespace rt {

// The line for one pass: a single JSON object, no newline. Non-finite numbers are null.
std::string statsLine(const ConvergenceReport& report);

// Not thread-safe: the render loop calls onPass from one thread at its pass boundary.
class StatsLog : public ConvergenceListener {
  public:
    // Creates or truncates `path`. Called before rendering so that a bad path is a
    // usage problem reported up front, not a render lost at the end.
    [[nodiscard]] static std::unique_ptr<StatsLog> open(const std::string& path,
                                                        std::string& error);

    // Writes statsLine + '\n' with one write(2): no user-space buffer, so the line is in
    // the file as soon as this returns and survives a crash of the renderer. Only the
    // finished pass is fsynced: a disk flush every pass buys little. A failed write is
    // logged as a warning once and the log stops; the render goes on.
    void onPass(const ConvergenceReport& report) override;

    bool failed() const { return m_failed; }
    const std::string& error() const { return m_error; }  // the first write failure
    const std::string& path() const { return m_file.path(); }

  private:
    StatsLog() = default;

    FileHandle m_file;
    bool m_failed = false;
    std::string m_error;
};

}  // namespace rt
