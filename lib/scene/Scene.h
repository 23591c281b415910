#pragma once
// The scene model after loading: plain data, every geometry already in world space.
// Built by lib/lua (RDLA) or directly by tests through the same structures.
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "geometry/Sphere.h"
#include "geometry/TriangleMesh.h"
#include "scene/Camera.h"
#include "scene/LightDesc.h"
#include "scene/LightFilter.h"
#include "scene/Material.h"
#include "scene/PrimitiveAttribute.h"
#include "scene/RenderOutput.h"
#include "scene/SceneVariables.h"

namespace rt {

struct Geometry {
    std::string name;
    std::string label;  // MoonRay `label`: selects the geometry in material aov expressions
    SourceLocation where;
    std::variant<TriangleMesh, Sphere> shape;
    PrimitiveAttributes primitiveAttributes;
};

// A Layer entry: geometry drawn with a material, lit by a light set, whose lights' filters
// a light filter set may restrict.
struct LayerAssignment {
    int geometry = -1;  // index into Scene::geometries
    int material = -1;  // index into Scene::materials
    int lightSet = -1;  // index into Scene::lightSets; -1 = every light
    // Index into Scene::lightFilterSets; -1 = none: every light's own filters act.
    int lightFilterSet = -1;
};

struct LightSet {
    std::string name;
    std::vector<int> lights;  // indices into Scene::lights
};

struct Scene {
    std::string sourcePath;  // first scene file, for metadata
    SceneVariables vars;
    PerspectiveCamera camera;  // the active camera
    std::vector<Geometry> geometries;
    std::vector<Material> materials;
    std::vector<LightDesc> lights;
    std::vector<LightSet> lightSets;
    std::vector<LightFilterDesc> lightFilters;    // those that are on
    std::vector<LightFilterSet> lightFilterSets;  // those the layer names
    std::vector<LayerAssignment> layer;           // the active layer
    std::vector<RenderOutput> outputs;
    // SceneVariables exr_header_attributes: the header of every output file (an output's
    // own attributes win).
    std::vector<ExrHeaderAttribute> exrHeaderAttributes;
};

}  // namespace rt
