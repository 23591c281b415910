#pragma once
// MoonRay UserData attached to a geometry (`primitive_attributes`), and the types that
// outputs read it as (primitive_attribute_type; material aov float:, vec3:, rgb:).
#include <map>
#include <string>
#include <vector>

#include "core/Math.h"

namespace rt {

// MoonRay's primitive attribute types, numbered as its enum.
enum class AttributeType { Float = 0, Vec2 = 1, Vec3 = 2, Rgb = 3 };

// One value for the whole geometry or one per authored face, as AttributeMap shaders
// read it.
struct PrimitiveAttribute {
    enum class Rate { Constant, Uniform };
    Rate rate = Rate::Constant;
    std::vector<Color> colors;   // color_values_0
    std::vector<float> floats;   // float_values_0
    std::vector<Vec3f> vectors;  // vec3f_values_0
};

using PrimitiveAttributes = std::map<std::string, PrimitiveAttribute>;  // by key

// The attribute `key` when it holds values of `type`, else null. UserData's vec2f values
// are not read (doc/SCENES.md), so Vec2 is never found.
const PrimitiveAttribute* findPrimitiveAttribute(const PrimitiveAttributes& attributes,
                                                 const std::string& key, AttributeType type);

}  // namespace rt
