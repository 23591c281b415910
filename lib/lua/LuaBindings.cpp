#include "lua/LuaBindings.h"

#include <lua.hpp>

#include <algorithm>

#include "core/Log.h"
#include "lua/AttrConvert.h"
#include "lua/ObjectTable.h"

namespace rt {
namespace {

constexpr const char* kObjectType = "rt.SceneObject";
constexpr const char* kContextKey = "rt.LoaderContext";

struct ObjectHandle {
    int id;
};

LoaderContext& context(lua_State* L) {
    lua_getfield(L, LUA_REGISTRYINDEX, kContextKey);
    auto* ctx = static_cast<LoaderContext*>(lua_touserdata(L, -1));
    lua_pop(L, 1);
    return *ctx;
}

void pushObject(lua_State* L, int id) {
    auto* handle = static_cast<ObjectHandle*>(lua_newuserdatauv(L, sizeof(ObjectHandle), 0));
    handle->id = id;
    luaL_setmetatable(L, kObjectType);
}

// Runs `body`, which may throw; a C++ exception becomes a Lua error only after every C++
// object of the body is destroyed (lua_error does not unwind C++ frames).
template <class Body>
int guarded(lua_State* L, Body&& body) {
    LoaderContext& ctx = context(L);
    bool failed = false;
    int results = 0;
    try {
        results = body(ctx);
    } catch (const SceneError& e) {
        ctx.pending = e;
        failed = true;
    } catch (const std::exception& e) {
        ctx.pending = SceneError(luaCallerLocation(L), e.what());
        failed = true;
    }
    if (failed) {
        lua_pushstring(L, ctx.pending->what());
        return lua_error(L);
    }
    return results;
}

// `Class("name")`: finds or creates the object. Upvalue 1: the ClassSpec.
int classConstructor(lua_State* L) {
    return guarded(L, [L](LoaderContext& ctx) {
        const auto* cls = static_cast<const ClassSpec*>(lua_touserdata(L, lua_upvalueindex(1)));
        const SourceLocation where = luaCallerLocation(L);
        if (lua_gettop(L) < 1 || lua_type(L, 1) != LUA_TSTRING) {
            throw SceneError(where, cls->name + " expects an object name, e.g. " + cls->name +
                                        "(\"/name\"), got " + describeLuaValue(L, 1, ctx.store));
        }
        const std::string name = lua_tostring(L, 1);
        if (name.empty()) throw SceneError(where, cls->name + " needs a non-empty name");
        const int id = ctx.store.findOrCreate(*cls, name, where);
        pushObject(L, id);
        return 1;
    });
}

// `object { ... }`: sets attributes (or set members / layer entries); returns the object.
int objectCall(lua_State* L) {
    return guarded(L, [L](LoaderContext& ctx) {
        int id = -1;
        toObjectId(L, 1, id);
        applyObjectTable(L, ctx.store, id, 2, luaCallerLocation(L));
        lua_settop(L, 1);
        return 1;
    });
}

int objectToString(lua_State* L) {
    int id = -1;
    if (!toObjectId(L, 1, id)) return luaL_error(L, "not a scene object");
    const RdlObject& obj = context(L).store.object(id);
    lua_pushfstring(L, "%s(\"%s\")", obj.cls->name.c_str(), obj.name.c_str());
    return 1;
}

int objectEq(lua_State* L) {
    int a = -1, b = -1;
    lua_pushboolean(L, toObjectId(L, 1, a) && toObjectId(L, 2, b) && a == b);
    return 1;
}

}  // namespace

bool toObjectId(lua_State* L, int index, int& id) {
    const auto* handle = static_cast<const ObjectHandle*>(luaL_testudata(L, index, kObjectType));
    if (!handle) return false;
    id = handle->id;
    return true;
}

SourceLocation luaCallerLocation(lua_State* L) {
    lua_Debug ar;
    for (int level = 0; lua_getstack(L, level, &ar); ++level) {
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
            const char* source = ar.source;
            std::string file =
                source[0] == '@' ? std::string(source + 1) : std::string(ar.short_src);
            return {file, ar.currentline};
        }
    }
    return {};
}

void registerSceneClasses(lua_State* L, LoaderContext& ctx) {
    lua_pushlightuserdata(L, &ctx);
    lua_setfield(L, LUA_REGISTRYINDEX, kContextKey);

    luaL_newmetatable(L, kObjectType);
    lua_pushcfunction(L, objectCall);
    lua_setfield(L, -2, "__call");
    lua_pushcfunction(L, objectToString);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, objectEq);
    lua_setfield(L, -2, "__eq");
    lua_pop(L, 1);

    for (const ClassSpec& cls : rdlClasses()) {
        if (cls.kind == ObjectKind::SceneVariables) continue;
        lua_pushlightuserdata(L, const_cast<ClassSpec*>(&cls));
        lua_pushcclosure(L, classConstructor, 1);
        lua_setglobal(L, cls.name.c_str());
    }
    pushObject(L, ctx.store.sceneVariablesId());
    lua_setglobal(L, "SceneVariables");
}

}  // namespace rt
