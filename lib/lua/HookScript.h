#pragma once
// Runs a user Lua hook script (MoonRay's on_resume_script; post-checkpoint scripts):
// trusted production code that may copy files, call os.execute or write databases, so it
// gets every standard library, unlike scene files (Sandbox.h). Each run has a fresh Lua
// state: nothing carries over between runs. In the state:
//   - the global `globalName` holds the given value (ScriptValue.h),
//   - print() writes to the renderer's log as "<script file name>: <text>",
//   - os.exit() raises the error "os.exit is not allowed in hook scripts" instead of
//     ending the renderer.
#include <string>

#include "lua/ScriptValue.h"

namespace rt {

struct HookResult {
    bool ok = false;
    // Empty when ok, else one line naming the script and, where Lua gives it, the line:
    // "hook script 'x.lua' line 3: attempt to call a nil value (global 'f')".
    std::string error;
    double seconds = 0.0;  // wall time of the run, failed or not
};

// Never throws; a missing file, a syntax error, a runtime error (whatever the error
// value), running out of memory or os.exit all come back as ok == false.
HookResult runHookScript(const std::string& scriptPath, const std::string& globalName,
                         const ScriptValue& value);

}  // namespace rt
