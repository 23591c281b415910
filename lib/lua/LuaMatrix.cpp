// Mat4 values and the transform helpers translate / rotate / scale.
#include <lua.hpp>

#include <cstdio>
#include <new>

#include "lua/LuaValues.h"
#include "lua/LuaValuesDetail.h"

namespace rt {
namespace {

// Like LuaValues.cpp, only trivially destructible data here: Lua errors may longjmp.

constexpr const char* kMat4 = detail::kMat4TypeName;

Imath::M44d* newMat4(lua_State* L) {
    void* p = lua_newuserdatauv(L, sizeof(Imath::M44d), 0);
    auto* m = new (p) Imath::M44d();  // trivially destructible: no __gc needed
    luaL_setmetatable(L, kMat4);
    return m;
}

// Mat4() is the identity; Mat4(a00, a01, ..., a33) takes 16 numbers, row-major.
int mat4New(lua_State* L) {
    const int n = lua_gettop(L);
    if (n != 0 && n != 16) return luaL_error(L, "Mat4 expects 16 numbers, got %d arguments", n);
    double v[16];
    for (int i = 0; i < n; ++i) v[i] = luaL_checknumber(L, i + 1);
    Imath::M44d* m = newMat4(L);
    if (n == 16) {
        for (int i = 0; i < 16; ++i) (*m)[i / 4][i % 4] = v[i];
    }
    return 1;
}

int mat4ToString(lua_State* L) {
    const auto* m = static_cast<const Imath::M44d*>(luaL_checkudata(L, 1, kMat4));
    char buf[512];
    int len = std::snprintf(buf, sizeof buf, "Mat4(");
    for (int i = 0; i < 16; ++i) {
        len +=
            std::snprintf(buf + len, sizeof buf - len, i ? ", %.9g" : "%.9g", (*m)[i / 4][i % 4]);
    }
    std::snprintf(buf + len, sizeof buf - len, ")");
    lua_pushstring(L, buf);
    return 1;
}

int mat4Eq(lua_State* L) {
    Imath::M44d a, b;
    lua_pushboolean(L, toMat4(L, 1, a) && toMat4(L, 2, b) && a == b);
    return 1;
}

// Reads (x, y, z) starting at `first`, or a Vec3 there; `uniform` allows one number.
Imath::V3d readTriple(lua_State* L, int first, const char* fn, bool uniform) {
    Vec3f v;
    if (toVec3(L, first, v)) return Imath::V3d(v.x, v.y, v.z);
    if (uniform && lua_gettop(L) == first && lua_type(L, first) == LUA_TNUMBER) {
        const double s = lua_tonumber(L, first);
        return Imath::V3d(s, s, s);
    }
    if (lua_gettop(L) != first + 2) {
        luaL_error(L, "%s expects three numbers or a Vec3", fn);
    }
    return Imath::V3d(luaL_checknumber(L, first), luaL_checknumber(L, first + 1),
                      luaL_checknumber(L, first + 2));
}

int translateFn(lua_State* L) {
    const Imath::V3d t = readTriple(L, 1, "translate", false);
    newMat4(L)->setTranslation(t);
    return 1;
}

int scaleFn(lua_State* L) {
    const Imath::V3d s = readTriple(L, 1, "scale", true);
    newMat4(L)->setScale(s);
    return 1;
}

// rotate(angle in degrees, axis x, y, z): right-handed rotation about the axis.
int rotateFn(lua_State* L) {
    const double degrees = luaL_checknumber(L, 1);
    const Imath::V3d axis = readTriple(L, 2, "rotate", false);
    if (axis.length() == 0.0) return luaL_error(L, "rotate: the axis must not be zero");
    newMat4(L)->setAxisAngle(axis.normalized(), degrees * (3.14159265358979323846 / 180.0));
    return 1;
}

}  // namespace

int detail::mat4Multiply(lua_State* L) {
    Imath::M44d a, b;
    Vec3f p;
    if (toMat4(L, 1, a) && toMat4(L, 2, b)) {
        *newMat4(L) = a * b;
        return 1;
    }
    if (toVec3(L, 1, p) && toMat4(L, 2, b)) {
        // Row-vector convention: a point times a matrix is the transformed point.
        Imath::V3d out;
        b.multVecMatrix(Imath::V3d(p.x, p.y, p.z), out);
        pushVec3(L, out.x, out.y, out.z);
        return 1;
    }
    return luaL_error(L, "Mat4 multiplication expects Mat4 * Mat4 or Vec3 * Mat4");
}

void detail::registerMatrixType(lua_State* L) {
    luaL_newmetatable(L, kMat4);
    lua_pushcfunction(L, mat4Multiply);
    lua_setfield(L, -2, "__mul");
    lua_pushcfunction(L, mat4ToString);
    lua_setfield(L, -2, "__tostring");
    lua_pushcfunction(L, mat4Eq);
    lua_setfield(L, -2, "__eq");
    lua_pop(L, 1);

    const luaL_Reg functions[] = {
        {"Mat4", mat4New},  {"translate", translateFn}, {"rotate", rotateFn},
        {"scale", scaleFn}, {nullptr, nullptr},
    };
    lua_pushglobaltable(L);
    luaL_setfuncs(L, functions, 0);
    lua_pop(L, 1);
}

bool toMat4(lua_State* L, int index, Imath::M44d& out) {
    const auto* m = static_cast<const Imath::M44d*>(luaL_testudata(L, index, kMat4));
    if (!m) return false;
    out = *m;
    return true;
}

void pushMat4(lua_State* L, const Imath::M44d& m) {
    *newMat4(L) = m;
}

}  // namespace rt
