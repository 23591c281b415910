#pragma once
// The resume state of a checkpoint, apart from its pixels (doc/RESUME.md): the header
// fields that say what was rendered, how far and by which runs, and the rules for which
// later renders may continue from it. Pure data and pure functions: reading and writing
// them as EXR metadata is lib/render's business (ResumeMetadata.h), the per-pixel
// accumulators are in the image channels (FilmState.h).
#include <cstdint>
#include <string>
#include <vector>

namespace rt {

// Bumped whenever the state or the header change meaning. 2: the state in its own file
// next to the EXR (session/StateFile.h); 1: the state as `resume.` UINT channels in the
// EXR (session/FilmState.h), still read. Other versions are refused.
inline constexpr int kResumeFormatVersion = 2;
inline constexpr int kOldestResumeFormatVersion = 1;
inline bool readableResumeFormat(int version) {
    return version >= kOldestResumeFormatVersion && version <= kResumeFormatVersion;
}

// The sampling parameters a film was rendered with.
struct ResumeSampling {
    bool adaptive = false;
    uint32_t uniformSamples = 0;  // uniform: the final spp
    uint32_t minSamples = 0;      // adaptive: min_adaptive_samples
    uint32_t maxSamples = 0;      // adaptive: max_adaptive_samples
    float targetError = 0.0f;     // adaptive: target_adaptive_error as the user writes it
    uint32_t sampleCap = 0;       // checkpoint_sample_cap in force; 0 = none

    bool operator==(const ResumeSampling&) const = default;
};

// One run of a render (one process), an entry of the resumeHistory header.
struct ResumeRun {
    std::string host;
    int threads = 0;
    std::string startTime;       // UTC, ISO 8601 "2026-11-21T10:15:00Z"
    std::string endTime;         // when this run's latest file was written
    double seconds = 0.0;        // sampling time of this run
    uint64_t samplesBefore = 0;  // camera samples in the film when the run started
    uint64_t samplesAfter = 0;   // ... when its latest file was written
    // Why the run's latest file was written: "checkpoint" (still running), "final"
    // (complete), "exitat" (time cap), "samplecap", or a signal name.
    std::string ended;

    bool operator==(const ResumeRun&) const = default;
};

struct ResumeHeader {
    int formatVersion = kResumeFormatVersion;
    uint64_t fingerprint = 0;  // sceneFingerprint() of the rendered scene
    int width = 0, height = 0;
    ResumeSampling sampling;
    std::string renderId;         // the same for every run of one render
    int serial = 0;               // checkpoint serial, continued across runs
    double elapsedSeconds = 0.0;  // sampling time of every run so far
    uint64_t tileSamples = 0;     // progress position (progressCheckpointTileSamples)
    bool complete = false;        // the image reached its final quality
    std::vector<ResumeRun> history;

    bool operator==(const ResumeHeader&) const = default;
};

// resumeHistory as JSON: an array of objects with the ResumeRun field names.
std::string resumeHistoryToJson(const std::vector<ResumeRun>& history);
// Fails (with a message) on malformed JSON or a missing or mistyped field.
[[nodiscard]] bool resumeHistoryFromJson(const std::string& json, std::vector<ResumeRun>& history,
                                         std::string& error);

// What the render about to start would produce.
struct ResumeTarget {
    uint64_t fingerprint = 0;
    int width = 0, height = 0;
    ResumeSampling sampling;
};

// Empty when a render with `target` may continue from `stored`, else the reason in one
// sentence without a trailing period, e.g. "the scene changed (fingerprint 1f.. in the
// file, 2a.. now)". Allowed: a higher or removed sample cap, more uniform samples, a higher
// max or lower target error, uniform to adaptive. Refused: another format version,
// resolution or fingerprint, adaptive to uniform, fewer uniform samples, a lower max, a
// higher target error, another min.
std::string resumeIncompatibility(const ResumeHeader& stored, const ResumeTarget& target);

// 16 lowercase hex digits, as fingerprints are written in headers and messages.
std::string fingerprintHex(uint64_t fingerprint);
[[nodiscard]] bool parseFingerprintHex(const std::string& text, uint64_t& fingerprint);

// What a resume attempt found, for the log and the on_resume_script `resume` table.
struct ResumeReport {
    bool resumed = false;            // the film continues from the files
    std::string reason;              // why it starts fresh; empty when resumed
    std::vector<std::string> files;  // the files the state was read (or looked for) in
    ResumeHeader header;             // what was read; default when nothing was
    // Film statistics of the loaded state.
    uint32_t sppMin = 0, sppMax = 0;
    double sppMean = 0.0;
};

}  // namespace rt
