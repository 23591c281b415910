#pragma once
// RenderMan's checkpoint interval syntax (doc/CHECKPOINTS.md): a duration with the
// suffixes s, m, h, d, combinable and with decimals ("1h30m", "5m60s", "0.1h"), or a number
// of increments with the suffix i ("100i"). A bare positive number is seconds, a negative
// one counts increments. `-checkpoint INTERVAL[,EXITAT]`: either part may be empty
// (",30m" sets only the exit time). Pure parsing; no rendering involved.
#include <optional>
#include <string>

namespace rt {

struct CheckpointInterval {
    enum class Unit { Seconds, Increments };
    Unit unit = Unit::Seconds;
    double seconds = 0.0;  // Unit::Seconds
    int increments = 0;    // Unit::Increments (quality steps)

    bool operator==(const CheckpointInterval&) const = default;
};

struct CheckpointSpec {
    std::optional<CheckpointInterval> interval;
    std::optional<CheckpointInterval> exitAt;
};

// Parses one interval. Returns false with `error` describing the problem (the caller
// adds the option name) for empty text, unknown suffixes, mixing increments with time
// units, zero, or non-finite values.
[[nodiscard]] bool parseCheckpointInterval(const std::string& text, CheckpointInterval& out,
                                           std::string& error);

// Parses "INTERVAL[,EXITAT]".
[[nodiscard]] bool parseCheckpointSpec(const std::string& text, CheckpointSpec& out,
                                       std::string& error);

}  // namespace rt
