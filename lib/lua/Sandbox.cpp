#include "lua/Sandbox.h"

#include <lua.hpp>

#include <cstring>
#include <initializer_list>

namespace rt {
namespace {

// Upvalue 1: the name of the blocked function, e.g. "dofile".
int blockedFunction(lua_State* L) {
    return luaL_error(L,
                      "'%s' is not available in scene files (sandbox); run with -unsafe_scene "
                      "to allow it",
                      lua_tostring(L, lua_upvalueindex(1)));
}

// __index of a blocked library table. Upvalue 1: the library name, e.g. "io".
int blockedField(lua_State* L) {
    const char* library = lua_tostring(L, lua_upvalueindex(1));
    const char* field = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L,
                      "'%s.%s' is not available in scene files (sandbox); run with "
                      "-unsafe_scene to allow it",
                      library, field);
}

// load() restricted to text chunks: precompiled bytecode can crash the interpreter.
// Upvalue 1: the original load.
int textOnlyLoad(lua_State* L) {
    const int n = lua_gettop(L);
    const char* mode = lua_type(L, 3) == LUA_TSTRING ? lua_tostring(L, 3) : "bt";
    if (std::strchr(mode, 'b') && std::strcmp(mode, "bt") != 0) {
        return luaL_error(L,
                          "binary chunks are not allowed in scene files (sandbox); run with "
                          "-unsafe_scene to allow them");
    }
    if (n < 3) lua_settop(L, 3);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    // Keep an explicit nil environment (4 arguments) distinct from no environment.
    lua_call(L, n < 4 ? 3 : n, LUA_MULTRET);
    return lua_gettop(L);
}

void blockGlobalFunction(lua_State* L, const char* name) {
    lua_pushstring(L, name);
    lua_pushcclosure(L, blockedFunction, 1);
    lua_setglobal(L, name);
}

// Replaces global `name` by an empty table whose every field raises.
void blockLibrary(lua_State* L, const char* name) {
    lua_newtable(L);
    lua_newtable(L);
    lua_pushstring(L, name);
    lua_pushcclosure(L, blockedField, 1);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "blocked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setglobal(L, name);
}

// Keeps the harmless os functions and blocks the rest (execute, exit, remove, ...).
void restrictOs(lua_State* L) {
    lua_getglobal(L, "os");
    const int full = lua_gettop(L);
    lua_newtable(L);
    for (const char* keep : {"clock", "time", "date", "getenv", "difftime"}) {
        lua_getfield(L, full, keep);
        lua_setfield(L, -2, keep);
    }
    lua_newtable(L);
    lua_pushliteral(L, "os");
    lua_pushcclosure(L, blockedField, 1);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "blocked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_setglobal(L, "os");
    lua_pop(L, 1);
}

}  // namespace

void openSceneLibraries(lua_State* L, bool unsafe) {
    if (unsafe) {
        luaL_openlibs(L);
        return;
    }
    const luaL_Reg libraries[] = {
        {LUA_GNAME, luaopen_base},       {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_OSLIBNAME, luaopen_os},
    };
    for (const luaL_Reg& lib : libraries) {
        luaL_requiref(L, lib.name, lib.func, 1);
        lua_pop(L, 1);
    }
    restrictOs(L);
    for (const char* name : {"dofile", "loadfile", "require"}) blockGlobalFunction(L, name);
    for (const char* name : {"io", "package", "debug"}) blockLibrary(L, name);

    lua_getglobal(L, "load");
    lua_pushcclosure(L, textOnlyLoad, 1);
    lua_setglobal(L, "load");
}

}  // namespace rt
