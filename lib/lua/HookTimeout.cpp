#include "lua/HookTimeout.h"

#include <lua.hpp>

#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "lua/HookScript.h"

namespace rt {
namespace {

// Any hook makes Lua 5.4 take a slow path at every instruction, which roughly halves the
// speed of pure Lua loops (I/O and C calls are unaffected); the clock read every 1000
// instructions adds little to that, and a busy loop still stops within microseconds.
// Return hooks, which would stop a script right after a long C call, cost another 20%
// on call-heavy code, so a script back from one runs at most 1000 more instructions.
constexpr int kCheckEvery = 1000;
// How long the caller waits beyond the deadline for a script to end by itself (the hook
// only runs between Lua instructions, so a script in C code cannot be stopped by it).
constexpr std::chrono::milliseconds kGrace{500};

std::atomic<size_t> g_abandoned{0};

hook::Deadline* deadlineOf(lua_State* L) {
    hook::Deadline* deadline = nullptr;
    std::memcpy(&deadline, lua_getextraspace(L), sizeof(deadline));
    return deadline;
}

bool expired(const hook::Deadline& deadline) {
    return deadline.cancel.load(std::memory_order_relaxed) ||
           std::chrono::steady_clock::now() >= deadline.at;
}

// Raises the timeout at the current line once the deadline passed.
void deadlineHook(lua_State* L, lua_Debug* ar) {
    hook::Deadline* deadline = deadlineOf(L);
    if (!deadline || (!deadline->fired && !expired(*deadline))) return;
    deadline->fired = true;
    // From now on before every instruction of this coroutine (others re-arm themselves
    // within kCheckEvery instructions): the error cannot be caught and ignored.
    lua_sethook(L, deadlineHook, LUA_MASKCOUNT, 1);
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        lua_pushfstring(L, "%s:%d: timed out after %s s", ar->short_src, ar->currentline,
                        deadline->limitText);
    } else {
        lua_pushfstring(L, "timed out after %s s", deadline->limitText);
    }
    lua_error(L);
}

// Shared by the caller and the script thread, which may outlive the caller.
struct TimedRun {
    std::function<std::string(hook::Deadline&)> body;
    hook::Deadline deadline;
    std::mutex mutex;
    std::condition_variable ended;
    bool finished = false;   // guarded by mutex
    bool abandoned = false;  // guarded by mutex
    std::string error;       // guarded by mutex
};

void runOnThread(const std::shared_ptr<TimedRun>& run) {
    std::string error = run->body(run->deadline);
    std::lock_guard lock(run->mutex);
    run->error = std::move(error);
    run->finished = true;
    if (run->abandoned) g_abandoned.fetch_sub(1);
    run->ended.notify_all();
}

}  // namespace

size_t abandonedHookScripts() {
    return g_abandoned.load();
}

namespace hook {

void watchDeadline(lua_State* L, Deadline& deadline) {
    Deadline* pointer = &deadline;
    static_assert(LUA_EXTRASPACE >= sizeof(pointer));
    // The extra space of the main thread is copied into every coroutine it creates.
    std::memcpy(lua_getextraspace(L), &pointer, sizeof(pointer));
    lua_sethook(L, deadlineHook, LUA_MASKCOUNT, kCheckEvery);
}

TimedOutcome runWithDeadline(const std::string& scriptPath, double seconds,
                             std::function<std::string(Deadline&)> body) {
    auto run = std::make_shared<TimedRun>();
    run->body = std::move(body);
    run->deadline.at = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(seconds));
    std::snprintf(run->deadline.limitText, sizeof(run->deadline.limitText), "%g", seconds);

    std::thread thread(runOnThread, run);  // may throw std::system_error: the caller catches
    TimedOutcome outcome;
    std::unique_lock lock(run->mutex);
    const auto finished = [&] { return run->finished; };
    if (!run->ended.wait_until(lock, run->deadline.at, finished)) {
        run->deadline.cancel = true;
        if (!run->ended.wait_until(lock, run->deadline.at + kGrace, finished)) {
            run->abandoned = true;
            g_abandoned.fetch_add(1);
            lock.unlock();
            thread.detach();
            outcome.timedOut = outcome.abandoned = true;
            outcome.error = "hook script '" + scriptPath + "': timed out after " +
                            run->deadline.limitText +
                            " s; abandoned (still running in the background)";
            return outcome;
        }
    }
    outcome.error = std::move(run->error);
    lock.unlock();
    thread.join();  // finished: the thread is returning, so this is immediate
    // The script thread wrote `fired` before it set `finished` under the mutex.
    outcome.timedOut = run->deadline.fired && !outcome.error.empty();
    return outcome;
}

}  // namespace hook
}  // namespace rt
