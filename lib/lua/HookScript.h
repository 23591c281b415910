#pragma once
// Runs a user Lua hook script (MoonRay's on_resume_script; post-checkpoint scripts):
// trusted production code that may copy files, call os.execute or write databases, so it
// gets every standard library, unlike scene files (Sandbox.h). Each run has a fresh Lua
// state: nothing carries over between runs. In the state:
//   - the global `globalName` holds the given value (ScriptValue.h),
//   - print() writes to the renderer's log as "<script file name>: <text>",
//   - os.exit() raises the error "os.exit is not allowed in hook scripts" instead of
//     ending the renderer,
//   - the global table `renderer` (RendererApi.h) offers log, write_preview, copy_file,
//   - os.execute runs its command through posix_spawn (HookShell.h), so the renderer's
//     signal handling stays on while a hook waits for a command.
//
// Timeout: with a limit the script runs on its own thread and the caller waits at most
// that long. Every 1000 Lua instructions a count hook checks the deadline; once it has
// passed, the hook raises "timed out after N s" at the current line, and again at every
// following instruction, so a script that catches the error with pcall still ends. A
// script stuck in C code (os.execute("sleep 100"), a blocking read) cannot be interrupted
// safely: if it has not ended 0.5 s after the deadline the caller abandons it, and its
// thread finishes in the background (within 1000 Lua instructions of the C call's
// return). A script that ends within those 0.5 s without reaching the hook again (its C
// call returned and it had little left to do) succeeds. The hook slows pure Lua loops
// down about twofold (Lua 5.4 checks hooks per instruction); I/O and C calls are not
// slowed.
#include <cstddef>
#include <string>

#include "lua/ScriptValue.h"

namespace rt {

struct HookOptions {
    // Wall-clock limit of one run. <= 0, NaN, infinity or 1e9 s and more: no limit (the
    // script then runs on the calling thread, with no hook).
    double timeoutSeconds = 60.0;
};

struct HookResult {
    bool ok = false;
    // Empty when ok, else one line naming the script and, where Lua gives it, the line:
    // "hook script 'x.lua' line 3: attempt to call a nil value (global 'f')",
    // "hook script 'x.lua' line 7: timed out after 60 s",
    // "hook script 'x.lua': timed out after 60 s; abandoned (still running in the background)".
    std::string error;
    double seconds = 0.0;    // wall time of the run (until abandoned), failed or not
    bool timedOut = false;   // the limit ended the run
    bool abandoned = false;  // timed out in C code and left running (implies timedOut)
};

// Never throws; a missing file, a syntax error, a runtime error (whatever the error
// value), running out of memory, os.exit or the timeout all come back as ok == false.
HookResult runHookScript(const std::string& scriptPath, const std::string& globalName,
                         const ScriptValue& value, const HookOptions& options = {});

// How many abandoned hook scripts are still running, process-wide.
size_t abandonedHookScripts();

}  // namespace rt
