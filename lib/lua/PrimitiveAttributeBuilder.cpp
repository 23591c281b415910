// UserData on geometry (`primitive_attributes`) and AttributeMap bindings on materials
// (doc/SCENES.md, "Primitive attributes"): what a layer entry's geometry gives the map
// shaders bound to its material.
#include <algorithm>
#include <cstdlib>

#include "core/Log.h"
#include "lua/Builders.h"

namespace rt {
namespace {

size_t faceCount(const Geometry& geometry) {
    if (const auto* mesh = std::get_if<TriangleMesh>(&geometry.shape))
        return mesh->triangleFace.empty() ? mesh->triangleCount()
                                          : static_cast<size_t>(mesh->triangleFace.back()) + 1;
    return 1;  // a sphere is one face
}

// The primitive attribute a map reads on `geometry`, or nullptr.
const PrimitiveAttribute* attributeOf(const Geometry& geometry, const RdlObject& map) {
    const auto found =
        geometry.primitiveAttributes.find(map.getString("primitive_attribute_name", ""));
    return found == geometry.primitiveAttributes.end() ? nullptr : &found->second;
}

}  // namespace

PrimitiveAttributes buildPrimitiveAttributes(const RdlObject& obj, const Geometry& geometry,
                                             const ObjectStore& store) {
    PrimitiveAttributes out;
    const Attribute* list = obj.find("primitive_attributes");
    if (!list) return out;
    for (int64_t id : std::get<std::vector<int64_t>>(list->value)) {
        const RdlObject& data = store.object(static_cast<int>(id));
        const std::string rate = data.getString("rate", "constant");
        PrimitiveAttribute a;
        if (rate == "uniform") {
            a.rate = PrimitiveAttribute::Rate::Uniform;
        } else if (rate != "constant") {
            const Attribute* r = data.find("rate");
            throw SceneError(r ? r->where : data.where,
                             data.describe() + ": rate '" + rate +
                                 "' is not supported (constant and uniform are)");
        }
        const size_t expected =
            a.rate == PrimitiveAttribute::Rate::Uniform ? faceCount(geometry) : 1;
        auto add = [&](const char* keyName, size_t count, auto fill) {
            const std::string key = data.getString(keyName, "");
            if (key.empty()) return;
            // One value is the whole geometry's whatever the rate says (USD writes
            // a uniform displayOpacity of one value for a mesh of several faces).
            if (count == 1 && expected != 1) {
                fill(out[key]);
                out[key].rate = PrimitiveAttribute::Rate::Constant;
                return;
            }
            if (count != expected) {
                throw SceneError(data.where, data.describe() + ": '" + key + "' has " +
                                                 std::to_string(count) + " values, " +
                                                 obj.describe() + " needs " +
                                                 std::to_string(expected) + " (rate " + rate + ")");
            }
            fill(out[key]);
            out[key].rate = a.rate;
        };
        const Attribute* colors = data.find("color_values_0");
        const auto colorValues =
            colors ? std::get<std::vector<Vec3f>>(colors->value) : std::vector<Vec3f>{};
        add("color_key", colorValues.size(), [&](PrimitiveAttribute& p) {
            for (const Vec3f& c : colorValues) p.colors.emplace_back(c.x, c.y, c.z);
        });
        const Attribute* floats = data.find("float_values_0");
        const auto floatValues =
            floats ? std::get<std::vector<double>>(floats->value) : std::vector<double>{};
        add("float_key", floatValues.size(), [&](PrimitiveAttribute& p) {
            for (double f : floatValues) p.floats.push_back(static_cast<float>(f));
        });
        const Attribute* vectors = data.find("vec3f_values_0");
        const auto vectorValues =
            vectors ? std::get<std::vector<Vec3f>>(vectors->value) : std::vector<Vec3f>{};
        add("vec3f_key", vectorValues.size(),
            [&](PrimitiveAttribute& p) { p.vectors = vectorValues; });
    }
    return out;
}

void bindMaterial(Material& material, const RdlObject& obj, const ObjectStore& store) {
    for (const char* colour : {"albedo", "diffuse_color", "diffuseColor"}) {
        const auto binding = obj.bindings.find(colour);
        if (binding == obj.bindings.end()) continue;
        const RdlObject& map = store.object(binding->second.map);
        material.diffuseColorAttribute = map.getString("primitive_attribute_name", "");
        material.diffuseColorAttributeDefault = map.getColor("default_value", Color(0.0f));
        if (material.diffuseColorAttribute.empty())
            throw SceneError(map.where, map.describe() + " has no primitive_attribute_name");
    }
}

void checkBoundDefaults(const RdlObject& material, const RdlObject& geometryObj,
                        const Geometry& geometry, const ObjectStore& store) {
    for (const auto& [name, binding] : material.bindings) {
        const RefusedAttr* refused = material.cls->findRefused(name);
        if (!refused) continue;  // a colour: RenderScene evaluates it
        const RdlObject& map = store.object(binding.map);
        const float wanted = std::strtof(refused->defaultText.c_str(), nullptr);
        const float scale = material.getFloat(name, wanted);
        const PrimitiveAttribute* a = attributeOf(geometry, map);
        std::vector<float> values;
        if (a && !a->floats.empty()) {
            values = a->floats;
        } else if (a) {
            for (const Color& c : a->colors) values.push_back(c.x);
        } else {
            values.push_back(map.getColor("default_value", Color(0.0f)).x);
        }
        const bool asksNothing =
            std::all_of(values.begin(), values.end(), [&](float v) { return v * scale == wanted; });
        if (!asksNothing) {
            throw SceneError(binding.where,
                             material.describe() + ": attribute '" + name + "' is bound to " +
                                 map.describe() + ", which on " + geometryObj.describe() +
                                 " is not " + refused->defaultText +
                                 " everywhere; that would change the picture (only MoonRay's "
                                 "default is supported)");
        }
    }
}

void warnAboutMissingAttributes(const Scene& scene) {
    static const char* const kTypeNames[] = {"float", "vec2", "vec3", "rgb"};
    for (const RenderOutput& output : scene.outputs) {
        const MaterialAovExpression& e = output.materialAov;
        if ((output.result != OutputResult::MaterialAov &&
             output.result != OutputResult::PrimitiveAttribute) ||
            e.property != MaterialAovExpression::Property::PrimitiveAttribute)
            continue;
        const bool found =
            std::any_of(scene.geometries.begin(), scene.geometries.end(), [&](const Geometry& g) {
                return findPrimitiveAttribute(g.primitiveAttributes, e.attribute,
                                              e.attributeType) != nullptr;
            });
        if (!found) {
            log::warning(output.where.str() + ": RenderOutput '" + output.name +
                         "': no geometry has a " + kTypeNames[static_cast<int>(e.attributeType)] +
                         " primitive attribute '" + e.attribute +
                         "' (UserData float, color and vec3f values); the output stays 0");
        }
    }
}

}  // namespace rt
