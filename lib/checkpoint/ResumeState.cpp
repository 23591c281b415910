#include "checkpoint/ResumeState.h"

#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>

namespace rt {
namespace {

using Json = nlohmann::json;

std::string entryPrefix(size_t index) {
    return "resumeHistory: entry " + std::to_string(index) + " ";
}

// Each reader finds `key` in `entry` and checks its type; on failure it says which entry
// and which field was wrong.
const Json* findField(const Json& entry, size_t index, const char* key, std::string& error) {
    const auto it = entry.find(key);
    if (it == entry.end()) {
        error = entryPrefix(index) + "has no '" + key + "'";
        return nullptr;
    }
    return &*it;
}

std::string wrongType(size_t index, const char* key, const char* expected) {
    return entryPrefix(index) + "has '" + key + "' that is not " + expected;
}

bool readString(const Json& entry, size_t index, const char* key, std::string& value,
                std::string& error) {
    const Json* field = findField(entry, index, key, error);
    if (!field) return false;
    if (!field->is_string()) {
        error = wrongType(index, key, "a string");
        return false;
    }
    value = field->get<std::string>();
    return true;
}

bool readInt(const Json& entry, size_t index, const char* key, int& value, std::string& error) {
    const Json* field = findField(entry, index, key, error);
    if (!field) return false;
    if (field->is_number_unsigned()) {
        const uint64_t v = field->get<uint64_t>();
        if (v <= static_cast<uint64_t>(std::numeric_limits<int>::max())) {
            value = static_cast<int>(v);
            return true;
        }
    } else if (field->is_number_integer()) {
        const int64_t v = field->get<int64_t>();
        if (v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()) {
            value = static_cast<int>(v);
            return true;
        }
    }
    error = wrongType(index, key, "an integer in the range of int");
    return false;
}

bool readUint64(const Json& entry, size_t index, const char* key, uint64_t& value,
                std::string& error) {
    const Json* field = findField(entry, index, key, error);
    if (!field) return false;
    // nlohmann parses every non-negative integer that fits as unsigned; negative integers,
    // fractions and integers beyond 2^64 - 1 (parsed as floats) are refused.
    if (!field->is_number_unsigned()) {
        error = wrongType(index, key, "an unsigned 64-bit integer");
        return false;
    }
    value = field->get<uint64_t>();
    return true;
}

bool readDouble(const Json& entry, size_t index, const char* key, double& value,
                std::string& error) {
    const Json* field = findField(entry, index, key, error);
    if (!field) return false;
    // A whole number of seconds may have been written as an integer by another tool.
    if (!field->is_number()) {
        error = wrongType(index, key, "a number");
        return false;
    }
    value = field->get<double>();
    return true;
}

std::string formatFloat(float value) {
    char text[64];
    std::snprintf(text, sizeof(text), "%g", static_cast<double>(value));
    return text;
}

std::string capText(uint32_t cap) {
    return cap == 0 ? "none" : std::to_string(cap);
}

}  // namespace

std::string resumeHistoryToJson(const std::vector<ResumeRun>& history) {
    // ordered_json keeps the ResumeRun field order, which makes the header readable.
    nlohmann::ordered_json runs = nlohmann::ordered_json::array();
    for (const ResumeRun& run : history) {
        nlohmann::ordered_json entry;
        entry["host"] = run.host;
        entry["threads"] = run.threads;
        entry["startTime"] = run.startTime;
        entry["endTime"] = run.endTime;
        // dump() writes the shortest text that reads back as the same double.
        entry["seconds"] = run.seconds;
        entry["samplesBefore"] = run.samplesBefore;
        entry["samplesAfter"] = run.samplesAfter;
        entry["ended"] = run.ended;
        runs.push_back(std::move(entry));
    }
    return runs.dump();
}

bool resumeHistoryFromJson(const std::string& json, std::vector<ResumeRun>& history,
                           std::string& error) {
    Json root;
    try {
        root = Json::parse(json);
    } catch (const Json::exception& e) {
        error = std::string("resumeHistory: not valid JSON (") + e.what() + ")";
        return false;
    }
    if (!root.is_array()) {
        error = std::string("resumeHistory: not a JSON array but ") + root.type_name();
        return false;
    }
    std::vector<ResumeRun> runs;
    runs.reserve(root.size());
    for (size_t i = 0; i < root.size(); ++i) {
        const Json& entry = root[i];
        if (!entry.is_object()) {
            error = entryPrefix(i) + "is not an object but " + entry.type_name();
            return false;
        }
        ResumeRun run;
        if (!readString(entry, i, "host", run.host, error) ||
            !readInt(entry, i, "threads", run.threads, error) ||
            !readString(entry, i, "startTime", run.startTime, error) ||
            !readString(entry, i, "endTime", run.endTime, error) ||
            !readDouble(entry, i, "seconds", run.seconds, error) ||
            !readUint64(entry, i, "samplesBefore", run.samplesBefore, error) ||
            !readUint64(entry, i, "samplesAfter", run.samplesAfter, error) ||
            !readString(entry, i, "ended", run.ended, error)) {
            return false;
        }
        runs.push_back(std::move(run));
    }
    history = std::move(runs);
    return true;
}

std::string resumeIncompatibility(const ResumeHeader& stored, const ResumeTarget& target) {
    if (!readableResumeFormat(stored.formatVersion)) {
        return "resume format version " + std::to_string(stored.formatVersion) +
               ", this renderer reads " + std::to_string(kOldestResumeFormatVersion) + " to " +
               std::to_string(kResumeFormatVersion);
    }
    if (stored.width != target.width || stored.height != target.height) {
        return "the file is " + std::to_string(stored.width) + "x" + std::to_string(stored.height) +
               ", the scene renders " + std::to_string(target.width) + "x" +
               std::to_string(target.height);
    }
    if (stored.fingerprint != target.fingerprint) {
        return "the scene changed (fingerprint " + fingerprintHex(stored.fingerprint) +
               " in the file, " + fingerprintHex(target.fingerprint) + " now)";
    }
    const ResumeSampling& from = stored.sampling;
    const ResumeSampling& to = target.sampling;
    if (from.adaptive && !to.adaptive) {
        return "an adaptive render cannot continue as a uniform one";
    }
    if (!from.adaptive && !to.adaptive && to.uniformSamples < from.uniformSamples) {
        return "uniform samples lowered from " + std::to_string(from.uniformSamples) + " to " +
               std::to_string(to.uniformSamples) + " spp";
    }
    // Uniform to adaptive is allowed with any adaptive parameters: the uniform film is a
    // valid start for the adaptive sampler.
    if (from.adaptive && to.adaptive) {
        if (to.minSamples != from.minSamples) {
            return "min_adaptive_samples changed from " + std::to_string(from.minSamples) + " to " +
                   std::to_string(to.minSamples);
        }
        if (to.maxSamples < from.maxSamples) {
            return "max_adaptive_samples lowered from " + std::to_string(from.maxSamples) + " to " +
                   std::to_string(to.maxSamples);
        }
        if (to.targetError > from.targetError) {
            return "target_adaptive_error raised from " + formatFloat(from.targetError) + " to " +
                   formatFloat(to.targetError);
        }
    }
    // Raising or removing the cap continues the render; a lower one may be below what the
    // film already holds.
    if (to.sampleCap != 0 && (from.sampleCap == 0 || to.sampleCap < from.sampleCap)) {
        return "sample cap lowered from " + capText(from.sampleCap) + " to " +
               capText(to.sampleCap) + " spp";
    }
    return "";
}

std::string fingerprintHex(uint64_t fingerprint) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string text(16, '0');
    for (int i = 15; i >= 0; --i) {
        text[static_cast<size_t>(i)] = kDigits[fingerprint & 0xfu];
        fingerprint >>= 4;
    }
    return text;
}

bool parseFingerprintHex(const std::string& text, uint64_t& fingerprint) {
    if (text.size() != 16) return false;
    uint64_t value = 0;
    for (const char c : text) {
        uint64_t digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<uint64_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<uint64_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<uint64_t>(c - 'A' + 10);
        } else {
            return false;
        }
        value = (value << 4) | digit;
    }
    fingerprint = value;
    return true;
}

}  // namespace rt
