#include "lua/SceneLoader.h"

#include <lua.hpp>

#include <variant>

#include "core/Log.h"
#include "core/Numbering.h"
#include "lua/AttrConvert.h"
#include "lua/Builders.h"
#include "lua/LuaBindings.h"
#include "lua/LuaState.h"
#include "lua/LuaValues.h"
#include "lua/RdlaLibrary.h"
#include "lua/Sandbox.h"

namespace rt {
namespace {

// -scene_var NAME VALUE: converted with the variable's declared type, like a value
// from a scene file but reported as a usage error.
void applySceneVariable(ObjectStore& store, const std::string& name, const std::string& text) {
    RdlObject& vars = store.object(store.sceneVariablesId());
    Attribute attr;
    attr.where = SourceLocation{"-scene_var " + name, 0};
    attr.fromCommandLine = true;
    const AttrSpec* spec = vars.cls->find(name);
    if (!spec) {
        if (vars.cls->isIgnored(name)) {
            log::detail("-scene_var " + name + ": not supported, ignored");
            return;
        }
        std::vector<std::string> names;
        for (const AttrSpec& a : vars.cls->attributes) names.push_back(a.name);
        const std::string suggestion = closestName(name, names);
        log::warning("-scene_var " + name + ": unknown scene variable" +
                     (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
        attr.value = text;  // kept as text in SceneVariables::extra
        vars.attributes[name] = std::move(attr);
        return;
    }
    try {
        attr.value = textToValue(text, *spec);
    } catch (const ConversionError& e) {
        throw UsageError("-scene_var " + name + ": " + e.what());
    }
    vars.attributes[name] = std::move(attr);
}

// The Lua global `frame`: the frame of -scene_var frame, else 0 (the scene variable's
// default). An integral frame is a Lua integer, so that
// `"shot." .. frame` reads "shot.12", not "shot.12.0".
void setFrameGlobal(lua_State* L, const ObjectStore& store) {
    const RdlObject& vars = store.object(store.sceneVariablesId());
    const auto it = vars.attributes.find("frame");
    const double frame = it == vars.attributes.end() ? 0.0 : std::get<double>(it->second.value);
    if (isWholeFrame(frame)) {
        lua_pushinteger(L, static_cast<lua_Integer>(frame));
    } else {
        lua_pushnumber(L, frame);
    }
    lua_setglobal(L, "frame");
}

}  // namespace

Scene loadScene(const SceneLoadOptions& options) {
    if (options.files.empty()) throw UsageError("-in: no scene file given");
    for (const auto& [name, value] : options.sceneVars) {
        if (name.empty()) throw UsageError("-scene_var: empty variable name");
    }
    LoaderContext ctx;
    LuaState lua;
    openSceneLibraries(lua.get(), options.unsafe);
    registerValueTypes(lua.get());
    registerSceneClasses(lua.get(), ctx);
    registerRdlaLibrary(lua.get());
    // -scene_var frame is known before the files run: they animate with the global.
    for (const auto& [name, value] : options.sceneVars) {
        if (name == "frame") applySceneVariable(ctx.store, name, value);
    }
    setFrameGlobal(lua.get(), ctx.store);
    for (const std::string& file : options.files) runSceneFile(lua.get(), file, ctx);
    for (const auto& [name, value] : options.sceneVars) {
        applySceneVariable(ctx.store, name, value);
    }
    return buildScene(ctx.store, options.files.front(), options.ignoreUnsupportedOutputs);
}

}  // namespace rt
