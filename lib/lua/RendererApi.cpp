#include "lua/RendererApi.h"

#include <lua.hpp>

#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <new>
#include <string>
#include <system_error>
#include <type_traits>

#include "core/Log.h"
#include "io/AtomicFile.h"
#include "io/PreviewImage.h"

namespace rt {
namespace {

// A Lua error (longjmp) skips C++ destructors, so the functions below hold only trivially
// destructible data while they call Lua: the C++ work runs in helpers that catch every
// exception and leave their message in this fixed buffer, and only then is it pushed.
struct Message {
    char text[4096] = "";
};
static_assert(std::is_trivially_destructible_v<PreviewSettings>);

[[gnu::format(printf, 2, 3)]] bool fail(Message& message, const char* format, ...) {
    va_list args;
    va_start(args, format);
    std::vsnprintf(message.text, sizeof(message.text), format, args);
    va_end(args);
    return false;
}

// Runs work(std::string& error) -> bool; its error or exception lands in `message`.
template <typename Work>
bool guarded(Message& message, Work&& work) noexcept {
    try {
        std::string error;
        if (work(error)) return true;
        return fail(message, "%s", error.c_str());
    } catch (const std::bad_alloc&) {
        return fail(message, "out of memory");
    } catch (const std::exception& e) {
        return fail(message, "%s", e.what());
    } catch (...) {
        return fail(message, "unknown error");
    }
}

int pushFailure(lua_State* L, const Message& message) {
    lua_pushnil(L);
    lua_pushstring(L, message.text);
    return 2;
}

bool copyFileAtomic(const std::string& source, const std::string& destination, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_regular_file(source, ec)) {
        error = "cannot copy '" + source +
                "': " + (fs::exists(source, ec) ? "not a regular file" : "no such file");
        return false;
    }
    std::string target = destination;
    if (fs::is_directory(destination, ec)) {
        target = (fs::path(destination) / fs::path(source).filename()).string();
    }
    const std::string part = partPath(target);
    bool ok = fs::copy_file(source, part, fs::copy_options::overwrite_existing, ec);
    if (!ok) error = "cannot copy '" + source + "' to '" + part + "': " + ec.message();
    ok = ok && fsyncFile(part, error) && commitPart(target, error);
    if (!ok) discardPart(target);
    return ok;
}

// print(...) and renderer.log(...): "<script file name>: a<TAB>b" in the renderer's log.
// Upvalue 1: the script's file name.
int logLine(lua_State* L) {
    const int n = lua_gettop(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushvalue(L, lua_upvalueindex(1));
    luaL_addvalue(&b);
    luaL_addlstring(&b, ": ", 2);
    for (int i = 1; i <= n; ++i) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, nullptr);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t length = 0;
    const char* text = lua_tolstring(L, -1, &length);
    bool logged = true;
    try {
        log::info(std::string(text, length));
    } catch (...) {
        logged = false;
    }
    if (!logged) return luaL_error(L, "print: out of memory");
    return 0;
}

// The value on top of the stack as an integer in [low, high].
bool integerOption(lua_State* L, const char* key, lua_Integer low, lua_Integer high, int& out,
                   Message& message) {
    int isInteger = 0;
    const lua_Integer value =
        lua_type(L, -1) == LUA_TNUMBER ? lua_tointegerx(L, -1, &isInteger) : 0;
    if (!isInteger || value < low || value > high) {
        return fail(message, "write_preview: option %s must be an integer in %lld..%lld", key,
                    static_cast<long long>(low), static_cast<long long>(high));
    }
    out = static_cast<int>(value);
    return true;
}

// The option named `key` whose value is on top of the stack.
bool readOption(lua_State* L, const char* key, PreviewSettings& settings, Message& message) {
    if (std::strcmp(key, "exposure") == 0) {
        if (lua_type(L, -1) != LUA_TNUMBER || !std::isfinite(lua_tonumber(L, -1))) {
            return fail(message, "write_preview: option exposure must be a finite number (stops)");
        }
        settings.exposure = lua_tonumber(L, -1);
        return true;
    }
    if (std::strcmp(key, "tonemap") == 0) {
        const char* name = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (std::strcmp(name, "clamp") == 0) {
            settings.toneMap = ToneMap::Clamp;
        } else if (std::strcmp(name, "reinhard") == 0) {
            settings.toneMap = ToneMap::Reinhard;
        } else {
            return fail(message, "write_preview: option tonemap must be \"clamp\" or \"reinhard\"");
        }
        return true;
    }
    if (std::strcmp(key, "max_size") == 0) {
        return integerOption(L, key, 1, INT_MAX, settings.maxSize, message);
    }
    if (std::strcmp(key, "quality") == 0) {
        return integerOption(L, key, 1, 100, settings.jpegQuality, message);
    }
    return fail(message,
                "write_preview: unknown option '%s' (known: exposure, tonemap, max_size, quality)",
                key);
}

bool readOptions(lua_State* L, int index, PreviewSettings& settings, Message& message) {
    if (lua_isnoneornil(L, index)) return true;
    if (!lua_istable(L, index)) {
        return fail(message, "write_preview: the options must be a table, not a %s",
                    luaL_typename(L, index));
    }
    lua_pushnil(L);
    while (lua_next(L, index) != 0) {
        if (lua_type(L, -2) != LUA_TSTRING) {
            return fail(message, "write_preview: option names must be strings, not a %s",
                        luaL_typename(L, -2));
        }
        if (!readOption(L, lua_tostring(L, -2), settings, message)) return false;
        lua_pop(L, 1);
    }
    return true;
}

// renderer.write_preview(src, dst [, options]) -> true | nil, message
int rendererWritePreview(lua_State* L) {
    const char* source = luaL_checkstring(L, 1);
    const char* destination = luaL_checkstring(L, 2);
    PreviewSettings settings;
    Message message;
    if (!readOptions(L, 3, settings, message) || !guarded(message, [&](std::string& error) {
            return writePreview(source, destination, settings, error);
        })) {
        return pushFailure(L, message);
    }
    lua_pushboolean(L, 1);
    return 1;
}

// renderer.copy_file(src, dst) -> true | nil, message
int rendererCopyFile(lua_State* L) {
    const char* source = luaL_checkstring(L, 1);
    const char* destination = luaL_checkstring(L, 2);
    Message message;
    if (!guarded(message,
                 [&](std::string& error) { return copyFileAtomic(source, destination, error); })) {
        return pushFailure(L, message);
    }
    lua_pushboolean(L, 1);
    return 1;
}

}  // namespace

void openRendererApi(lua_State* L, const char* scriptName) {
    lua_pushstring(L, scriptName);
    lua_pushcclosure(L, logLine, 1);
    lua_setglobal(L, "print");

    lua_createtable(L, 0, 3);
    lua_pushstring(L, scriptName);
    lua_pushcclosure(L, logLine, 1);
    lua_setfield(L, -2, "log");
    lua_pushcfunction(L, rendererWritePreview);
    lua_setfield(L, -2, "write_preview");
    lua_pushcfunction(L, rendererCopyFile);
    lua_setfield(L, -2, "copy_file");
    // In package.loaded too: require("renderer") works and argument errors name
    // "renderer.copy_file" rather than "?".
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_pushvalue(L, -2);
    lua_setfield(L, -2, "renderer");
    lua_pop(L, 1);
    lua_setglobal(L, "renderer");
}

}  // namespace rt
