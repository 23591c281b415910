#pragma once
// Applies the table of `object { ... }` to an RDL object: named attributes for most
// classes, members for LightSet / GeometrySet, {geometry, part, material, lightset}
// entries for Layer.
#include "core/Error.h"
#include "lua/ObjectStore.h"

struct lua_State;

namespace rt {

// Throws SceneError at `where` for a value of the wrong type; warns (log::warning with
// file:line) about unknown attribute names. Raises no Lua error.
void applyObjectTable(lua_State* L, ObjectStore& store, int id, int tableIndex,
                      const SourceLocation& where);

}  // namespace rt
