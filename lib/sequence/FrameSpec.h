#pragma once
// -frames SPEC (doc/SEQUENCES.md): the frame lists farm managers and Nuke write.
//   12          one frame
//   1-48        a range, both ends included
//   1-48x4      every 4th frame of a range: 1, 5, ..., 45
//   1,5,10-20   any of these, comma-separated, rendered in the order given
// Frames are whole numbers >= 0; a frame listed twice is an error (two renders would
// write one set of files).
#include <string>
#include <vector>

namespace rt {

// Throws UsageError naming the option ("option '-frames': ...") and the bad part.
std::vector<int> parseFrameSpec(const std::string& spec);

}  // namespace rt
