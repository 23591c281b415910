#include "lua/AttrConvert.h"

#include <lua.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "lua/AttrConvertDetail.h"
#include "lua/LuaBindings.h"
#include "lua/LuaValues.h"

namespace rt {
namespace detail {

std::string expectedText(const AttrSpec& spec) {
    switch (spec.type) {
        case AttrType::Bool:
            return "a boolean (true or false)";
        case AttrType::Int:
            return "an integer";
        case AttrType::Float:
            return "a number";
        case AttrType::String:
            return "a string";
        case AttrType::Rgb:
            return "an Rgb(r, g, b)";
        case AttrType::Rgba:
            return "an Rgba(r, g, b, a)";
        case AttrType::Vec2:
            return "a Vec2(x, y)";
        case AttrType::Vec3:
            return "a Vec3(x, y, z)";
        case AttrType::Mat4:
            return "a Mat4 (e.g. translate(x, y, z) * rotate(a, x, y, z))";
        case AttrType::IntVector:
            return "a list of integers";
        case AttrType::FloatVector:
            return "a list of numbers";
        case AttrType::Vec3Vector:
            return "a list of Vec3";
        case AttrType::Vec2Vector:
            return "a list of Vec2";
        case AttrType::RgbVector:
            return "a list of Rgb";
        case AttrType::ObjectVector:
            return std::string("a list of ") + kindName(spec.refKind) + " objects";
        case AttrType::StringVector:
            return "a list of strings";
        case AttrType::Enum: {
            std::string names;
            for (const EnumValue& v : spec.enumValues) {
                if (!v.name) continue;
                if (!names.empty()) names += ", ";
                names += '"';
                names += v.name;
                names += "\" (";
                names += std::to_string(v.value);
                names += ')';
            }
            return "one of " + names;
        }
        case AttrType::Object:
            return std::string("a ") + kindName(spec.refKind) + " object";
        case AttrType::ObjectOrName:
            return std::string("a ") + kindName(spec.refKind) + " object or its name";
    }
    return "?";
}

[[noreturn]] void mismatch(const AttrSpec& spec, const std::string& found) {
    throw ConversionError("expected " + expectedText(spec) + ", got " + found);
}

int64_t enumFromInt(const AttrSpec& spec, int64_t v, const std::string& found) {
    for (const EnumValue& e : spec.enumValues) {
        if (e.value == v) return v;
    }
    mismatch(spec, found);
}

bool enumFromName(const AttrSpec& spec, const std::string& name, int64_t& out) {
    auto lower = [](std::string s) {
        std::transform(s.begin(), s.end(), s.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s;
    };
    for (const EnumValue& e : spec.enumValues) {
        if (e.name && (name == e.name || lower(name) == lower(e.name))) {
            out = e.value;
            return true;
        }
    }
    return false;
}

}  // namespace detail

namespace {

using detail::enumFromInt;
using detail::enumFromName;
using detail::mismatch;

bool integralNumber(lua_State* L, int index, int64_t& out) {
    if (lua_type(L, index) != LUA_TNUMBER) return false;
    if (lua_isinteger(L, index)) {
        out = lua_tointeger(L, index);
        return true;
    }
    const double v = lua_tonumber(L, index);
    if (!std::isfinite(v) || std::floor(v) != v || std::abs(v) > 9.0e15) return false;
    out = static_cast<int64_t>(v);
    return true;
}

// Reads the list at `index` element by element with `read(elementIndex, position)`.
template <class T, class Read>
std::vector<T> readList(lua_State* L, int index, const AttrSpec& spec, const ObjectStore& store,
                        Read&& read) {
    if (lua_type(L, index) != LUA_TTABLE) mismatch(spec, describeLuaValue(L, index, store));
    const int table = lua_absindex(L, index);
    const lua_Unsigned n = lua_rawlen(L, table);
    std::vector<T> out;
    out.reserve(n);
    for (lua_Unsigned i = 1; i <= n; ++i) {
        lua_rawgeti(L, table, static_cast<lua_Integer>(i));
        T value{};
        const bool ok = read(-1, value);
        std::string found = ok ? std::string() : describeLuaValue(L, -1, store);
        lua_pop(L, 1);
        if (!ok) {
            mismatch(spec, found + " at position " + std::to_string(i));
        }
        out.push_back(value);
    }
    return out;
}

}  // namespace

[[noreturn]] static void failValue(lua_State* L, int index, const AttrSpec& spec,
                                   const ObjectStore& store) {
    mismatch(spec, describeLuaValue(L, index, store));
}

std::string describeLuaValue(lua_State* L, int index, const ObjectStore& store) {
    int id = -1;
    switch (lua_type(L, index)) {
        case LUA_TNIL:
            return "nil";
        case LUA_TBOOLEAN:
            return lua_toboolean(L, index) ? "boolean true" : "boolean false";
        case LUA_TNUMBER: {
            lua_pushvalue(L, index);  // lua_tostring converts in place: work on a copy
            std::string s = std::string("number ") + lua_tostring(L, -1);
            lua_pop(L, 1);
            return s;
        }
        case LUA_TSTRING:
            return std::string("string \"") + lua_tostring(L, index) + "\"";
        case LUA_TTABLE:
            return "a table";
        case LUA_TFUNCTION:
            return "a function";
        case LUA_TUSERDATA:
            if (const char* type = valueTypeName(L, index)) return std::string("a ") + type;
            if (toObjectId(L, index, id)) return store.object(id).describe();
            return "a userdata";
        default:
            return lua_typename(L, lua_type(L, index));
    }
}

AttrValue luaToValue(lua_State* L, int index, const AttrSpec& spec, const ObjectStore& store) {
    index = lua_absindex(L, index);
    const int type = lua_type(L, index);
    switch (spec.type) {
        case AttrType::Bool:
            if (type != LUA_TBOOLEAN) failValue(L, index, spec, store);
            return lua_toboolean(L, index) != 0;
        case AttrType::Int: {
            int64_t v;
            if (!integralNumber(L, index, v)) failValue(L, index, spec, store);
            return v;
        }
        case AttrType::Float:
            if (type != LUA_TNUMBER) failValue(L, index, spec, store);
            return static_cast<double>(lua_tonumber(L, index));
        case AttrType::String:
            if (type != LUA_TSTRING) failValue(L, index, spec, store);
            return std::string(lua_tostring(L, index));
        case AttrType::Rgb: {
            Color c;
            if (!toRgb(L, index, c)) failValue(L, index, spec, store);
            return c;
        }
        case AttrType::Rgba: {
            Vec4f c;
            if (!toRgba(L, index, c)) failValue(L, index, spec, store);
            return c;
        }
        case AttrType::Vec2: {
            Vec2f v;
            if (!toVec2(L, index, v)) failValue(L, index, spec, store);
            return v;
        }
        case AttrType::Vec3: {
            Vec3f v;
            if (!toVec3(L, index, v)) failValue(L, index, spec, store);
            return v;
        }
        case AttrType::Mat4: {
            Imath::M44d m;
            if (!toMat4(L, index, m)) failValue(L, index, spec, store);
            return m;
        }
        case AttrType::IntVector:
            return readList<int64_t>(L, index, spec, store,
                                     [L](int i, int64_t& v) { return integralNumber(L, i, v); });
        case AttrType::FloatVector:
            return readList<double>(L, index, spec, store, [L](int i, double& v) {
                v = lua_tonumber(L, i);
                return lua_type(L, i) == LUA_TNUMBER;
            });
        case AttrType::StringVector:
            return readList<std::string>(L, index, spec, store, [L](int i, std::string& v) {
                if (lua_type(L, i) != LUA_TSTRING) return false;
                v = lua_tostring(L, i);
                return true;
            });
        case AttrType::Vec3Vector: {
            // MoonRay writes {Vec3(...), ...}; a flat list of numbers is accepted too.
            if (type == LUA_TTABLE && lua_rawlen(L, index) > 0) {
                lua_rawgeti(L, index, 1);
                const bool flat = lua_type(L, -1) == LUA_TNUMBER;
                lua_pop(L, 1);
                if (flat) {
                    auto numbers = readList<double>(L, index, spec, store, [L](int i, double& v) {
                        v = lua_tonumber(L, i);
                        return lua_type(L, i) == LUA_TNUMBER;
                    });
                    if (numbers.size() % 3 != 0) {
                        mismatch(spec, "a flat list of " + std::to_string(numbers.size()) +
                                           " numbers (not a multiple of 3)");
                    }
                    std::vector<Vec3f> out;
                    for (size_t i = 0; i < numbers.size(); i += 3) {
                        out.emplace_back(static_cast<float>(numbers[i]),
                                         static_cast<float>(numbers[i + 1]),
                                         static_cast<float>(numbers[i + 2]));
                    }
                    return out;
                }
            }
            return readList<Vec3f>(L, index, spec, store,
                                   [L](int i, Vec3f& v) { return toVec3(L, i, v); });
        }
        case AttrType::Vec2Vector:
            return readList<Vec2f>(L, index, spec, store,
                                   [L](int i, Vec2f& v) { return toVec2(L, i, v); });
        case AttrType::RgbVector:
            return readList<Vec3f>(L, index, spec, store, [L](int i, Vec3f& v) {
                Color c;
                if (!toRgb(L, i, c)) return false;
                v = Vec3f(c.x, c.y, c.z);
                return true;
            });
        case AttrType::ObjectVector:
            return readList<int64_t>(L, index, spec, store, [L, &store, &spec](int i, int64_t& v) {
                int id = -1;
                if (!toObjectId(L, i, id) || store.object(id).kind() != spec.refKind) return false;
                v = id;
                return true;
            });
        case AttrType::Enum: {
            int64_t v;
            if (integralNumber(L, index, v)) {
                return enumFromInt(spec, v, describeLuaValue(L, index, store));
            }
            if (type == LUA_TSTRING && enumFromName(spec, lua_tostring(L, index), v)) return v;
            failValue(L, index, spec, store);
        }
        case AttrType::Object:
        case AttrType::ObjectOrName: {
            int id = -1;
            if (toObjectId(L, index, id)) {
                if (store.object(id).kind() != spec.refKind) failValue(L, index, spec, store);
                return ObjectRef{id};
            }
            if (spec.type == AttrType::ObjectOrName && type == LUA_TSTRING) {
                return std::string(lua_tostring(L, index));
            }
            failValue(L, index, spec, store);
        }
    }
    failValue(L, index, spec, store);
}

}  // namespace rt
