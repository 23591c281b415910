#include "session/ResumeLoader.h"

#include "io/ExrFile.h"
#include "session/CheckpointSetReader.h"
#include "session/FilmState.h"
#include "session/ResumeMetadata.h"
#include "session/StateFile.h"

namespace rt {
namespace {

std::string lookedFor(const std::vector<ResumeCandidate>& candidates) {
    std::string names;
    for (const ResumeCandidate& candidate : candidates) {
        names += names.empty() ? "'" : ", '";
        names += candidate.paths.front();
        names += "'";
    }
    return names;
}

// Fills the film from the state of `files.front()`: its state file (format 2) or its
// `resume.` channels (format 1). On failure the film is as fresh.
bool loadState(const std::vector<CheckpointSetFile>& files, uint64_t stateHash, Film& film,
               std::vector<uint32_t>& passTargets, std::string& error) {
    const CheckpointSetFile& exr = files.front();
    const std::string statePath = resumeStateFilePath(exr.path, exr.metadata);
    if (!statePath.empty()) {
        // readCheckpointSet found it and checked that it belongs to the set.
        return readStateFile(statePath, stateHash, film, passTargets, error);
    }
    // Format 1: the channels, already read when a .part had to be checked whole.
    if (!film.layout().empty()) {
        error = "'" + exr.path + "' holds a format 1 state, which has no AOV accumulators (" +
                film.layout().signature() + ")";
        return false;
    }
    ImageBuffer read;
    Metadata unused;
    if (exr.image.channels.empty() && !readExr(exr.path, read, unused, error)) return false;
    const ImageBuffer& image = exr.image.channels.empty() ? read : exr.image;
    if (!readFilmState(image, stateHash, film, passTargets, error)) {
        error = "'" + exr.path + "': " + error;
        return false;
    }
    return true;
}

// Loads one candidate set; false with report.reason set.
bool loadCandidate(const ResumeCandidate& candidate, const ResumeTarget& target, Film& film,
                   ResumeLoad& load) {
    ResumeReport& report = load.report;
    report.files = candidate.paths;
    std::vector<CheckpointSetFile> files;
    if (!readCheckpointSet(candidate.paths, files, report.reason, load.notes)) return false;
    const CheckpointSetFile& state = files.front();
    const std::string name = "'" + state.path + "'";
    if (!hasResumeState(state.metadata)) {
        const bool complete = state.metadata.get<int>("renderComplete").value_or(0) != 0;
        report.reason = complete ? name +
                                       " holds a finished render written without "
                                       "checkpoint_asfinal (it has no resume state)"
                                 : name + " has no resume state";
        return false;
    }
    uint64_t stateHash = 0;
    std::string error;
    if (!readResumeHeader(state.metadata, state.width, state.height, report.header, stateHash,
                          error)) {
        report.reason = name + ": " + error;
        return false;
    }
    const std::string incompatible = resumeIncompatibility(report.header, target);
    if (!incompatible.empty()) {
        report.reason = name + ": " + incompatible;
        return false;
    }
    if (!loadState(files, stateHash, film, load.passTargets, error)) {
        report.reason = error;
        return false;
    }
    const Film::SampleStats spp = film.sampleStats();
    report.sppMin = spp.min;
    report.sppMax = spp.max;
    report.sppMean = spp.mean;
    report.resumed = true;
    return true;
}

}  // namespace

ResumeLoad loadResume(const std::vector<ResumeCandidate>& candidates, const ResumeTarget& target,
                      Film& film) {
    ResumeLoad load;
    for (const ResumeCandidate& candidate : candidates) {
        if (candidate.paths.empty() || !checkpointFileExists(candidate.paths.front())) continue;
        if (!loadCandidate(candidate, target, film, load)) {
            load.passTargets.clear();
            load.report.resumed = false;
        }
        return load;
    }
    for (const ResumeCandidate& candidate : candidates) {
        if (!candidate.paths.empty()) load.report.files.push_back(candidate.paths.front());
    }
    load.report.reason = candidates.empty()
                             ? "no EXR file of this scene can hold the resume state"
                             : "no resume file found (looked for " + lookedFor(candidates) + ")";
    return load;
}

}  // namespace rt
