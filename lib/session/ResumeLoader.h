#pragma once
// Finds, validates and loads the state of an earlier run (doc/RESUME.md). Never throws
// for bad files: whatever is wrong becomes the report's one-line reason and the render
// starts from scratch (or, with -resume_strict, the caller turns the reason into exit
// code 3).
#include <string>
#include <vector>

#include "checkpoint/ResumeState.h"
#include "film/Film.h"

namespace rt {

// One set of files a render may resume from; paths[0] holds the state channels, the
// others only need to belong to the same checkpoint.
struct ResumeCandidate {
    std::string kind;  // "checkpoint", "output" or "resume_file_name", for messages
    std::vector<std::string> paths;
};

struct ResumeLoad {
    ResumeReport report;
    std::vector<uint32_t> passTargets;  // what each pixel was owed by the interrupted pass
    std::vector<std::string> notes;     // recovery of leftover .part files, for the log
};

// Uses the first candidate whose state file (or its .part) exists. On success the film
// holds the loaded state; otherwise it is untouched.
ResumeLoad loadResume(const std::vector<ResumeCandidate>& candidates, const ResumeTarget& target,
                      Film& film);

}  // namespace rt
