#pragma once
// The RDLA classes we understand and their attributes (one table, keyed by class name).
// Attributes are typed: a value of the wrong type is an error at load time. Each class
// also lists MoonRay attributes that we accept and ignore, so that MoonRay scenes load
// without warnings; any other name is reported as an unknown attribute.
#include <string>
#include <string_view>
#include <vector>

namespace rt {

enum class ObjectKind {
    SceneVariables,
    Camera,
    Geometry,
    Material,
    Light,
    LightSet,
    GeometrySet,
    Layer,
    RenderOutput,
    Metadata,
    UserData,
    Map,  // map shaders: AttributeMap
    LightFilter,
    LightFilterSet,
};

const char* kindName(ObjectKind kind);  // "Camera", "Geometry", ...

enum class AttrType {
    Bool,
    Int,
    Float,
    String,
    Rgb,
    Rgba,
    Vec2,
    Vec3,
    Mat4,
    IntVector,
    FloatVector,
    Vec3Vector,
    Vec2Vector,
    RgbVector,     // stored as std::vector<Vec3f>
    ObjectVector,  // objects of kind `refKind`, stored as their ids (std::vector<int64_t>)
    StringVector,
    Enum,          // an integer, or one of the names in `enumValues`; stored as the integer
    Object,        // a reference to an object of kind `refKind`
    ObjectOrName,  // an object reference or an object name (SceneVariables camera/layer)
};

const char* typeName(AttrType type);  // as shown in messages: "Float", "Rgb", ...

struct EnumValue {
    const char* name;  // nullptr: an integer accepted without a name
    int value;
};

struct AttrSpec {
    std::string name;
    AttrType type = AttrType::Float;
    ObjectKind refKind = ObjectKind::Geometry;  // Object / ObjectOrName only
    std::vector<EnumValue> enumValues;          // Enum only
    // SceneVariables / RenderOutput attributes that the model keeps as text in its
    // `extra` map for later features, instead of a typed field.
    bool extra = false;
};

// A MoonRay attribute we do not implement and that changes the picture: accepted only at
// the value that asks for nothing (MoonRay's default), a scene error otherwise.
struct RefusedAttr {
    AttrSpec spec;            // how its value reads
    std::string defaultText;  // valueToText of MoonRay's default
};

struct ClassSpec {
    std::string name;
    ObjectKind kind;
    std::vector<AttrSpec> attributes;
    std::vector<std::string> ignored;  // valid MoonRay attributes without effect here
    std::vector<RefusedAttr> refused;

    const AttrSpec* find(std::string_view attr) const;
    bool isIgnored(std::string_view attr) const;
    const RefusedAttr* findRefused(std::string_view attr) const;
};

const std::vector<ClassSpec>& rdlClasses();  // built once from makeRdlClasses()
std::vector<ClassSpec> makeRdlClasses();     // RdlClassTable.cpp
const ClassSpec* findClass(std::string_view name);
const ClassSpec& sceneVariablesClass();

// MoonRay's scene variables that the typed SceneVariables fields do not cover; they end
// up in SceneVariables::extra (SceneVariableNames.cpp).
std::vector<AttrSpec> moonRaySceneVariables();
std::vector<std::string> ignoredSceneVariables();

// The closest name in `candidates` (edit distance), or "" if none is close.
std::string closestName(std::string_view name, const std::vector<std::string>& candidates);

}  // namespace rt
