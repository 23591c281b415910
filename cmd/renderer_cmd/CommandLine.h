#pragma once
// renderer_cmd's command line: MoonRay's single-dash options parsed with
// Boost.Program_options into a plain struct (doc/COMMAND_LINE.md).
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rt {

struct CommandLine {
    std::vector<std::string> inputs;                             // -in, in order
    std::string out;                                             // -out
    std::optional<std::pair<int, int>> size;                     // -size W H
    std::optional<float> res;                                    // -res DIVISOR
    int threads = 0;                                             // -threads; 0 = every core
    std::vector<std::pair<std::string, std::string>> sceneVars;  // -scene_var NAME VALUE
    std::vector<int> frames;                 // -frames SPEC; empty: one render (no sequence)
    std::string sequenceReport;              // -sequence_report FILE.json
    std::optional<double> sequenceDeadline;  // -sequence_deadline, in seconds from now
    std::optional<int> sequenceMinSpp;       // -sequence_min_spp: the deadline's draft floor
    std::string stats;                       // -stats FILE: JSON lines, one per pass
    std::string statsPlot;                   // -stats_plot FILE.png
    bool info = false;                       // -info
    bool unsafeScene = false;                // -unsafe_scene
    bool ignoreUnsupportedOutputs = false;   // -ignore_unsupported_outputs
    bool help = false;                       // -h / -help
    // -allow_system_commands: checkpoint_command may run its shell command (RenderMan runs
    // one only where system calls are enabled).
    bool allowSystemCommands = false;
};

// Throws UsageError with a message naming the offending option.
CommandLine parseCommandLine(int argc, const char* const argv[]);

std::string usageText();

}  // namespace rt
