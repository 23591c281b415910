#pragma once
// -sequence_deadline (doc/SEQUENCES.md): a duration in RenderMan's syntax ("8h", "90m",
// "1h30m", "600" seconds), or a wall-clock time "HH:MM" (24 h, local time), meaning its
// next occurrence: 07:30 given at 22:00 is 9.5 h away.
#include <ctime>
#include <string>

namespace rt {

// Seconds from `now` to the deadline `text`. Throws UsageError naming the option.
double parseDeadline(const std::string& text, std::time_t now);

}  // namespace rt
