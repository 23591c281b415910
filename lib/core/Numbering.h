#pragma once
// How numbers are written into file names and commands: checkpoint serials, elapsed
// seconds and frame numbers. One place, so that `%f` of checkpoint_command, the
// per-frame file names and the Lua global `frame` agree on what a frame looks like.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace rt {

// Zero-padded to `width` digits; a larger number keeps all of its digits (never cut).
inline std::string zeroPadded(long long value, int width) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    const size_t sign = value < 0 ? 1 : 0;
    const size_t zeros = width > 0
                             ? std::max<size_t>(static_cast<size_t>(width), digits.size() + sign) -
                                   digits.size() - sign
                             : 0;
    return std::string(sign, '-') + std::string(zeros, '0') + digits;
}

// A frame that is a whole number (and fits an integer): written without a fraction.
inline bool isWholeFrame(double frame) {
    return frame == std::floor(frame) && std::abs(frame) < 1e15;
}

// A whole frame as four digits, like the default per-frame names (0012); a fractional
// one as the shortest decimal that reads back the same (12.5).
inline std::string frameText(double frame) {
    if (isWholeFrame(frame)) return zeroPadded(static_cast<long long>(frame), 4);
    char text[32];
    std::snprintf(text, sizeof text, "%.9g", frame);
    return text;
}

}  // namespace rt
