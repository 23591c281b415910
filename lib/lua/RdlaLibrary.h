#pragma once
// The helpers of MoonRay's Lua library (scene_rdl2's rdlalib and AsciiReader) that scene
// files call besides the class constructors:
//   undef()          an empty value: an empty slot of a layer entry, or an attribute
//                    left at its default;
//   blur(a, b)       an attribute's values at shutter open and close: we render no motion
//                    blur, so the shutter-open value is used (noted once per load);
//   bind(map[, v])   binds a map shader to an attribute: an AttributeMap on a diffuse
//                    colour (lua/PrimitiveAttributeBuilder.cpp); bind(undef(), v) is v;
//                    anything else is a scene error naming the attribute;
//   Camera           MoonRay's alias of PerspectiveCamera (constructors.lua).
struct lua_State;

namespace rt {

// Defines undef, blur, bind and the class aliases; call after registerSceneClasses.
void registerRdlaLibrary(lua_State* L);

enum class RdlaValueKind { Plain, Undef, Blurred, Bound };

// What the value at `index` is.
RdlaValueKind rdlaValueKind(lua_State* L, int index);

// Pushes element `n` (1: the first value of blur, the map of bind; 2: the second value
// of blur, bind's default, nil when not given) of a blurred or bound value at `index`.
void pushRdlaElement(lua_State* L, int index, int n);

}  // namespace rt
