#include "lua/ObjectTable.h"

#include <lua.hpp>

#include <algorithm>

#include "core/Log.h"
#include "lua/AttrConvert.h"
#include "lua/LuaBindings.h"
#include "lua/RdlaLibrary.h"

namespace rt {
namespace {

bool isListKind(ObjectKind kind) {
    return kind == ObjectKind::LightSet || kind == ObjectKind::GeometrySet ||
           kind == ObjectKind::LightFilterSet || kind == ObjectKind::Layer ||
           kind == ObjectKind::Metadata;
}

// The object id at `index`, which must be an object of `kind` (or nil when `optional`).
int readRef(lua_State* L, const ObjectStore& store, int index, ObjectKind kind, bool optional,
            const std::string& what, const SourceLocation& where) {
    if (optional && lua_isnil(L, index)) return -1;
    int id = -1;
    if (!toObjectId(L, index, id) || store.object(id).kind() != kind) {
        throw SceneError(where, what + ": expected a " + kindName(kind) + " object, got " +
                                    describeLuaValue(L, index, store));
    }
    return id;
}

void addMember(lua_State* L, ObjectStore& store, RdlObject& set, lua_Integer i,
               const SourceLocation& where) {
    const ObjectKind kind = set.kind() == ObjectKind::LightSet         ? ObjectKind::Light
                            : set.kind() == ObjectKind::LightFilterSet ? ObjectKind::LightFilter
                                                                       : ObjectKind::Geometry;
    const int member =
        readRef(L, store, -1, kind, false, set.describe() + " entry " + std::to_string(i), where);
    // Sets accumulate like MoonRay's: a later file can add members.
    if (std::find(set.members.begin(), set.members.end(), member) == set.members.end()) {
        set.members.push_back(member);
    }
}

// A Layer entry, as MoonRay reads it: {geometry, part, ...} where the elements after the
// part are a material, a light set and a light filter set in any order, each at most
// once (MoonRay writes {geometry, part, material, lightset, displacement, volume,
// lightfilterset, shadowset, shadowreceiverset}); undef() and nil are empty slots.
// Shadow sets, displacements and volume shaders are classes we do not have: their
// constructors already fail at file:line.
void addLayerEntry(lua_State* L, ObjectStore& store, RdlObject& layer, lua_Integer i,
                   const SourceLocation& where) {
    const std::string what = layer.describe() + " entry " + std::to_string(i);
    if (lua_type(L, -1) != LUA_TTABLE) {
        throw SceneError(where, what + ": expected {geometry, part, material, lightset}, got " +
                                    describeLuaValue(L, -1, store));
    }
    const int entry = lua_absindex(L, -1);
    LayerEntry e;
    e.where = where;
    lua_rawgeti(L, entry, 1);
    e.geometry = readRef(L, store, -1, ObjectKind::Geometry, false, what + " (geometry)", where);
    lua_pop(L, 1);
    lua_rawgeti(L, entry, 2);
    const int partType = lua_type(L, -1);
    if (partType == LUA_TSTRING) {
        e.part = lua_tostring(L, -1);
    } else if (partType != LUA_TNIL && rdlaValueKind(L, -1) != RdlaValueKind::Undef) {
        const std::string got = describeLuaValue(L, -1, store);
        lua_pop(L, 1);
        throw SceneError(where, what + " (part): expected a part name string, got " + got);
    }
    lua_pop(L, 1);
    const lua_Integer length = static_cast<lua_Integer>(lua_rawlen(L, entry));
    for (lua_Integer k = 3; k <= length; ++k) {
        lua_rawgeti(L, entry, k);
        int id = -1;
        if (lua_isnil(L, -1) || rdlaValueKind(L, -1) == RdlaValueKind::Undef) {
            lua_pop(L, 1);
            continue;
        }
        const bool object = toObjectId(L, -1, id);
        const ObjectKind kind = object ? store.object(id).kind() : ObjectKind::Layer;
        int* slot = kind == ObjectKind::Material         ? &e.material
                    : kind == ObjectKind::LightSet       ? &e.lightSet
                    : kind == ObjectKind::LightFilterSet ? &e.lightFilterSet
                                                         : nullptr;
        if (!slot || *slot >= 0) {
            const std::string got = describeLuaValue(L, -1, store);
            lua_pop(L, 1);
            throw SceneError(where, what + " element " + std::to_string(k) + ": " +
                                        (slot ? "a second " + std::string(kindName(kind))
                                              : "expected a material, light set or light "
                                                "filter set") +
                                        ", got " + got);
        }
        *slot = id;
        lua_pop(L, 1);
    }
    // Like MoonRay, assigning the same geometry and part again replaces the assignment.
    auto same = [&](const LayerEntry& x) { return x.geometry == e.geometry && x.part == e.part; };
    auto it = std::find_if(layer.entries.begin(), layer.entries.end(), same);
    if (it != layer.entries.end()) {
        *it = e;
    } else {
        layer.entries.push_back(e);
    }
}

// A Metadata entry {"name", "type", "value"} (MoonRay's AsciiReader: three strings; a
// number is taken as its text). Its value is checked against its type when an output
// uses it (lua/SceneBuilder.cpp).
void addMetadataEntry(lua_State* L, const ObjectStore& store, RdlObject& metadata, lua_Integer i,
                      const SourceLocation& where) {
    const std::string what = metadata.describe() + " entry " + std::to_string(i);
    if (lua_type(L, -1) != LUA_TTABLE || lua_rawlen(L, -1) != 3) {
        throw SceneError(where, what + ": expected {\"name\", \"type\", \"value\"}, got " +
                                    describeLuaValue(L, -1, store));
    }
    MetadataEntry e;
    e.where = where;
    std::string* fields[] = {&e.name, &e.type, &e.value};
    for (int k = 0; k < 3; ++k) {
        lua_rawgeti(L, -1, k + 1);
        if (!lua_isstring(L, -1)) {
            const std::string got = describeLuaValue(L, -1, store);
            lua_pop(L, 1);
            throw SceneError(where, what + ": element " + std::to_string(k + 1) +
                                        " must be a string, got " + got);
        }
        *fields[k] = lua_tostring(L, -1);
        lua_pop(L, 1);
    }
    metadata.metadata.push_back(std::move(e));
}

// A value of an unknown scene variable, kept as text so that a variable newer than our
// list still reaches SceneVariables::extra.
bool genericValue(lua_State* L, int index, AttrValue& out) {
    switch (lua_type(L, index)) {
        case LUA_TBOOLEAN:
            out = lua_toboolean(L, index) != 0;
            return true;
        case LUA_TNUMBER:
            if (lua_isinteger(L, index)) {
                out = static_cast<int64_t>(lua_tointeger(L, index));
            } else {
                out = static_cast<double>(lua_tonumber(L, index));
            }
            return true;
        case LUA_TSTRING:
            out = std::string(lua_tostring(L, index));
            return true;
        default:
            return false;
    }
}

std::vector<std::string> attributeNames(const ClassSpec& cls) {
    std::vector<std::string> names;
    for (const AttrSpec& a : cls.attributes) names.push_back(a.name);
    return names;
}

// blur(a, b): the shutter-open value, said once per scene load.
static void noteShutterOpenValue(ObjectStore& store, const SourceLocation& where,
                                 const RdlObject& obj, const std::string& name) {
    if (store.shutterOpenNoted) return;
    store.shutterOpenNoted = true;
    log::warning(where.str() + ": attribute '" + name + "' of " + obj.describe() +
                 ": blur() gives values at shutter open and close; without motion blur the "
                 "shutter-open value is used (here and for every other blur() of the scene)");
}

// A value that asks for nothing: nil, false, "" or an empty table (MoonRay's defaults
// of most attributes we do not have).
static bool asksNothing(lua_State* L, int index) {
    const int type = lua_type(L, index);
    return type == LUA_TNIL || (type == LUA_TBOOLEAN && !lua_toboolean(L, index)) ||
           (type == LUA_TSTRING && lua_rawlen(L, index) == 0) ||
           (type == LUA_TTABLE && lua_rawlen(L, index) == 0 &&
            rdlaValueKind(L, index) == RdlaValueKind::Plain);
}

// An attribute that would change the picture: accepted at MoonRay's default only.
static void checkRefused(lua_State* L, const ObjectStore& store, const RdlObject& obj,
                         const RefusedAttr& refused, int valueIndex, const SourceLocation& where) {
    const std::string& name = refused.spec.name;
    std::string text = "(" + describeLuaValue(L, valueIndex, store) + ")";
    // nil, false, "" and {} ask for nothing whatever the type reads (a Bool written 0 or
    // an Int written false is still the default).
    const std::string& d = refused.defaultText;
    bool isDefault = asksNothing(L, valueIndex) && (d.empty() || d == "false" || d == "0");
    try {
        text = valueToText(luaToValue(L, valueIndex, refused.spec, store), store);
        isDefault = isDefault || text == refused.defaultText;
    } catch (const ConversionError&) {
    }
    if (isDefault) return;  // asks for what we render anyway
    throw SceneError(where,
                     obj.describe() + ": attribute '" + name + "' = " + text +
                         " is not supported: it would change the picture (only MoonRay's "
                         "default" +
                         (refused.defaultText.empty() ? std::string() : " " + refused.defaultText) +
                         " is accepted; doc/SCENES.md)");
}

// The attributes bind() may attach an AttributeMap to: the diffuse colours (a per-face or
// per-geometry colour multiplies them) and, checked per geometry when the scene is built,
// number attributes refused unless at their default (the map must give that default;
// checkBoundDefaults compares numbers, so a map on a refused normal or name is refused).
static bool bindable(const ClassSpec& cls, const std::string& name) {
    const RefusedAttr* refused = cls.findRefused(name);
    return name == "albedo" || name == "diffuse_color" || name == "diffuseColor" ||
           (refused && refused->spec.type == AttrType::Float);
}

// bind(map[, value]) at valueIndex: bind(undef(), v) is v alone; with a map, records the
// binding and leaves `value` at valueIndex for the attribute's own value. False when
// there is no value to set (the attribute keeps its default).
static bool bindValue(lua_State* L, ObjectStore& store, RdlObject& obj, const std::string& name,
                      int valueIndex, const SourceLocation& where) {
    pushRdlaElement(L, valueIndex, 1);
    int map = -1;
    const bool none = lua_isnil(L, -1) || rdlaValueKind(L, -1) == RdlaValueKind::Undef;
    const bool isMap = toObjectId(L, -1, map) && store.object(map).kind() == ObjectKind::Map;
    const std::string got = describeLuaValue(L, -1, store);
    lua_pop(L, 1);
    if (!none) {
        if (!isMap) {
            throw SceneError(where, "attribute '" + name + "' of " + obj.describe() +
                                        ": bind() takes a map shader (AttributeMap), got " + got);
        }
        if (!bindable(*obj.cls, name)) {
            throw SceneError(where, "attribute '" + name + "' of " + obj.describe() +
                                        ": bind() of a map is supported on diffuse colours only "
                                        "(doc/SCENES.md); set a plain value");
        }
        obj.bindings[name] = {map, where};
    }
    pushRdlaElement(L, valueIndex, 2);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return false;
    }
    lua_replace(L, valueIndex);
    return true;
}

// MoonRay declares a spaced alias for its attributes ("image width", "node xform",
// "diffuse color"): the name with spaces for underscores.
static std::string canonicalName(const ClassSpec& cls, const std::string& name) {
    if (name.find(' ') == std::string::npos || cls.find(name)) return name;
    std::string underscored = name;
    std::replace(underscored.begin(), underscored.end(), ' ', '_');
    return cls.find(underscored) || cls.isIgnored(underscored) || cls.findRefused(underscored)
               ? underscored
               : name;
}

void setAttribute(lua_State* L, ObjectStore& store, RdlObject& obj, const std::string& spelled,
                  int valueIndex, const SourceLocation& where) {
    const ClassSpec& cls = *obj.cls;
    const std::string name = canonicalName(cls, spelled);
    switch (rdlaValueKind(L, valueIndex)) {
        case RdlaValueKind::Undef:  // back to the default, as if never set
            obj.attributes.erase(name);
            obj.ignoredSet.erase(name);
            obj.bindings.erase(name);
            return;
        case RdlaValueKind::Blurred: {
            noteShutterOpenValue(store, where, obj, name);
            pushRdlaElement(L, valueIndex, 1);
            lua_replace(L, valueIndex);
            break;
        }
        case RdlaValueKind::Bound:
            if (!bindValue(L, store, obj, name, valueIndex, where)) return;
            break;
        case RdlaValueKind::Plain:
            obj.bindings.erase(name);
            break;
    }
    const AttrSpec* spec = cls.find(name);
    if (const RefusedAttr* refused = spec ? nullptr : cls.findRefused(name)) {
        return checkRefused(L, store, obj, *refused, valueIndex, where);
    }
    if (!spec) {
        if (cls.isIgnored(name)) {
            // A value that asks for nothing (false, "", an empty table: MoonRay's
            // defaults) changes nothing and is not recorded.
            if (!asksNothing(L, valueIndex)) obj.ignoredSet.emplace(name, where);
            if (cls.kind == ObjectKind::RenderOutput) return;  // refused when it is built
            log::detail(where.str() + ": note: " + cls.name + " attribute '" + name +
                        "' is not supported and is ignored");
            return;
        }
        const bool vars = cls.kind == ObjectKind::SceneVariables;
        std::string message = where.str() + ": unknown " +
                              (vars ? "scene variable '" + name + "'"
                                    : "attribute '" + name + "' on " + obj.describe());
        const std::string suggestion = closestName(name, attributeNames(cls));
        if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
        log::warning(message);
        AttrValue value;
        if (vars && genericValue(L, valueIndex, value)) {
            obj.attributes[name] = Attribute{std::move(value), where, false};
        }
        return;
    }
    try {
        obj.attributes[name] = Attribute{luaToValue(L, valueIndex, *spec, store), where, false};
    } catch (const ConversionError& e) {
        const std::string owner = cls.kind == ObjectKind::SceneVariables
                                      ? "scene variable '" + name + "'"
                                      : "attribute '" + name + "' of " + obj.describe();
        throw SceneError(where, owner + ": " + e.what());
    }
}

}  // namespace

void applyObjectTable(lua_State* L, ObjectStore& store, int id, int tableIndex,
                      const SourceLocation& where) {
    RdlObject& obj = store.object(id);
    if (lua_type(L, tableIndex) != LUA_TTABLE) {
        throw SceneError(where, obj.describe() + " expects a table, e.g. " + obj.cls->name + "(\"" +
                                    obj.name + "\") { ... }, got " +
                                    describeLuaValue(L, tableIndex, store));
    }
    const int table = lua_absindex(L, tableIndex);
    if (!obj.defined) {
        obj.defined = true;
        obj.where = where;
    }

    // The list part, in order.
    const lua_Integer count = static_cast<lua_Integer>(lua_rawlen(L, table));
    if (count > 0 && !isListKind(obj.kind())) {
        throw SceneError(where,
                         obj.describe() + " takes named attributes (name = value), not a list");
    }
    for (lua_Integer i = 1; i <= count; ++i) {
        lua_rawgeti(L, table, i);
        try {
            if (obj.kind() == ObjectKind::Layer) {
                addLayerEntry(L, store, obj, i, where);
            } else if (obj.kind() == ObjectKind::Metadata) {
                addMetadataEntry(L, store, obj, i, where);
            } else {
                addMember(L, store, obj, i, where);
            }
        } catch (...) {
            lua_pop(L, 1);
            throw;
        }
        lua_pop(L, 1);
    }

    // Named attributes, sorted so that messages come out in a stable order.
    std::vector<std::string> names;
    lua_pushnil(L);
    while (lua_next(L, table) != 0) {
        const bool listKey =
            lua_isinteger(L, -2) && lua_tointeger(L, -2) >= 1 && lua_tointeger(L, -2) <= count;
        if (lua_type(L, -2) == LUA_TSTRING) {
            names.emplace_back(lua_tostring(L, -2));
        } else if (!listKey) {
            lua_pop(L, 2);
            throw SceneError(where, obj.describe() +
                                        ": attribute names must be strings, e.g. "
                                        "[\"radius\"] = 1");
        }
        lua_pop(L, 1);
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
        lua_pushlstring(L, name.data(), name.size());
        lua_rawget(L, table);
        try {
            setAttribute(L, store, obj, name, lua_gettop(L), where);
        } catch (...) {
            lua_pop(L, 1);
            throw;
        }
        lua_pop(L, 1);
    }
}

}  // namespace rt
