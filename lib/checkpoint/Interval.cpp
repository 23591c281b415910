#include "checkpoint/Interval.h"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace rt {
namespace {

double unitSeconds(char suffix) {
    switch (suffix) {
        case 's':
            return 1.0;
        case 'm':
            return 60.0;
        case 'h':
            return 3600.0;
        case 'd':
            return 86400.0;
        default:
            return 0.0;
    }
}

}  // namespace

bool parseCheckpointInterval(const std::string& text, CheckpointInterval& out, std::string& error) {
    if (text.empty()) {
        error = "empty interval";
        return false;
    }
    const bool negative = text[0] == '-';
    size_t pos = negative ? 1 : 0;
    double seconds = 0.0;
    double increments = 0.0;
    bool sawTime = false, sawIncrements = false, sawBare = false;
    while (pos < text.size()) {
        const char* begin = text.c_str() + pos;
        char* end = nullptr;
        const double value = std::strtod(begin, &end);
        // Digits or a decimal point only: strtod would also take signs, spaces, "inf" and
        // hexadecimal, none of which belong in an interval.
        const bool numberStart = std::isdigit(static_cast<unsigned char>(*begin)) || *begin == '.';
        if (!numberStart || end == begin || !std::isfinite(value) ||
            std::string(begin, static_cast<const char*>(end)).find_first_of("xX") !=
                std::string::npos) {
            error = "'" + text + "' is not an interval (expected e.g. 90, 5m, 1h30m, 0.1h, 100i)";
            return false;
        }
        pos = static_cast<size_t>(end - text.c_str());
        if (pos == text.size()) {  // a trailing bare number
            if (sawTime || sawIncrements) {
                error = "'" + text + "': a number without a unit after one with a unit";
                return false;
            }
            sawBare = true;
            (negative ? increments : seconds) += value;
            break;
        }
        const char suffix = static_cast<char>(std::tolower(static_cast<unsigned char>(text[pos])));
        ++pos;
        if (suffix == 'i') {
            sawIncrements = true;
            increments += value;
        } else if (unitSeconds(suffix) > 0.0) {
            sawTime = true;
            seconds += value * unitSeconds(suffix);
        } else {
            error = "'" + text + "': unknown unit '" + std::string(1, text[pos - 1]) +
                    "' (use s, m, h, d or i)";
            return false;
        }
    }
    if (negative && (sawTime || sawIncrements)) {
        error = "'" + text + "': a negative interval counts increments and takes no unit";
        return false;
    }
    if (sawTime && sawIncrements) {
        error = "'" + text + "': increments (i) cannot be combined with time units";
        return false;
    }
    if (sawIncrements || (negative && sawBare)) {
        if (increments < 1.0 || increments != std::floor(increments) || increments > 1e9) {
            error = "'" + text + "': increments must be a whole number of at least 1";
            return false;
        }
        out = {CheckpointInterval::Unit::Increments, 0.0, static_cast<int>(increments)};
        return true;
    }
    if (!(seconds > 0.0)) {
        error = "'" + text + "': the interval must be longer than zero";
        return false;
    }
    out = {CheckpointInterval::Unit::Seconds, seconds, 0};
    return true;
}

bool parseCheckpointSpec(const std::string& text, CheckpointSpec& out, std::string& error) {
    const size_t comma = text.find(',');
    const std::string interval = text.substr(0, comma);
    const std::string exitAt = comma == std::string::npos ? "" : text.substr(comma + 1);
    if (exitAt.find(',') != std::string::npos) {
        error = "'" + text + "': expected INTERVAL[,EXITAT]";
        return false;
    }
    CheckpointSpec spec;
    if (!interval.empty()) {
        CheckpointInterval value;
        if (!parseCheckpointInterval(interval, value, error)) return false;
        spec.interval = value;
    }
    if (!exitAt.empty()) {
        CheckpointInterval value;
        if (!parseCheckpointInterval(exitAt, value, error)) return false;
        spec.exitAt = value;
    }
    if (!spec.interval && !spec.exitAt) {
        error = "'" + text + "': expected INTERVAL[,EXITAT]";
        return false;
    }
    out = spec;
    return true;
}

}  // namespace rt
