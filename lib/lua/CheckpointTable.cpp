#include "lua/CheckpointTable.h"

namespace rt {

ScriptValue checkpointTable(const CheckpointEvent& event) {
    return ScriptValue::table({
        {"tileSampleTotal", event.tileSampleTotal},
        {"filename", ScriptValue(event.files)},
        {"multiVersionFilename", ScriptValue(event.versionedFiles)},
        {"spp", ScriptValue::table({
                    {"min", event.sppMin},
                    {"mean", event.sppMean},
                    {"max", event.sppMax},
                })},
        {"elapsed", event.elapsedSeconds},
        {"reason", event.reason},
        {"progress", event.progress},
        {"frame", event.frame},
        {"signalInterruption", event.signalInterruption},
        {"serial", event.serial},
        {"signal", event.signal},
        {"outputs", ScriptValue(event.outputs)},
        {"error", event.meanError},
        {"host", event.host},
        {"renderId", event.renderId},
        {"resumable", event.resumable},
    });
}

}  // namespace rt
