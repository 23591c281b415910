#pragma once
// Shared between the tuple values (LuaValues.cpp) and matrices (LuaMatrix.cpp).
struct lua_State;

namespace rt::detail {

inline constexpr const char* kMat4TypeName = "Mat4";

void registerMatrixType(lua_State* L);  // Mat4, translate, rotate, scale
int mat4Multiply(lua_State* L);         // __mul: Mat4 * Mat4, Vec3 * Mat4
void pushVec3(lua_State* L, double x, double y, double z);

}  // namespace rt::detail
