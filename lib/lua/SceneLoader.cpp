#include "lua/SceneLoader.h"

#include "core/Log.h"
#include "lua/AttrConvert.h"
#include "lua/Builders.h"
#include "lua/LuaBindings.h"
#include "lua/LuaState.h"
#include "lua/LuaValues.h"
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
    for (const std::string& file : options.files) runSceneFile(lua.get(), file, ctx);
    for (const auto& [name, value] : options.sceneVars) {
        applySceneVariable(ctx.store, name, value);
    }
    return buildScene(ctx.store, options.files.front());
}

}  // namespace rt
