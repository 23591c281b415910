#pragma once
// RenderMan's post-checkpoint system command: a template whose tokens are replaced with
// the checkpoint set's values before the command runs (doc/CHECKPOINTS.md,
// "Post-checkpoint hooks"). Pure text work; running the command is core/ShellCommand.h.
//
// Tokens: %i the increment (checkpoint serial, at least 5 digits, zero-padded),
// %e the elapsed sampling seconds (floored, at least 6 digits), %r the reason
// (checkpoint, final, exitat, samplecap, signal), %f the frame (scene variable frame:
// four digits when whole, 0012, else 12.5; ours, for sequences), %% a literal %.
#include <string>

#include "checkpoint/CheckpointEvent.h"

namespace rt {

// Empty when the template is valid; otherwise why not, with the 0-based position of the
// offending '%': an unknown token, or a lone '%' at the end. Checked when the option is
// parsed, so that a typo fails at once rather than after hours of rendering.
std::string checkpointCommandError(const std::string& commandTemplate);

// The command with every token replaced. Precondition: checkpointCommandError is empty.
// The reason is inserted as is: it is always one of the fixed words above.
std::string expandCheckpointCommand(const std::string& commandTemplate,
                                    const CheckpointEvent& event);

}  // namespace rt
