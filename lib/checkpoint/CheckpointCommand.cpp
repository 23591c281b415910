#include "checkpoint/CheckpointCommand.h"

#include <cmath>

#include "core/Error.h"
#include "core/Numbering.h"

namespace rt {
namespace {

// Whole seconds, rounded down: 59.99 s has not reached a minute. Negative or NaN
// (never expected) reads as 0 rather than as a minus sign inside a file name.
long long wholeSeconds(double seconds) {
    return seconds > 0.0 ? static_cast<long long>(std::floor(seconds)) : 0;
}

bool knownToken(char c) {
    return c == 'i' || c == 'e' || c == 'r' || c == 'f' || c == '%';
}

}  // namespace

std::string checkpointCommandError(const std::string& commandTemplate) {
    for (size_t i = 0; i < commandTemplate.size(); ++i) {
        if (commandTemplate[i] != '%') continue;
        const std::string position = std::to_string(i);
        if (i + 1 == commandTemplate.size()) {
            return "a lone '%' at the end (position " + position + "); write %% for a literal %";
        }
        const char next = commandTemplate[i + 1];
        if (!knownToken(next)) {
            return "unknown token '%" + std::string(1, next) + "' at position " + position +
                   " (known: %i %e %r %f %%)";
        }
        ++i;  // the token's letter, so that "%%i" is a literal "%i"
    }
    return "";
}

std::string expandCheckpointCommand(const std::string& commandTemplate,
                                    const CheckpointEvent& event) {
    RT_CHECK(checkpointCommandError(commandTemplate).empty());
    std::string out;
    out.reserve(commandTemplate.size() + 16);
    for (size_t i = 0; i < commandTemplate.size(); ++i) {
        const char c = commandTemplate[i];
        if (c != '%') {
            out += c;
            continue;
        }
        switch (commandTemplate[++i]) {
            case 'i':
                out += zeroPadded(event.serial, 5);
                break;
            case 'e':
                out += zeroPadded(wholeSeconds(event.elapsedSeconds), 6);
                break;
            case 'r':
                out += event.reason;
                break;
            case 'f':
                out += frameText(event.frame);
                break;
            default:
                out += '%';
                break;
        }
    }
    return out;
}

}  // namespace rt
