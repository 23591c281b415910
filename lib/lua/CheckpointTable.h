#pragma once
// The `checkpoint` table that checkpoint_post_script receives after every checkpoint set
// (doc/CHECKPOINTS.md, "Post-checkpoint hooks"). MoonRay's names first:
//
//   tileSampleTotal       integer, samples taken / pixels * 64 (MoonRay's progress measure)
//   filename              array of the checkpoint files of the set
//   multiVersionFilename  array of the non-overwrite copies (<base>_<NNNN>.exr); empty
//                         with checkpoint_overwrite = true
//   spp                   table: min (integer), mean (number), max (integer)
//   elapsed               number, seconds of sampling, earlier runs of a resumed render
//                         included
//   reason                "checkpoint", "final", "exitat", "samplecap" or "signal"
//   progress              number 0..1, the fraction of the forecast samples taken
//   frame                 number, scene variable frame
//   signalInterruption    boolean, a signal stops the render after this set
// and ours:
//   serial                integer, the checkpoint serial, continued across resumed runs
//   signal                "SIGINT", "SIGTERM", "SIGUSR1", "SIGHUP"; "" unless reason is
//                         "signal"
//   outputs               array of the output files written with the set (final sets)
//   error                 number, mean per-pixel error at the last pass end; 0 before one
//   host                  string, the machine that wrote the set
//   renderId              string, the same in every run of one render
//   resumable             boolean, the set holds the resume state
//
// Integers arrive as Lua integers (math.type "integer"), numbers as floats.
#include "checkpoint/CheckpointEvent.h"
#include "lua/ScriptValue.h"

namespace rt {

ScriptValue checkpointTable(const CheckpointEvent& event);

}  // namespace rt
