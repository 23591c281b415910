#pragma once
// The RDLA object model in Lua: one constructor per class (`SphereGeometry("/ball")`),
// object handles that take attribute tables (`obj { radius = 2 }`), the SceneVariables
// object, and running a scene file with errors turned into SceneError.
#include <optional>
#include <string>

#include "core/Error.h"
#include "lua/ObjectStore.h"

struct lua_State;

namespace rt {

struct LoaderContext {
    ObjectStore store;
    // lua_error carries only text: the structured error of one of our C functions waits
    // here until lua_pcall returns.
    std::optional<SceneError> pending;
};

// Defines the class constructors and the SceneVariables object as globals.
void registerSceneClasses(lua_State* L, LoaderContext& ctx);

// True when the value at `index` is an object handle; sets `id`.
bool toObjectId(lua_State* L, int index, int& id);

// The innermost Lua function on the call stack: the scene file line being run.
SourceLocation luaCallerLocation(lua_State* L);

// Loads and runs one scene file in `L`. Throws SceneError with file:line.
void runSceneFile(lua_State* L, const std::string& path, LoaderContext& ctx);

// Turns a Lua error message "chunk:line: text" into a SceneError for `path`; names an
// unknown class when a script calls an undefined global.
SceneError translateLuaError(const std::string& message, const std::string& path, bool syntax);

}  // namespace rt
