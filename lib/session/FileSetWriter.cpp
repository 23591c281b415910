#include "session/FileSetWriter.h"

#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <set>
#include <utility>

#include "core/Error.h"
#include "core/Log.h"
#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "io/ImageFormat.h"
#include "io/LdrFile.h"

namespace rt {
namespace {

bool writePart(const FileToWrite& file, std::string& error) {
    if (!file.pieces.empty()) {
        std::vector<std::string_view> pieces;
        for (const auto& piece : file.pieces) pieces.emplace_back(*piece);
        return writeFilePart(file.path, pieces, error);
    }
    if (isExrExtension(file.path)) {
        ExrWriteOptions options;
        options.compression = file.compression;
        options.zipLevel = file.zipLevel;
        options.dwaLevel = file.dwaLevel;
        return writeExrPart(file.path, file.image, file.metadata, options, error);
    }
    if (isLdrExtension(file.path)) return writeLdrPart(file.path, file.image, error);
    error = "cannot write '" + file.path;
    error += "': the extension is not .exr nor one of .png .jpg .jpeg .tif .tiff";
    return false;
}

void discardParts(const FileSet& set) {
    for (const FileToWrite& file : set.files) discardPart(file.path);
}

// writeFileSet for a thread that must not unwind: an exception (std::bad_alloc while
// encoding, say) fails the set like any I/O error, and no .part of it is left.
bool writeFileSetNoThrow(const FileSet& set, std::string& error) {
    try {
        return writeFileSet(set, error);
    } catch (const std::exception& e) {
        error = "cannot write " + set.label;
        error += ": ";
        error += e.what();
    } catch (...) {
        error = "cannot write " + set.label;
        error += ": unknown exception";
    }
    discardParts(set);
    return false;
}

}  // namespace

bool writeFileSet(const FileSet& set, std::string& error) {
    std::vector<std::string> paths;
    std::set<std::string> distinct;
    for (const FileToWrite& file : set.files) {
        // A second file with the same path would overwrite the first's .part and then
        // fail its rename after the first was committed: a half-committed set.
        if (!distinct.insert(file.path).second) {
            error = "cannot write '" + file.path;
            error += "': it appears twice in " + set.label;
            return false;
        }
        paths.push_back(file.path);
    }
    // Every .part is complete and fsynced before the first rename, so a failure up to
    // commitParts leaves every previous final file as it was.
    bool ok = true;
    std::error_code ignored;
    for (const FileToWrite& file : set.files) {
        if (!writePart(file, error)) {
            ok = false;
            break;
        }
    }
    ok = ok && commitParts(paths, error);
    if (!ok) {
        discardParts(set);
        return false;
    }
    for (const std::string& path : set.obsolete) {
        if (!distinct.count(path)) std::filesystem::remove(path, ignored);
    }
    return true;
}

FileSetWriter::FileSetWriter(bool background, size_t maxHeld)
    : m_background(background), m_maxHeld(maxHeld) {
    RT_CHECK(maxHeld >= 1);
    if (m_background) m_thread = std::thread([this] { run(); });
}

FileSetWriter::~FileSetWriter() {
    if (!m_thread.joinable()) return;
    drain();
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void FileSetWriter::submit(FileSet set, FileSetDone done) {
    Job job{std::move(set), std::move(done)};
    if (!m_background) {
        process(job);
        return;
    }
    std::unique_lock lock(m_mutex);
    // Bounds memory: each held set carries full-resolution images.
    m_changed.wait(lock, [this] { return m_held < m_maxHeld; });
    try {
        m_queue.push_back(std::move(job));  // strong guarantee: `job` survives a throw
    } catch (const std::exception& e) {
        lock.unlock();
        finish(job, false, std::string("cannot queue it: ") + e.what());
        return;
    }
    ++m_held;
    m_changed.notify_all();
}

void FileSetWriter::drain() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_held == 0; });
}

size_t FileSetWriter::failures() const {
    std::lock_guard lock(m_mutex);
    return m_failures;
}

void FileSetWriter::run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_changed.wait(lock, [this] { return m_quit || !m_queue.empty(); });
        if (m_queue.empty()) return;  // quitting, and the destructor drained first
        {
            Job job = std::move(m_queue.front());
            m_queue.pop_front();
            lock.unlock();
            process(job);
        }  // the set's images are freed before a waiting submit may add another
        lock.lock();
        --m_held;
        m_changed.notify_all();
    }
}

void FileSetWriter::process(Job& job) {
    std::string error;
    const auto start = std::chrono::steady_clock::now();
    const bool ok = writeFileSetNoThrow(job.set, error);
    job.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    finish(job, ok, std::move(error));
}

void FileSetWriter::finish(Job& job, bool ok, std::string error) {
    if (!ok) {
        std::lock_guard lock(m_mutex);
        ++m_failures;
    }
    try {
        if (ok) {
            char seconds[32];
            std::snprintf(seconds, sizeof seconds, " in %.3f s", job.seconds);
            log::detail("Wrote " + job.set.label + seconds);
        } else {
            log::warning(job.set.label + " not written: " + error);
        }
        if (job.done) job.done(job.set, ok, error);
    } catch (...) {
        // From logging or from `done` itself: the writer thread must keep going, and a
        // second message could fail the same way, so this one is dropped.
    }
}

}  // namespace rt
