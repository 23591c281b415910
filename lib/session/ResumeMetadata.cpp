#include "session/ResumeMetadata.h"

#include <climits>
#include <filesystem>

namespace rt {
namespace {

constexpr const char* kStateHash = "resumeStateHash";
constexpr const char* kStateFile = "resumeStateFile";

int clampToInt(uint64_t value) {
    return static_cast<int>(std::min<uint64_t>(value, INT_MAX));
}

// Typed reads that record the first failure.
class Reader {
  public:
    explicit Reader(const Metadata& metadata) : m_metadata(metadata) {}

    template <class T>
    T get(const char* name) {
        const std::optional<T> value = m_metadata.get<T>(name);
        if (!value) {
            if (m_error.empty()) {
                m_error = std::string("attribute '") + name + "' is missing or of the wrong type";
            }
            return T{};
        }
        return *value;
    }
    uint32_t count(const char* name) {
        const int value = get<int>(name);
        if (value < 0 && m_error.empty()) m_error = std::string("attribute '") + name + "' < 0";
        return static_cast<uint32_t>(std::max(value, 0));
    }
    const std::string& error() const { return m_error; }
    void fail(const std::string& error) {
        if (m_error.empty()) m_error = error;
    }

  private:
    const Metadata& m_metadata;
    std::string m_error;
};

}  // namespace

void stampResumeHeader(Metadata& metadata, const ResumeHeader& header) {
    metadata.set("resumeFormatVersion", header.formatVersion);
    metadata.set("resumeFingerprint", fingerprintHex(header.fingerprint));
    const ResumeSampling& s = header.sampling;
    metadata.set("resumeSamplingMode", s.adaptive ? "adaptive" : "uniform");
    metadata.set("resumeUniformSamples", clampToInt(s.uniformSamples));
    metadata.set("resumeMinSamples", clampToInt(s.minSamples));
    metadata.set("resumeMaxSamples", clampToInt(s.maxSamples));
    metadata.set("resumeTargetError", s.targetError);
    metadata.set("resumeSampleCap", clampToInt(s.sampleCap));
    metadata.set("renderId", header.renderId);
    metadata.set("checkpointSerial", header.serial);
    metadata.set("checkpointElapsed", header.elapsedSeconds);
    metadata.set("progressCheckpointTileSamples", clampToInt(header.tileSamples));
    metadata.set("renderComplete", header.complete ? 1 : 0);
    metadata.set("resumeHistory", resumeHistoryToJson(header.history));
}

void stampResumeState(Metadata& metadata, uint64_t stateHash, const std::string& stateFile) {
    metadata.set(kStateHash, fingerprintHex(stateHash));
    if (stateFile.empty()) {
        metadata.remove(kStateFile);
    } else {
        metadata.set(kStateFile, stateFile);
    }
}

std::string resumeStateFileName(const Metadata& metadata) {
    return metadata.get<std::string>(kStateFile).value_or("");
}

std::string resumeStateFilePath(const std::string& exrPath, const Metadata& metadata) {
    const std::string name = resumeStateFileName(metadata);
    if (name.empty()) return "";
    return (std::filesystem::path(exrPath).parent_path() / name).string();
}

bool hasResumeState(const Metadata& metadata) {
    return metadata.has(kStateHash);
}

namespace {

// The header fields; `withState` also reads the state's checksum into `stateHash`.
bool readHeader(const Metadata& metadata, int width, int height, bool withState,
                ResumeHeader& header, uint64_t& stateHash, std::string& error) {
    Reader r(metadata);
    ResumeHeader h;
    h.formatVersion = r.get<int>("resumeFormatVersion");
    if (!parseFingerprintHex(r.get<std::string>("resumeFingerprint"), h.fingerprint)) {
        r.fail("attribute 'resumeFingerprint' is not 16 hex digits");
    }
    h.width = width;
    h.height = height;
    const std::string mode = r.get<std::string>("resumeSamplingMode");
    if (mode != "adaptive" && mode != "uniform") {
        r.fail("attribute 'resumeSamplingMode' is '" + mode + "'");
    }
    h.sampling.adaptive = mode == "adaptive";
    h.sampling.uniformSamples = r.count("resumeUniformSamples");
    h.sampling.minSamples = r.count("resumeMinSamples");
    h.sampling.maxSamples = r.count("resumeMaxSamples");
    h.sampling.targetError = r.get<float>("resumeTargetError");
    h.sampling.sampleCap = r.count("resumeSampleCap");
    h.renderId = r.get<std::string>("renderId");
    h.serial = r.get<int>("checkpointSerial");
    h.elapsedSeconds = r.get<double>("checkpointElapsed");
    h.tileSamples = r.count("progressCheckpointTileSamples");
    h.complete = r.get<int>("renderComplete") != 0;
    std::string historyError;
    if (!resumeHistoryFromJson(r.get<std::string>("resumeHistory"), h.history, historyError)) {
        r.fail(historyError);
    }
    uint64_t hash = 0;
    if (withState && !parseFingerprintHex(r.get<std::string>(kStateHash), hash)) {
        r.fail(std::string("attribute '") + kStateHash + "' is not 16 hex digits");
    }
    if (!r.error().empty()) {
        error = r.error();
        return false;
    }
    header = std::move(h);
    stateHash = hash;
    return true;
}

}  // namespace

bool readResumeHeader(const Metadata& metadata, int width, int height, ResumeHeader& header,
                      uint64_t& stateHash, std::string& error) {
    return readHeader(metadata, width, height, true, header, stateHash, error);
}

bool readStampedHeader(const Metadata& metadata, int width, int height, ResumeHeader& header,
                       std::string& error) {
    uint64_t unused = 0;
    return readHeader(metadata, width, height, false, header, unused, error);
}

CheckpointIdentity checkpointIdentity(const Metadata& metadata) {
    return {metadata.get<std::string>("renderId").value_or(""),
            metadata.get<int>("checkpointSerial").value_or(0)};
}

}  // namespace rt
