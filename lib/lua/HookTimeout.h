#pragma once
// The timeout of hook scripts (HookScript.h), kept apart from the Lua running itself:
// a deadline that a Lua count hook watches, and a runner that executes the script on its
// own thread, waits at most until the deadline (plus a grace period) and abandons it
// after that. Internal to the lua module.
#include <atomic>
#include <chrono>
#include <functional>
#include <string>

struct lua_State;

namespace rt::hook {

struct Deadline {
    std::chrono::steady_clock::time_point at;
    std::atomic<bool> cancel{false};  // set by the waiting caller when it gives up
    char limitText[32] = "";          // the limit in seconds, "%g": "60", "0.5"
    bool fired = false;               // the hook raised the timeout (script thread only)
};

// Installs a count hook on L (coroutines created later inherit it) that checks the
// deadline every 1000 instructions. Once the deadline passed or cancel is set, it raises
// "<chunk>:<line>: timed out after N s" and then again before every instruction, so that
// catching the error with pcall does not let the script go on. `deadline` must outlive
// the state.
void watchDeadline(lua_State* L, Deadline& deadline);

struct TimedOutcome {
    std::string error;  // what `body` returned, or the abandonment message
    bool timedOut = false;
    bool abandoned = false;
};

// Runs body(deadline) on a new thread and waits for it at most `seconds` plus a grace of
// 0.5 s. `body` must not throw and must own everything it uses (it is moved to the thread,
// which an abandoned run leaves running). `scriptPath` only names the script in messages.
TimedOutcome runWithDeadline(const std::string& scriptPath, double seconds,
                             std::function<std::string(Deadline&)> body);

}  // namespace rt::hook
