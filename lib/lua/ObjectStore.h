#pragma once
// The RDL objects created by scene files, before they become the rt::Scene model.
// Every attribute keeps the place that set it, so that later errors (a bad value, a
// missing file) point at the right file and line, and relative paths resolve against
// the directory of the file that named them.
#include <ImathMatrix.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "core/Error.h"
#include "core/Math.h"
#include "lua/RdlClasses.h"

namespace rt {

struct ObjectRef {
    int id = -1;
};

using AttrValue =
    std::variant<bool, int64_t, double, std::string, Color, Vec4f, Vec2f, Vec3f, Imath::M44d,
                 std::vector<int64_t>, std::vector<double>, std::vector<Vec3f>, std::vector<Vec2f>,
                 std::vector<std::string>, ObjectRef>;

struct Attribute {
    AttrValue value;
    SourceLocation where;
    bool fromCommandLine = false;  // set by -scene_var: errors become UsageError
};

struct LayerEntry {
    int geometry = -1;
    std::string part;
    int material = -1;        // -1: none given
    int lightSet = -1;        // -1: none given
    int lightFilterSet = -1;  // -1: none given
    SourceLocation where;
};

// One {"name", "type", "value"} of a Metadata object.
struct MetadataEntry {
    std::string name, type, value;
    SourceLocation where;
};

struct RdlObject {
    int id = -1;
    const ClassSpec* cls = nullptr;
    std::string name;
    SourceLocation where;  // the first `Class("name") { ... }`, else the first mention
    bool defined = false;  // attributes were set at least once
    std::map<std::string, Attribute> attributes;
    std::vector<int> members;             // LightSet / GeometrySet / LightFilterSet
    std::vector<LayerEntry> entries;      // Layer
    std::vector<MetadataEntry> metadata;  // Metadata
    // bind(map, value): the map object bound to each attribute, and where.
    struct Binding {
        int map = -1;
        SourceLocation where;
    };
    std::map<std::string, Binding> bindings;
    // Attributes of the class's `ignored` list that were set, where: a RenderOutput
    // refuses them (they would change what is written), other classes only note them.
    std::map<std::string, SourceLocation> ignoredSet;

    ObjectKind kind() const { return cls->kind; }
    std::string describe() const;  // e.g. "SphereGeometry '/ball'"

    const Attribute* find(const std::string& attr) const;
    // Typed reads with defaults. The class schema checked each type when it was set.
    bool getBool(const std::string& attr, bool fallback) const;
    int64_t getInt(const std::string& attr, int64_t fallback) const;
    float getFloat(const std::string& attr, float fallback) const;
    std::string getString(const std::string& attr, const std::string& fallback) const;
    Color getColor(const std::string& attr, const Color& fallback) const;
    Vec3f getVec3(const std::string& attr, const Vec3f& fallback) const;
    Mat4f getMat4(const std::string& attr) const;  // identity when unset
};

class ObjectStore {
  public:
    ObjectStore();

    // Returns the object called `name`, creating it on first use. Throws SceneError
    // when the name already belongs to an object of another class.
    int findOrCreate(const ClassSpec& cls, const std::string& name, const SourceLocation& where);
    int sceneVariablesId() const { return 0; }

    RdlObject& object(int id) { return m_objects[static_cast<size_t>(id)]; }
    const RdlObject& object(int id) const { return m_objects[static_cast<size_t>(id)]; }
    const std::vector<RdlObject>& objects() const { return m_objects; }
    const RdlObject* findByName(const std::string& name) const;

    // blur() was met: its note is given once per load.
    bool shutterOpenNoted = false;

  private:
    std::vector<RdlObject> m_objects;
    std::unordered_map<std::string, int> m_byName;
};

// Text form of a value for SceneVariables::extra and messages: "true", "12", "0.5",
// "1 2 3", an object's name.
std::string valueToText(const AttrValue& value, const ObjectStore& store);

}  // namespace rt
