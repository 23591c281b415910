#include "lua/LuaValues.h"

#include "lua/LuaValuesDetail.h"

#include <lua.hpp>

#include <cstdio>
#include <new>

namespace rt {
namespace {

// The functions in this file only touch trivially destructible data, so the Lua
// errors they raise (longjmp) never skip a C++ destructor.

constexpr const char* kRgb = "Rgb";
constexpr const char* kRgba = "Rgba";
constexpr const char* kVec2 = "Vec2";
constexpr const char* kVec3 = "Vec3";
constexpr const char* kMat4 = detail::kMat4TypeName;

struct Tuple {
    double v[4];
};

Tuple* newTuple(lua_State* L, const char* type) {
    auto* t = static_cast<Tuple*>(lua_newuserdatauv(L, sizeof(Tuple), 0));
    t->v[0] = t->v[1] = t->v[2] = t->v[3] = 0.0;
    luaL_setmetatable(L, type);
    return t;
}

const Tuple* testTuple(lua_State* L, int index, const char* type) {
    return static_cast<const Tuple*>(luaL_testudata(L, index, type));
}

void pushTuple(lua_State* L, const char* type, double a, double b, double c = 0.0, double d = 0.0) {
    Tuple* t = newTuple(L, type);
    t->v[0] = a;
    t->v[1] = b;
    t->v[2] = c;
    t->v[3] = d;
}

int tupleSize(const char* type) {
    if (type == kVec2) return 2;
    if (type == kRgba) return 4;
    return 3;
}

// Constructors: Rgb(r, g, b), Rgba(r, g, b, a), Vec2(x, y), Vec3(x, y, z).
template <const char* const* Type>
int construct(lua_State* L) {
    const char* type = *Type;
    const int n = tupleSize(type);
    if (lua_gettop(L) != n) {
        return luaL_error(L, "%s expects %d numbers, got %d arguments", type, n, lua_gettop(L));
    }
    Tuple values{};
    for (int i = 0; i < n; ++i) values.v[i] = luaL_checknumber(L, i + 1);
    *newTuple(L, type) = values;
    return 1;
}

// Component access: v.x / v.y / v.z, c.r / c.g / c.b / c.a, or v[1] ...
int tupleIndex(lua_State* L) {
    const char* type = nullptr;
    const Tuple* t = nullptr;
    for (const char* candidate : {kRgb, kRgba, kVec2, kVec3}) {
        if ((t = testTuple(L, 1, candidate))) {
            type = candidate;
            break;
        }
    }
    if (!t) return luaL_error(L, "not an RDLA value");
    int component = -1;
    if (lua_type(L, 2) == LUA_TNUMBER) {
        component = static_cast<int>(lua_tointeger(L, 2)) - 1;
    } else if (const char* key = lua_tostring(L, 2); key && key[0] && !key[1]) {
        const bool color = (type == kRgb || type == kRgba);
        const char* names = color ? "rgba" : "xyzw";
        for (int i = 0; names[i]; ++i) {
            if (names[i] == key[0]) component = i;
        }
    }
    if (component < 0 || component >= tupleSize(type)) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushnumber(L, t->v[component]);
    return 1;
}

int tupleToString(lua_State* L) {
    for (const char* type : {kRgb, kRgba, kVec2, kVec3}) {
        if (const Tuple* t = testTuple(L, 1, type)) {
            char buf[160];
            const int n = tupleSize(type);
            if (n == 2) {
                std::snprintf(buf, sizeof buf, "%s(%.9g, %.9g)", type, t->v[0], t->v[1]);
            } else if (n == 3) {
                std::snprintf(buf, sizeof buf, "%s(%.9g, %.9g, %.9g)", type, t->v[0], t->v[1],
                              t->v[2]);
            } else {
                std::snprintf(buf, sizeof buf, "%s(%.9g, %.9g, %.9g, %.9g)", type, t->v[0], t->v[1],
                              t->v[2], t->v[3]);
            }
            lua_pushstring(L, buf);
            return 1;
        }
    }
    return luaL_error(L, "not an RDLA value");
}

int tupleEq(lua_State* L) {
    for (const char* type : {kRgb, kRgba, kVec2, kVec3}) {
        const Tuple* a = testTuple(L, 1, type);
        const Tuple* b = testTuple(L, 2, type);
        if (a && b) {
            lua_pushboolean(L, a->v[0] == b->v[0] && a->v[1] == b->v[1] && a->v[2] == b->v[2] &&
                                   a->v[3] == b->v[3]);
            return 1;
        }
    }
    lua_pushboolean(L, 0);
    return 1;
}

// Arithmetic on Vec3 and Rgb: a + b, a - b, -a, a * s, s * a, a / s, a * b (per component).
template <const char* const* Type, int Op>
int tupleArith(lua_State* L) {
    const char* type = *Type;
    // Vec3 * Mat4 reaches the Vec3 metamethod first.
    if (Op == '*' && luaL_testudata(L, 2, kMat4)) return detail::mat4Multiply(L);
    const Tuple* a = testTuple(L, 1, type);
    const Tuple* b = testTuple(L, 2, type);
    Tuple r{};
    for (int i = 0; i < 4; ++i) {
        if (Op == 'n' && a) {
            r.v[i] = -a->v[i];  // __unm receives the operand twice
        } else if (a && b && Op != '/') {
            r.v[i] = Op == '+'   ? a->v[i] + b->v[i]
                     : Op == '-' ? a->v[i] - b->v[i]
                                 : a->v[i] * b->v[i];
        } else if (Op == '*' && a && lua_type(L, 2) == LUA_TNUMBER) {
            r.v[i] = a->v[i] * lua_tonumber(L, 2);
        } else if (Op == '*' && b && lua_type(L, 1) == LUA_TNUMBER) {
            r.v[i] = b->v[i] * lua_tonumber(L, 1);
        } else if (Op == '/' && a && lua_type(L, 2) == LUA_TNUMBER) {
            r.v[i] = a->v[i] / lua_tonumber(L, 2);
        } else {
            return luaL_error(L, "invalid arithmetic on %s", type);
        }
    }
    *newTuple(L, type) = r;
    return 1;
}

template <const char* const* Type>
void defineTupleMetatable(lua_State* L, bool arithmetic) {
    const char* type = *Type;
    luaL_newmetatable(L, type);
    lua_pushcfunction(L, tupleIndex);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, tupleToString);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, tupleEq);
    lua_setfield(L, -2, "__eq");
    if (arithmetic) {
        const luaL_Reg ops[] = {
            {"__add", tupleArith<Type, '+'>}, {"__sub", tupleArith<Type, '-'>},
            {"__unm", tupleArith<Type, 'n'>}, {"__mul", tupleArith<Type, '*'>},
            {"__div", tupleArith<Type, '/'>}, {nullptr, nullptr},
        };
        luaL_setfuncs(L, ops, 0);
    }
    lua_pop(L, 1);
}

}  // namespace

void registerValueTypes(lua_State* L) {
    defineTupleMetatable<&kRgb>(L, true);
    defineTupleMetatable<&kVec3>(L, true);
    defineTupleMetatable<&kRgba>(L, false);
    defineTupleMetatable<&kVec2>(L, false);
    const luaL_Reg functions[] = {
        {"Rgb", construct<&kRgb>},   {"Rgba", construct<&kRgba>}, {"Vec2", construct<&kVec2>},
        {"Vec3", construct<&kVec3>}, {nullptr, nullptr},
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, functions, 0);
    lua_pop(L, 1);
    detail::registerMatrixType(L);
}

bool toRgb(lua_State* L, int index, Color& out) {
    const Tuple* t = testTuple(L, index, kRgb);
    if (!t) return false;
    out = Color(static_cast<float>(t->v[0]), static_cast<float>(t->v[1]),
                static_cast<float>(t->v[2]));
    return true;
}

bool toRgba(lua_State* L, int index, Vec4f& out) {
    const Tuple* t = testTuple(L, index, kRgba);
    if (!t) return false;
    out = Vec4f(static_cast<float>(t->v[0]), static_cast<float>(t->v[1]),
                static_cast<float>(t->v[2]), static_cast<float>(t->v[3]));
    return true;
}

bool toVec2(lua_State* L, int index, Vec2f& out) {
    const Tuple* t = testTuple(L, index, kVec2);
    if (!t) return false;
    out = Vec2f(static_cast<float>(t->v[0]), static_cast<float>(t->v[1]));
    return true;
}

bool toVec3(lua_State* L, int index, Vec3f& out) {
    const Tuple* t = testTuple(L, index, kVec3);
    if (!t) return false;
    out = Vec3f(static_cast<float>(t->v[0]), static_cast<float>(t->v[1]),
                static_cast<float>(t->v[2]));
    return true;
}

const char* valueTypeName(lua_State* L, int index) {
    for (const char* type : {kRgb, kRgba, kVec2, kVec3, kMat4}) {
        if (luaL_testudata(L, index, type)) return type;
    }
    return nullptr;
}

void detail::pushVec3(lua_State* L, double x, double y, double z) {
    pushTuple(L, kVec3, x, y, z);
}

}  // namespace rt
