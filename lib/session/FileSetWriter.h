#pragma once
// Writes sets of image files that belong together (a checkpoint: every output and
// checkpoint file of one moment in the render) all-or-nothing: each file goes to its
// `.part` and is fsynced; only when every file of the set is complete are they renamed,
// one after another. A failed set leaves no .part behind and the previous set intact.
//
// In background mode a writer thread does the encoding and writing while the render goes
// on; at most `maxHeld` sets are held in memory (queued or being written), and submit()
// waits while that many are held (doc/CHECKPOINTS.md, "Writing").
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "io/ImageBuffer.h"
#include "io/Metadata.h"
#include "scene/RenderOutput.h"

namespace rt {

struct FileToWrite {
    std::string path;  // .exr, or an 8-bit format (isLdrExtension), which ignores metadata
    ImageBuffer image;
    Metadata metadata;
    Compression compression = Compression::Zip;  // EXR only
    int zipLevel = 0;                            // EXR only; 0 = OpenEXR's default
    float dwaLevel = 0.0f;                       // EXR only; 0 = OpenEXR's default
    // A raw file instead of an image (a resume state file, StateFile.h): these bytes,
    // one piece after another; the pieces may be shared with other sets.
    std::vector<std::shared_ptr<const std::string>> pieces;
    std::string stateOf;  // for a state file: the EXR file that names it
};

struct FileSet {
    std::string label;  // for log messages, e.g. "checkpoint 3"
    std::vector<FileToWrite> files;
    // Removed once the set is committed: state files of EXR files that no longer hold
    // the state (a final image without checkpoint_asfinal), which would otherwise be
    // left behind as stale.
    std::vector<std::string> obsolete;
    // The resume state in the set, for logs and benchmarks: its compressed bytes, its
    // chunks and how many of them were encoded for this set (the others were reused).
    size_t stateBytes = 0, stateChunks = 0, stateChunksEncoded = 0;
};

// Called once per set after its fate is known (on the writer thread in background
// mode): `ok` with an empty error, or the reason the set was not committed. It must not
// call submit() or drain() of its own writer, which would wait for itself.
// The set is passed non-const so that the callback may take its images back for reuse.
using FileSetDone = std::function<void(FileSet& set, bool ok, const std::string& error)>;

// Writes every file of `set` as a .part, then commits them all; on any failure discards
// every .part of the set and returns false with an error naming the file.
[[nodiscard]] bool writeFileSet(const FileSet& set, std::string& error);

class FileSetWriter {
  public:
    // background = false writes each set inside submit(). maxHeld >= 1.
    FileSetWriter(bool background, size_t maxHeld);
    ~FileSetWriter();  // drains
    FileSetWriter(const FileSetWriter&) = delete;
    FileSetWriter& operator=(const FileSetWriter&) = delete;

    // Queues `set` (waiting while maxHeld sets are held), or writes it now. A failure
    // is logged as a warning and reported to `done`; it never throws.
    void submit(FileSet set, FileSetDone done = {});

    // Waits until every submitted set has been written or has failed.
    void drain();

    // Sets that failed so far.
    size_t failures() const;

  private:
    struct Job {
        FileSet set;
        FileSetDone done;
        double seconds = 0.0;  // encoding and writing, for the log
    };

    void run();  // the writer thread
    // Writes one set and finishes it; never throws.
    void process(Job& job);
    // Counts and logs a failure, logs a success, calls `done`; never throws.
    void finish(Job& job, bool ok, std::string error);

    bool m_background;
    size_t m_maxHeld;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;  // a job was queued or finished, or m_quit was set
    std::deque<Job> m_queue;
    size_t m_held = 0;  // queued + being written
    size_t m_failures = 0;
    bool m_quit = false;
    std::thread m_thread;  // last: started once every other member exists
};

}  // namespace rt
