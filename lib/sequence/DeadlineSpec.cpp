#include "sequence/DeadlineSpec.h"

#include <regex>

#include "checkpoint/Interval.h"
#include "core/Error.h"

namespace rt {
namespace {

[[noreturn]] void fail(const std::string& text, const std::string& why) {
    throw UsageError("option '-sequence_deadline': '" + text + "' " + why);
}

// Seconds until the next local HH:MM after `now`.
double untilClockTime(const std::string& text, int hour, int minute, std::time_t now) {
    if (hour > 23 || minute > 59) fail(text, "is not a time of day (00:00 to 23:59)");
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = hour;
    local.tm_min = minute;
    local.tm_sec = 0;
    local.tm_isdst = -1;  // mktime decides, so a daylight-saving change is honoured
    std::time_t at = std::mktime(&local);
    if (at <= now) {
        ++local.tm_mday;
        local.tm_isdst = -1;
        at = std::mktime(&local);
    }
    return std::difftime(at, now);
}

}  // namespace

double parseDeadline(const std::string& text, std::time_t now) {
    static const std::regex clock("([0-9]{1,2}):([0-9]{2})");
    std::smatch m;
    if (std::regex_match(text, m, clock)) {
        return untilClockTime(text, std::stoi(m[1]), std::stoi(m[2]), now);
    }
    CheckpointInterval interval;
    std::string error;
    if (!parseCheckpointInterval(text, interval, error)) {
        fail(text, "is neither a duration (8h, 90m, 1h30m) nor a time of day (07:30): " + error);
    }
    if (interval.unit != CheckpointInterval::Unit::Seconds) {
        fail(text, "must be a time, not a number of increments");
    }
    return interval.seconds;
}

}  // namespace rt
