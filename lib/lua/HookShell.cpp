#include "lua/HookShell.h"

#include <unistd.h>
#include <lua.hpp>

#include <cstdio>

#include "core/ShellCommand.h"

namespace rt {
namespace {

// What a run gave, as trivially destructible data: a Lua error (longjmp) while pushing
// the results must not skip a C++ destructor.
struct Outcome {
    bool started = false;
    int exitStatus = -1;
    int signal = 0;
    char error[512] = "";
};

Outcome run(const char* command) noexcept {
    Outcome outcome;
    try {
        const ShellResult result = runShellCommand(command);
        outcome.started = result.started;
        outcome.exitStatus = result.exitStatus;
        outcome.signal = result.signal;
        std::snprintf(outcome.error, sizeof outcome.error, "%s", result.error.c_str());
    } catch (...) {
        std::snprintf(outcome.error, sizeof outcome.error, "out of memory");
    }
    return outcome;
}

// os.execute([command]): without a command, whether a shell is available; else
// true|fail, "exit"|"signal", code (Lua 5.4 manual, 6.9), or fail, message when the
// shell could not be started.
int osExecute(lua_State* L) {
    const char* command = luaL_optstring(L, 1, nullptr);
    if (command == nullptr) {
        lua_pushboolean(L, ::access("/bin/sh", X_OK) == 0);
        return 1;
    }
    const Outcome outcome = run(command);
    if (!outcome.started) {
        luaL_pushfail(L);
        lua_pushstring(L, outcome.error);
        return 2;
    }
    const bool exited = outcome.signal == 0;
    if (exited && outcome.exitStatus == 0) {
        lua_pushboolean(L, 1);
    } else {
        luaL_pushfail(L);
    }
    lua_pushstring(L, exited ? "exit" : "signal");
    lua_pushinteger(L, exited ? outcome.exitStatus : outcome.signal);
    return 3;
}

}  // namespace

void replaceOsExecute(lua_State* L) {
    lua_getglobal(L, LUA_OSLIBNAME);
    lua_pushcfunction(L, osExecute);
    lua_setfield(L, -2, "execute");
    lua_pop(L, 1);
}

}  // namespace rt
