#pragma once
// Standard libraries for scene files. By default a scene is data plus arithmetic: base
// (without dofile, loadfile, require and binary chunks), string, table, math, utf8 and
// os.clock/time/date/getenv/difftime. Everything else raises an error that names
// -unsafe_scene, which opens all standard libraries.
struct lua_State;

namespace rt {

void openSceneLibraries(lua_State* L, bool unsafe);

}  // namespace rt
