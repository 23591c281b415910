#include "lua/RdlaLibrary.h"

#include <lauxlib.h>
#include <lua.h>
#include <initializer_list>

namespace rt {
namespace {

// Registry names of the metatables that mark each kind of value.
constexpr const char* kUndef = "rdl2_Undef";
constexpr const char* kBlurred = "rdl2_BlurredValue";
constexpr const char* kBound = "rdl2_BoundValue";

// A table of the arguments with the metatable `kind`.
int packArguments(lua_State* L, const char* kind) {
    const int n = lua_gettop(L);
    lua_createtable(L, n, 0);
    for (int i = 1; i <= n; ++i) {
        lua_pushvalue(L, i);
        lua_rawseti(L, -2, i);
    }
    luaL_setmetatable(L, kind);
    return 1;
}

int undefFn(lua_State* L) {
    lua_settop(L, 0);
    return packArguments(L, kUndef);
}

int blurFn(lua_State* L) {
    if (lua_gettop(L) != 2) return luaL_error(L, "blur() takes two values, shutter open and close");
    return packArguments(L, kBlurred);
}

int bindFn(lua_State* L) {
    if (lua_gettop(L) < 1 || lua_gettop(L) > 2)
        return luaL_error(L, "bind() takes a map and an optional default value");
    return packArguments(L, kBound);
}

}  // namespace

void registerRdlaLibrary(lua_State* L) {
    for (const char* kind : {kUndef, kBlurred, kBound}) {
        luaL_newmetatable(L, kind);
        lua_pushstring(L, kind);
        lua_setfield(L, -2, "__name");
        lua_pop(L, 1);
    }
    lua_register(L, "undef", undefFn);
    lua_register(L, "blur", blurFn);
    lua_register(L, "bind", bindFn);
    lua_getglobal(L, "PerspectiveCamera");
    lua_setglobal(L, "Camera");
}

RdlaValueKind rdlaValueKind(lua_State* L, int index) {
    if (lua_type(L, index) != LUA_TTABLE) return RdlaValueKind::Plain;
    const struct {
        const char* name;
        RdlaValueKind kind;
    } kinds[] = {{kUndef, RdlaValueKind::Undef},
                 {kBlurred, RdlaValueKind::Blurred},
                 {kBound, RdlaValueKind::Bound}};
    if (!lua_getmetatable(L, index)) return RdlaValueKind::Plain;
    RdlaValueKind found = RdlaValueKind::Plain;
    for (const auto& k : kinds) {
        luaL_getmetatable(L, k.name);
        const bool same = lua_rawequal(L, -1, -2);
        lua_pop(L, 1);
        if (same) found = k.kind;
    }
    lua_pop(L, 1);
    return found;
}

void pushRdlaElement(lua_State* L, int index, int n) {
    lua_rawgeti(L, index, n);
}

}  // namespace rt
