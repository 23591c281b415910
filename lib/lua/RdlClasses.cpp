#include "lua/RdlClasses.h"

#include <algorithm>

namespace rt {
namespace {

size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

}  // namespace

const char* kindName(ObjectKind kind) {
    switch (kind) {
        case ObjectKind::SceneVariables:
            return "SceneVariables";
        case ObjectKind::Metadata:
            return "Metadata";
        case ObjectKind::UserData:
            return "UserData";
        case ObjectKind::Map:
            return "Map";
        case ObjectKind::LightFilter:
            return "LightFilter";
        case ObjectKind::LightFilterSet:
            return "LightFilterSet";
        case ObjectKind::Camera:
            return "Camera";
        case ObjectKind::Geometry:
            return "Geometry";
        case ObjectKind::Material:
            return "Material";
        case ObjectKind::Light:
            return "Light";
        case ObjectKind::LightSet:
            return "LightSet";
        case ObjectKind::GeometrySet:
            return "GeometrySet";
        case ObjectKind::Layer:
            return "Layer";
        case ObjectKind::RenderOutput:
            return "RenderOutput";
    }
    return "?";
}

const char* typeName(AttrType type) {
    switch (type) {
        case AttrType::Bool:
            return "Bool";
        case AttrType::Int:
            return "Int";
        case AttrType::Float:
            return "Float";
        case AttrType::String:
            return "String";
        case AttrType::Rgb:
            return "Rgb";
        case AttrType::Rgba:
            return "Rgba";
        case AttrType::Vec2:
            return "Vec2";
        case AttrType::Vec3:
            return "Vec3";
        case AttrType::Mat4:
            return "Mat4";
        case AttrType::IntVector:
            return "IntVector";
        case AttrType::FloatVector:
            return "FloatVector";
        case AttrType::Vec3Vector:
            return "Vec3Vector";
        case AttrType::Vec2Vector:
            return "Vec2Vector";
        case AttrType::RgbVector:
            return "RgbVector";
        case AttrType::ObjectVector:
            return "SceneObjectVector";
        case AttrType::StringVector:
            return "StringVector";
        case AttrType::Enum:
            return "Enum";
        case AttrType::Object:
            return "Object";
        case AttrType::ObjectOrName:
            return "Object";
    }
    return "?";
}

const AttrSpec* ClassSpec::find(std::string_view attr) const {
    for (const AttrSpec& a : attributes) {
        if (a.name == attr) return &a;
    }
    return nullptr;
}

bool ClassSpec::isIgnored(std::string_view attr) const {
    return std::find(ignored.begin(), ignored.end(), attr) != ignored.end();
}

const RefusedAttr* ClassSpec::findRefused(std::string_view attr) const {
    for (const RefusedAttr& a : refused) {
        if (a.spec.name == attr) return &a;
    }
    return nullptr;
}

const std::vector<ClassSpec>& rdlClasses() {
    static const std::vector<ClassSpec> classes = makeRdlClasses();
    return classes;
}

const ClassSpec* findClass(std::string_view name) {
    for (const ClassSpec& c : rdlClasses()) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

const ClassSpec& sceneVariablesClass() {
    return *findClass("SceneVariables");
}

std::string closestName(std::string_view name, const std::vector<std::string>& candidates) {
    std::string best;
    size_t bestDistance = std::max<size_t>(2, name.size() / 3) + 1;
    for (const std::string& c : candidates) {
        const size_t d = editDistance(name, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace rt
