#include "integrator/RenderScene.h"

#include <numeric>

#include "core/Error.h"

namespace rt {

namespace {

// The diffuse colours of a geometry whose material binds its colour to a primitive
// attribute (lua checked the attribute exists with a colour per face or one value):
// one colour, or one per triangle. Empty when the colour is not bound.
std::vector<Color> boundDiffuseColors(const Geometry& geometry, const Material& material) {
    if (material.diffuseColorAttribute.empty()) return {};
    const auto found = geometry.primitiveAttributes.find(material.diffuseColorAttribute);
    if (found == geometry.primitiveAttributes.end())
        return {material.diffuseColorAttributeDefault * material.diffuseColor};
    const PrimitiveAttribute& a = found->second;
    // A float attribute reads as grey.
    auto value = [&a](size_t i) { return a.colors.empty() ? Color(a.floats[i]) : a.colors[i]; };
    if (a.rate == PrimitiveAttribute::Rate::Constant) return {value(0) * material.diffuseColor};
    const auto& mesh = std::get<TriangleMesh>(geometry.shape);
    std::vector<Color> out;
    out.reserve(mesh.triangleCount());
    for (size_t t = 0; t < mesh.triangleCount(); ++t) {
        const size_t face = mesh.triangleFace.empty() ? t : mesh.triangleFace[t];
        out.push_back(value(face) * material.diffuseColor);
    }
    return out;
}

}  // namespace

RenderScene::RenderScene(const Scene& scene)
    : m_width(scene.vars.renderWidth()),
      m_height(scene.vars.renderHeight()),
      m_camera(scene.camera, m_width, m_height),
      m_lights(createLights(scene.lights)) {
    // Light sets: the scene's sets, then one implicit set of every light for layer
    // entries that name none.
    const int allLightsSet = static_cast<int>(scene.lightSets.size());
    for (const LightSet& set : scene.lightSets) {
        for (int light : set.lights) {
            if (light < 0 || light >= static_cast<int>(m_lights.size())) {
                throw SceneError("light set '" + set.name + "' names an unknown light");
            }
        }
        m_setLights.push_back(set.lights);
    }
    std::vector<int> all(m_lights.size());
    std::iota(all.begin(), all.end(), 0);
    m_setLights.push_back(all);
    for (const std::vector<int>& lights : m_setLights) {
        std::vector<bool> membership(m_lights.size(), false);
        for (int light : lights) membership[static_cast<size_t>(light)] = true;
        m_setMembership.push_back(std::move(membership));
    }

    // Light filter factors: one row per light filter set, then one for entries without.
    const int noFilterSet = static_cast<int>(scene.lightFilterSets.size());
    for (const LightFilterSet& set : scene.lightFilterSets) {
        for (int filter : set.filters) {
            if (filter < 0 || filter >= static_cast<int>(scene.lightFilters.size()))
                throw SceneError("light filter set '" + set.name + "' names an unknown filter");
        }
    }
    for (const LightDesc& light : scene.lights) {
        for (int filter : light.filters) {
            if (filter < 0 || filter >= static_cast<int>(scene.lightFilters.size()))
                throw SceneError("light '" + light.name + "' names an unknown light filter");
        }
    }
    for (int set = 0; set <= noFilterSet; ++set) {
        std::vector<Color> scales;
        for (size_t light = 0; light < scene.lights.size(); ++light)
            scales.push_back(rt::lightFilterScale(scene, static_cast<int>(light),
                                                  set == noFilterSet ? -1 : set));
        m_filterScales.push_back(std::move(scales));
    }

    for (const LayerAssignment& entry : scene.layer) {
        if (entry.geometry < 0 || entry.geometry >= static_cast<int>(scene.geometries.size()) ||
            entry.material < 0 || entry.material >= static_cast<int>(scene.materials.size()) ||
            entry.lightSet >= static_cast<int>(scene.lightSets.size()) ||
            entry.lightFilterSet >= noFilterSet) {
            throw SceneError(
                "layer entry refers to a missing geometry, material, light set or light filter "
                "set");
        }
        m_shapes.push_back(&scene.geometries[static_cast<size_t>(entry.geometry)].shape);
        m_materials.push_back(&scene.materials[static_cast<size_t>(entry.material)]);
        m_materialIndex.push_back(entry.material);
        m_geometryIndex.push_back(entry.geometry);
        m_triangleColors.push_back(boundDiffuseColors(
            scene.geometries[static_cast<size_t>(entry.geometry)], *m_materials.back()));
        m_lightSetOfGeometry.push_back(entry.lightSet < 0 ? allLightsSet : entry.lightSet);
        m_filterScalesOfGeometry.push_back(entry.lightFilterSet < 0 ? noFilterSet
                                                                    : entry.lightFilterSet);
    }
    m_accel = std::make_unique<EmbreeScene>(m_shapes);

    for (size_t i = 0; i < m_lights.size(); ++i) {
        (m_lights[i]->isInfinite() ? m_infiniteLights : m_finiteLights)
            .push_back(static_cast<int>(i));
    }
}

}  // namespace rt
