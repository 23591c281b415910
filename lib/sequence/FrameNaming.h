#pragma once
// File names of one frame of a sequence (doc/SEQUENCES.md): a frame token in a name the
// user gave is replaced by the frame number, zero-padded:
//   shot.####.exr -> shot.0012.exr     (the number of # is the width)
//   shot.%04d.exr -> shot.0012.exr     (printf: %d, or %0Nd for width N)
// A frame wider than the token keeps all its digits (#, frame 123 -> 123). Every token in
// a name is replaced, so a directory may carry the frame too (####/beauty.####.exr).
#include <string>
#include <string_view>

namespace rt {

bool hasFrameToken(std::string_view name);

// `name` with every frame token replaced by `frame`; unchanged when it has none.
std::string expandFrameToken(std::string_view name, int frame);

// A default name that has no token gets the frame before its extension, four digits:
// checkpoint.exr -> checkpoint.0012.exr, out -> out.0012.
std::string insertFrameBeforeExtension(std::string_view name, int frame);

// The name of `frame`'s file. A name the user gave (`userGiven`) must carry a token, else
// UsageError naming `what` (an option or scene attribute, e.g. "option '-out'") and the
// name; a default name without one gets insertFrameBeforeExtension.
std::string frameFileName(std::string_view name, int frame, bool userGiven,
                          const std::string& what);

}  // namespace rt
