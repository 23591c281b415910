#pragma once
// Turns RDL objects into the rt::Scene model, one function per kind of object.
// Each validates its values and throws SceneError at the object's or the attribute's
// location (UsageError for a value that came from -scene_var).
#include <optional>
#include <string>

#include "lua/ObjectStore.h"
#include "scene/Scene.h"

namespace rt {

// Throws SceneError at `attr`, or UsageError naming `-scene_var NAME` for a value from
// the command line.
[[noreturn]] void failAt(const Attribute& attr, const std::string& name,
                         const std::string& message);

// A path given in a scene file, relative to the directory of the file that set it
// (relative to the working directory when it came from the command line).
std::string resolveScenePath(const Attribute& attr);

// A float attribute in [0, 1]; out-of-range values are clamped with a warning, as
// MoonRay clamps them while shading.
float unitFloat(const RdlObject& obj, const std::string& name, float fallback);
// A colour attribute that must be finite and non-negative (SceneError at its line).
Color colourAttr(const RdlObject& obj, const char* name, const Color& fallback);

SceneVariables buildSceneVariables(const RdlObject& vars, const ObjectStore& store);
PerspectiveCamera buildCamera(const RdlObject& obj);
Geometry buildGeometry(const RdlObject& obj);
Material buildMaterial(const RdlObject& obj);
// MoonRay's older BaseMaterial on the same lobes (BaseMaterialBuilder.cpp).
Material buildBaseMaterial(const RdlObject& obj);
LightDesc buildLight(const RdlObject& obj);
// A light's `light_filters` that are on, as indices into scene.lightFilters; each filter
// is added there on first use (`filterIndex`: object id -> index).
std::vector<int> addLightFilters(const RdlObject& light, const ObjectStore& store, Scene& scene,
                                 std::map<int, int>& filterIndex);
// A layer entry's LightFilterSet: its members that some light uses.
LightFilterSet buildLightFilterSet(const RdlObject& set, const std::map<int, int>& filterIndex);
// nullopt when the result is not supported (a warning says so).
// With `ignoreUnsupported` (-ignore_unsupported_outputs) what we cannot write is a
// warning and the output (or the attribute) is dropped; otherwise a SceneError.
std::optional<RenderOutput> buildRenderOutput(const RdlObject& obj, const ObjectStore& store,
                                              bool ignoreUnsupported);
// Resolves each variance aov's reference_render_output to its index in `outputs`:
// SceneError at the attribute when it names no output, an inactive one or one whose
// samples have no variance (varianceCanReference).
void resolveVarianceReferences(std::vector<RenderOutput>& outputs);

// The `exr_header_attributes` of an output or of SceneVariables, each checked against
// its type; throws SceneError at the entry's line.
std::vector<ExrHeaderAttribute> buildHeaderAttributes(const RdlObject& owner,
                                                      const ObjectStore& store);

// A geometry's UserData (`primitive_attributes`, rates constant and uniform); throws
// SceneError for another rate or a value count that does not fit `geometry`.
PrimitiveAttributes buildPrimitiveAttributes(const RdlObject& obj, const Geometry& geometry,
                                             const ObjectStore& store);
// A material's diffuse colour bound to an AttributeMap: Material::diffuseColorAttribute.
void bindMaterial(Material& material, const RdlObject& obj, const ObjectStore& store);
// Attributes bound to a map that must give MoonRay's default on this geometry (opacity
// bound to a displayOpacity of 1): SceneError where it does not.
// Warns for each primitive attribute output (or material aov "float:name" ...) that no
// geometry of the scene can give a value: it would be 0 everywhere.
void warnAboutMissingAttributes(const Scene& scene);

void checkBoundDefaults(const RdlObject& material, const RdlObject& geometryObj,
                        const Geometry& geometry, const ObjectStore& store);

// Assembles the scene: active camera and layer, the layer's geometry, materials and
// light sets, all lights, render outputs.
Scene buildScene(const ObjectStore& store, const std::string& firstFile, bool ignoreUnsupported);

}  // namespace rt
