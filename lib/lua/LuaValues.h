#pragma once
// RDLA value types as Lua userdata: Rgb, Rgba, Vec2, Vec3, Mat4 and the transform
// helpers translate / rotate / scale. Matrices follow MoonRay and Imath: row vectors,
// 16 numbers in row-major order, translation in the last row, `a * b` applies a first.
#include <ImathMatrix.h>

#include "core/Math.h"

struct lua_State;

namespace rt {

// Defines the constructors and helpers as globals of `L`.
void registerValueTypes(lua_State* L);

// Each returns true and fills `out` when the value at `index` has that type.
bool toRgb(lua_State* L, int index, Color& out);
bool toRgba(lua_State* L, int index, Vec4f& out);
bool toVec2(lua_State* L, int index, Vec2f& out);
bool toVec3(lua_State* L, int index, Vec3f& out);
bool toMat4(lua_State* L, int index, Imath::M44d& out);

// "Rgb", "Vec3", ... for a value of one of these types, nullptr otherwise.
const char* valueTypeName(lua_State* L, int index);

void pushMat4(lua_State* L, const Imath::M44d& m);

}  // namespace rt
