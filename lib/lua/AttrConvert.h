#pragma once
// Conversion of attribute values from Lua (scene files) and from text (-scene_var) to
// typed AttrValues, checked against the attribute's declared type.
#include <stdexcept>
#include <string>

#include "lua/ObjectStore.h"

struct lua_State;

namespace rt {

// A value that does not fit the attribute; the message says what was expected and what
// was found. Callers prefix it with the object and attribute names and a location.
class ConversionError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Never raises a Lua error, so it is safe to call with C++ objects on the stack.
AttrValue luaToValue(lua_State* L, int index, const AttrSpec& spec, const ObjectStore& store);
AttrValue textToValue(const std::string& text, const AttrSpec& spec);

// A short description of a Lua value for messages: `string "big"`, `number 3`, `Rgb`,
// `SphereGeometry '/ball'`.
std::string describeLuaValue(lua_State* L, int index, const ObjectStore& store);

}  // namespace rt
