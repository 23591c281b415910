#include "lua/HookScript.h"

#include <lua.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <exception>
#include <filesystem>
#include <limits>
#include <new>
#include <system_error>
#include <utility>
#include <variant>

#include "core/Log.h"
#include "lua/HookShell.h"
#include "lua/HookTimeout.h"
#include "lua/LuaState.h"
#include "lua/RendererApi.h"

namespace rt {
namespace {

// Everything from setting up the state to the end of the script runs inside one
// lua_pcall, so running out of memory anywhere is an error, never a panic. The functions
// that Lua calls only touch trivially destructible data while a Lua error (longjmp) may be
// raised, so no C++ destructor is ever skipped.

// Deeper values would risk the C stack (pushValue recurses); Lua's own limit is similar.
constexpr int kMaxDepth = 200;

int sizeHint(size_t n) {
    return static_cast<int>(std::min<size_t>(n, std::numeric_limits<int>::max()));
}

void pushValue(lua_State* L, const ScriptValue& value, int depth) {
    if (depth > kMaxDepth) luaL_error(L, "the value is nested more than %d levels deep", kMaxDepth);
    luaL_checkstack(L, 3, "the value is nested too deeply");
    if (const bool* b = std::get_if<bool>(&value.data)) {
        lua_pushboolean(L, *b);
    } else if (const int64_t* i = std::get_if<int64_t>(&value.data)) {
        lua_pushinteger(L, static_cast<lua_Integer>(*i));
    } else if (const double* d = std::get_if<double>(&value.data)) {
        lua_pushnumber(L, static_cast<lua_Number>(*d));
    } else if (const std::string* s = std::get_if<std::string>(&value.data)) {
        lua_pushlstring(L, s->data(), s->size());
    } else if (const ScriptValue::Array* items = std::get_if<ScriptValue::Array>(&value.data)) {
        lua_createtable(L, sizeHint(items->size()), 0);
        lua_Integer index = 0;
        for (const ScriptValue& item : *items) {
            pushValue(L, item, depth + 1);
            lua_rawseti(L, -2, ++index);
        }
    } else if (const ScriptValue::Table* fields = std::get_if<ScriptValue::Table>(&value.data)) {
        lua_createtable(L, 0, sizeHint(fields->size()));
        for (const auto& [key, field] : *fields) {
            lua_pushlstring(L, key.data(), key.size());
            pushValue(L, field, depth + 1);
            lua_rawset(L, -3);
        }
    } else {
        lua_pushnil(L);
    }
}

int refuseExit(lua_State* L) {
    return luaL_error(L, "os.exit is not allowed in hook scripts");
}

// Turns any error value into a string message. Strings raised in Lua code already carry
// "chunk:line: "; other values get the line of the innermost Lua function on the stack.
int messageHandler(lua_State* L) {
    if (lua_type(L, 1) == LUA_TSTRING) return 1;
    lua_Debug ar;
    bool located = false;
    for (int level = 1; lua_getstack(L, level, &ar); ++level) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            located = true;
            break;
        }
    }
    if (!located) lua_pushliteral(L, "");
    if (luaL_callmeta(L, 1, "__tostring")) {
        if (lua_type(L, -1) != LUA_TSTRING) {
            lua_pop(L, 1);
            lua_pushliteral(L, "error object with a __tostring that returns no string");
        }
    } else if (lua_type(L, 1) == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
        lua_tostring(L, -1);
    } else {
        lua_pushfstring(L, "error object is a %s value", luaL_typename(L, 1));
    }
    lua_concat(L, 2);
    return 1;
}

struct RunArgs {
    const char* path;
    const char* fileName;
    const char* globalName;
    const ScriptValue* value;
    hook::Deadline* deadline;  // null: no time limit
};

// Argument 1: a RunArgs. Returns the status of the script (a LUA_* code) and, unless it
// is LUA_OK, the error message. Errors raised here (out of memory while setting up) reach
// the caller's lua_pcall.
int runInState(lua_State* L) {
    const auto* args = static_cast<const RunArgs*>(lua_touserdata(L, 1));
    lua_settop(L, 0);
    if (args->deadline) hook::watchDeadline(L, *args->deadline);
    luaL_openlibs(L);

    lua_getglobal(L, LUA_OSLIBNAME);
    lua_pushcfunction(L, refuseExit);
    lua_setfield(L, -2, "exit");
    lua_pop(L, 1);
    replaceOsExecute(L);

    openRendererApi(L, args->fileName);  // renderer.*, and print to the log

    pushValue(L, *args->value, 0);
    lua_setglobal(L, args->globalName);

    lua_pushcfunction(L, messageHandler);
    const int handler = lua_gettop(L);
    int status = luaL_loadfilex(L, args->path, "t");
    if (status == LUA_OK) status = lua_pcall(L, 0, 0, handler);
    lua_pushinteger(L, status);
    if (status == LUA_OK) {
        lua_pushnil(L);
    } else if (lua_type(L, -2) == LUA_TSTRING) {
        lua_pushvalue(L, -2);
    } else {
        lua_pushliteral(L, "unknown error");
    }
    return 2;
}

// Splits "<chunk>:<line>: <text>" where the chunk is the script itself (Lua shortens
// long names to "...<tail>"); false for messages located elsewhere or nowhere.
bool splitScriptLine(const std::string& message, const std::string& path, int& line,
                     std::string& text) {
    for (size_t colon = message.find(':'); colon != std::string::npos;
         colon = message.find(':', colon + 1)) {
        const std::string_view chunk(message.data(), colon);
        const bool isScript = chunk == path || (chunk.starts_with("...") && chunk.size() > 3 &&
                                                std::string_view(path).ends_with(chunk.substr(3)));
        if (!isScript) continue;
        const char* digits = message.data() + colon + 1;
        const char* end = message.data() + message.size();
        int number = 0;
        const auto [after, ec] = std::from_chars(digits, end, number);
        if (ec != std::errc() || after == digits || end - after < 2 || after[0] != ':' ||
            after[1] != ' ') {
            continue;
        }
        line = number;
        text.assign(after + 2, end);
        return true;
    }
    return false;
}

std::string failure(const std::string& path, int line, const std::string& text) {
    std::string message = "hook script '" + path + "'";
    if (line > 0) message += " line " + std::to_string(line);
    return message + ": " + text;
}

std::string describeLuaError(const std::string& path, int status, const std::string& message) {
    int line = 0;
    std::string text;
    if (!splitScriptLine(message, path, line, text)) text = message;
    // Lua reports a binary file (refused: scripts are text) as a syntax error too.
    if (status == LUA_ERRSYNTAX && !text.starts_with("attempt to load")) {
        text = "syntax error: " + text;
    }
    if (status == LUA_ERRMEM) text = "out of memory";  // Lua says "not enough memory"
    return failure(path, line, text);
}

struct Outcome {
    int status = LUA_OK;
    std::string message;  // Lua's error message unless status is LUA_OK
};

// The Lua state is closed on return, so a script that ran out of memory has given its
// memory back before the message is formatted.
Outcome runInFreshState(const std::string& path, const std::string& globalName,
                        const ScriptValue& value, hook::Deadline* deadline) {
    const std::string fileName = std::filesystem::path(path).filename().string();
    RunArgs args{path.c_str(), fileName.c_str(), globalName.c_str(), &value, deadline};
    LuaState lua;
    lua_State* L = lua.get();
    // Neither push allocates, so neither can raise outside the protected call.
    lua_pushcfunction(L, runInState);
    lua_pushlightuserdata(L, &args);
    Outcome outcome;
    outcome.status = lua_pcall(L, 1, 2, 0);
    if (outcome.status == LUA_OK) outcome.status = static_cast<int>(lua_tointeger(L, -2));
    if (outcome.status != LUA_OK) {
        size_t length = 0;
        const char* raw = lua_type(L, -1) == LUA_TSTRING ? lua_tolstring(L, -1, &length) : nullptr;
        outcome.message = raw ? std::string(raw, length) : "unknown error";
    }
    return outcome;
}

// The message for the exception being handled (called in a catch block, which keeps the
// exception, and so what(), alive).
std::string currentException(const std::string& path) noexcept {
    const char* what = "unknown error";
    try {
        throw;
    } catch (const std::bad_alloc&) {
        what = "out of memory";
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
    }
    try {
        return "hook script '" + path + "': " + what;
    } catch (...) {
        return "out of memory";  // short enough not to allocate
    }
}

// Empty on success, else the error. A timed run calls this on its own thread.
std::string runScript(const std::string& path, const std::string& globalName,
                      const ScriptValue& value, hook::Deadline* deadline) noexcept {
    try {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            return failure(path, 0,
                           std::filesystem::exists(path, ec) ? "cannot read (not a regular file)"
                                                             : "cannot open (no such file)");
        }
        const Outcome outcome = runInFreshState(path, globalName, value, deadline);
        return outcome.status == LUA_OK ? std::string()
                                        : describeLuaError(path, outcome.status, outcome.message);
    } catch (...) {
        return currentException(path);
    }
}

}  // namespace

HookResult runHookScript(const std::string& scriptPath, const std::string& globalName,
                         const ScriptValue& value, const HookOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    HookResult result;
    // From 1e9 s (31 years) on a limit would overflow the clock; it means "none" anyway.
    const double limit = options.timeoutSeconds;
    try {
        if (!(limit > 0.0 && limit < 1e9)) {
            result.error = runScript(scriptPath, globalName, value, nullptr);
        } else {
            // The thread gets its own copies: an abandoned run outlives this call.
            auto body = [path = scriptPath, name = globalName,
                         copy = value](hook::Deadline& deadline) noexcept {
                return runScript(path, name, copy, &deadline);
            };
            hook::TimedOutcome outcome = hook::runWithDeadline(scriptPath, limit, std::move(body));
            result.error = std::move(outcome.error);
            result.timedOut = outcome.timedOut;
            result.abandoned = outcome.abandoned;
        }
    } catch (...) {
        result.error = currentException(scriptPath);  // no thread (std::system_error)
    }
    result.ok = result.error.empty();
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace rt
