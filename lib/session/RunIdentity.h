#pragma once
// Who wrote a file and when: the render id that ties the files of one render together
// across runs and machines, the host name and the UTC time of resumeHistory entries and
// hook tables (doc/RESUME.md).
#include <string>

namespace rt {

// 16 lowercase hex digits, from the clock, the process id and random bits: tells the
// files of one render from those of any other, on any machine, so that a mixed set (a
// checkpoint next to an output of another run) is always detectable.
std::string makeRenderId();

// This machine's name; "unknown" when it cannot be read.
std::string hostName();

// Now, as "2026-11-21T09:41:15Z".
std::string utcNow();

}  // namespace rt
