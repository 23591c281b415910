// Assembles rt::Scene from the RDL objects: the active camera and layer decide what is
// rendered; only geometry the layer assigns is built.
#include <map>

#include "core/Log.h"
#include "lua/Builders.h"

namespace rt {
namespace {

// The object named by SceneVariables `attrName`, else the first object of `kind`.
const RdlObject& activeObject(const ObjectStore& store, ObjectKind kind, const char* attrName,
                              const std::string& name, const std::string& firstFile) {
    const std::string kindText = kind == ObjectKind::Camera ? "camera" : "layer";
    if (!name.empty()) {
        const RdlObject* obj = store.findByName(name);
        if (!obj || obj->kind() != kind) {
            const Attribute& attr = *store.object(store.sceneVariablesId()).find(attrName);
            failAt(attr, attrName,
                   "no " + kindText + " named '" + name + "'" +
                       (obj ? " (it is " + obj->describe() + ")" : ""));
        }
        return *obj;
    }
    for (const RdlObject& obj : store.objects()) {
        if (obj.kind() == kind) return obj;
    }
    throw SceneError(SourceLocation{firstFile, 0},
                     "the scene has no " + kindText +
                         (kind == ObjectKind::Camera ? " (define a PerspectiveCamera)"
                                                     : " (define a Layer that assigns materials "
                                                       "to geometry)"));
}

void checkOutputFiles(const std::vector<RenderOutput>& outputs) {
    std::map<std::string, const RenderOutput*> firstByFile;
    for (const RenderOutput& out : outputs) {
        if (!out.active) continue;
        auto [it, inserted] = firstByFile.emplace(out.fileName, &out);
        if (!inserted && it->second->compression != out.compression) {
            throw SceneError(out.where, "RenderOutput '" + out.name + "' writes '" + out.fileName +
                                            "' with another compression than "
                                            "RenderOutput '" +
                                            it->second->name +
                                            "'; outputs of one file must share it");
        }
    }
}

}  // namespace

Scene buildScene(const ObjectStore& store, const std::string& firstFile, bool ignoreUnsupported) {
    Scene scene;
    scene.sourcePath = firstFile;
    scene.vars = buildSceneVariables(store.object(store.sceneVariablesId()), store);
    scene.exrHeaderAttributes =
        buildHeaderAttributes(store.object(store.sceneVariablesId()), store);
    const RdlObject& camera =
        activeObject(store, ObjectKind::Camera, "camera", scene.vars.camera, firstFile);
    scene.camera = buildCamera(camera);
    const RdlObject& layer =
        activeObject(store, ObjectKind::Layer, "layer", scene.vars.layer, firstFile);
    // Name the objects actually used, so that reports and fingerprints see them.
    scene.vars.camera = camera.name;
    scene.vars.layer = layer.name;
    if (layer.entries.empty()) {
        throw SceneError(layer.where, layer.describe() + " has no geometry");
    }

    // Every light that is on, in the order the scene defines them, with its filters.
    std::map<int, int> lightIndex, filterIndex;
    for (const RdlObject& obj : store.objects()) {
        if (obj.kind() != ObjectKind::Light || !obj.getBool("on", true)) continue;
        lightIndex[obj.id] = static_cast<int>(scene.lights.size());
        scene.lights.push_back(buildLight(obj));
        scene.lights.back().filters = addLightFilters(obj, store, scene, filterIndex);
    }

    std::map<int, int> geometryIndex, materialIndex, lightSetIndex, filterSetIndex;
    int defaultMaterial = -1;
    for (const LayerEntry& entry : layer.entries) {
        const RdlObject& geomObj = store.object(entry.geometry);
        LayerAssignment assignment;
        if (auto it = geometryIndex.find(entry.geometry); it != geometryIndex.end()) {
            // Parts are not modelled: the whole geometry takes the last assignment.
            log::warning(entry.where.str() + ": " + layer.describe() + " assigns " +
                         geomObj.describe() + " again (part '" + entry.part +
                         "'); parts are not supported, the last assignment wins");
            assignment.geometry = it->second;
        } else {
            assignment.geometry = static_cast<int>(scene.geometries.size());
            geometryIndex[entry.geometry] = assignment.geometry;
            scene.geometries.push_back(buildGeometry(geomObj));
            scene.geometries.back().primitiveAttributes =
                buildPrimitiveAttributes(geomObj, scene.geometries.back(), store);
        }

        if (entry.material < 0) {
            if (defaultMaterial < 0) {
                defaultMaterial = static_cast<int>(scene.materials.size());
                Material fallback;
                fallback.name = "<default>";
                scene.materials.push_back(fallback);
            }
            log::warning(entry.where.str() + ": " + layer.describe() + " gives " +
                         geomObj.describe() + " no material; using a default grey material");
            assignment.material = defaultMaterial;
        } else if (auto it = materialIndex.find(entry.material); it != materialIndex.end()) {
            assignment.material = it->second;
        } else {
            assignment.material = static_cast<int>(scene.materials.size());
            materialIndex[entry.material] = assignment.material;
            scene.materials.push_back(buildMaterial(store.object(entry.material)));
            bindMaterial(scene.materials.back(), store.object(entry.material), store);
        }
        if (entry.material >= 0) {
            checkBoundDefaults(store.object(entry.material), geomObj,
                               scene.geometries[static_cast<size_t>(assignment.geometry)], store);
        }

        if (entry.lightSet >= 0) {
            if (auto it = lightSetIndex.find(entry.lightSet); it != lightSetIndex.end()) {
                assignment.lightSet = it->second;
            } else {
                const RdlObject& setObj = store.object(entry.lightSet);
                LightSet set;
                set.name = setObj.name;
                for (int member : setObj.members) {
                    if (auto light = lightIndex.find(member); light != lightIndex.end()) {
                        set.lights.push_back(light->second);
                    }
                }
                assignment.lightSet = static_cast<int>(scene.lightSets.size());
                lightSetIndex[entry.lightSet] = assignment.lightSet;
                scene.lightSets.push_back(std::move(set));
            }
        }

        if (entry.lightFilterSet >= 0) {
            auto [it, added] = filterSetIndex.emplace(
                entry.lightFilterSet, static_cast<int>(scene.lightFilterSets.size()));
            if (added) {
                scene.lightFilterSets.push_back(
                    buildLightFilterSet(store.object(entry.lightFilterSet), filterIndex));
            }
            assignment.lightFilterSet = it->second;
        }

        if (assignment.geometry < static_cast<int>(scene.layer.size())) {
            scene.layer[static_cast<size_t>(assignment.geometry)] = assignment;
        } else {
            scene.layer.push_back(assignment);
        }
    }

    for (const RdlObject& obj : store.objects()) {
        if (obj.kind() != ObjectKind::RenderOutput) continue;
        if (auto out = buildRenderOutput(obj, store, ignoreUnsupported)) {
            out->headerAttributes = buildHeaderAttributes(obj, store);
            scene.outputs.push_back(std::move(*out));
        }
    }
    checkOutputFiles(scene.outputs);
    resolveVarianceReferences(scene.outputs);
    warnAboutMissingAttributes(scene);
    assignAovSlots(scene.outputs);
    return scene;
}

}  // namespace rt
