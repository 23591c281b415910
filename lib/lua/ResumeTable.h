#pragma once
// The `resume` table that on_resume_script receives (doc/RESUME.md documents it):
//
//   status             "resumed" or "fresh"
//   resumed            boolean
//   reason             why the render starts fresh; "" when resumed
//   files              array of the files the state was read (or looked for) in
//   parameters         what the files say (0 / "" / false when nothing was read):
//     renderId           string, the same for every run of one render
//     serial             integer, the checkpoint serial
//     fingerprint        string, 16 lowercase hex digits
//     width, height      integers
//     elapsedSeconds     number, sampling time of every run so far
//     tileSamples        integer, progress position
//     complete           boolean, the image reached its final quality
//     samplingMode       "uniform" or "adaptive"
//     uniformSamples     integer
//     minSamples         integer
//     maxSamples         integer
//     targetError        number
//     sampleCap          integer, 0 = none
//     sppMin, sppMax     integers, samples per pixel of the loaded film
//     sppMean            number
//   history            array of the runs so far, oldest first, each a table:
//     host               string
//     threads            integer
//     startTime          string, UTC ISO 8601
//     endTime            string, UTC ISO 8601
//     seconds            number, sampling time of the run
//     samplesBefore      integer
//     samplesAfter       integer
//     ended              string: "checkpoint", "final", "exitat", "samplecap" or a signal
//   resumeStartStatus  MoonRay's name: the same as resumed
//   resumeFiles        MoonRay's name: an array equal to files
//
// Integers arrive as Lua integers (math.type "integer"), numbers as floats.
#include "checkpoint/ResumeState.h"
#include "lua/ScriptValue.h"

namespace rt {

ScriptValue resumeTable(const ResumeReport& report);

}  // namespace rt
