#include "sequence/FrameSpec.h"

#include <charconv>
#include <set>
#include <string_view>

#include "core/Error.h"

namespace rt {
namespace {

[[noreturn]] void fail(const std::string& spec, const std::string& why) {
    throw UsageError("option '-frames': '" + spec + "': " + why +
                     " (expected e.g. 12, 1-48, 1-48x4 or 1,5,10-20)");
}

// A whole number >= 0 filling `text` exactly.
bool parseFrame(std::string_view text, int& frame) {
    if (text.empty()) return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), frame);
    return error == std::errc() && end == text.data() + text.size() && frame >= 0;
}

// One comma-separated part: N, A-B or A-BxS, appended to `frames`.
void parsePart(const std::string& spec, std::string_view part, std::vector<int>& frames) {
    std::string quoted(1, '\'');
    quoted.append(part).push_back('\'');
    const size_t dash = part.find('-');
    if (dash == std::string_view::npos) {
        int frame = 0;
        if (!parseFrame(part, frame)) fail(spec, quoted + " is not a frame number");
        frames.push_back(frame);
        return;
    }
    std::string_view rest = part.substr(dash + 1);
    std::string_view stepText = "1";
    if (const size_t x = rest.find('x'); x != std::string_view::npos) {
        stepText = rest.substr(x + 1);
        rest = rest.substr(0, x);
    }
    int first = 0, last = 0, step = 0;
    if (!parseFrame(part.substr(0, dash), first))
        fail(spec, quoted + ": the range has no first frame");
    if (!parseFrame(rest, last)) fail(spec, quoted + ": the range has no last frame");
    if (!parseFrame(stepText, step) || step < 1)
        fail(spec, quoted + ": the step after 'x' must be a whole number >= 1");
    if (last < first) fail(spec, quoted + ": the range ends before it starts");
    for (long long frame = first; frame <= last; frame += step)
        frames.push_back(static_cast<int>(frame));
}

}  // namespace

std::vector<int> parseFrameSpec(const std::string& spec) {
    if (spec.empty()) fail(spec, "no frames");
    std::vector<int> frames;
    std::string_view rest = spec;
    while (true) {
        const size_t comma = rest.find(',');
        const std::string_view part = rest.substr(0, comma);
        if (part.empty()) fail(spec, "an empty part between commas");
        parsePart(spec, part, frames);
        if (comma == std::string_view::npos) break;
        rest = rest.substr(comma + 1);
    }
    std::set<int> seen;
    for (int frame : frames) {
        if (!seen.insert(frame).second)
            fail(spec, "frame " + std::to_string(frame) + " is listed twice");
    }
    return frames;
}

}  // namespace rt
