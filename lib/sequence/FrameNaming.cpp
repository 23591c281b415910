#include "sequence/FrameNaming.h"

#include "core/Error.h"
#include "core/Numbering.h"

namespace rt {
namespace {

// The length of the printf frame token (%d or %0Nd) at `at`, 0 when there is none.
size_t printfTokenLength(std::string_view name, size_t at, int& width) {
    if (name[at] != '%') return 0;
    size_t i = at + 1;
    width = 0;
    if (i < name.size() && name[i] == '0') {
        ++i;
        const size_t digitsBegin = i;
        while (i < name.size() && name[i] >= '0' && name[i] <= '9' && i - digitsBegin < 2)
            width = width * 10 + (name[i++] - '0');
        if (i == digitsBegin) return 0;  // "%0" with no width
    }
    return i < name.size() && name[i] == 'd' ? i + 1 - at : 0;
}

// Calls `token(width)` for every frame token and `text(c)` for every other character.
template <typename Token, typename Text>
void scan(std::string_view name, Token token, Text text) {
    for (size_t i = 0; i < name.size();) {
        if (name[i] == '#') {
            size_t end = i;
            while (end < name.size() && name[end] == '#') ++end;
            token(static_cast<int>(end - i));
            i = end;
            continue;
        }
        int width = 0;
        if (const size_t length = printfTokenLength(name, i, width)) {
            token(width);
            i += length;
            continue;
        }
        text(name[i++]);
    }
}

}  // namespace

bool hasFrameToken(std::string_view name) {
    bool found = false;
    scan(
        name, [&](int) { found = true; }, [](char) {});
    return found;
}

std::string expandFrameToken(std::string_view name, int frame) {
    std::string result;
    scan(
        name, [&](int width) { result += zeroPadded(frame, width); }, [&](char c) { result += c; });
    return result;
}

std::string insertFrameBeforeExtension(std::string_view name, int frame) {
    const size_t slash = name.find_last_of('/');
    const size_t dot = name.find_last_of('.');
    const bool hasExtension =
        dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash + 1);
    const size_t at = hasExtension ? dot : name.size();
    return std::string(name.substr(0, at)) + "." + zeroPadded(frame, 4) +
           std::string(name.substr(at));
}

std::string frameFileName(std::string_view name, int frame, bool userGiven,
                          const std::string& what) {
    if (hasFrameToken(name)) return expandFrameToken(name, frame);
    if (userGiven) {
        throw UsageError(what + ": '" + std::string(name) +
                         "' has no frame token, so every frame would write the same file "
                         "(write e.g. shot.####.exr or shot.%04d.exr)");
    }
    return insertFrameBeforeExtension(name, frame);
}

}  // namespace rt
