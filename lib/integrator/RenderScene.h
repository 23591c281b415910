#pragma once
// The scene prepared for tracing: acceleration structure, samplable lights, light sets
// and per-geometry materials. Built once per render from the plain scene model.
#include <memory>
#include <vector>

#include "accel/EmbreeScene.h"
#include "scene/Camera.h"
#include "scene/Scene.h"
#include "shading/Light.h"

namespace rt {

class RenderScene {
  public:
    // Throws SceneError for inconsistent scenes (bad indices, invalid lights).
    explicit RenderScene(const Scene& scene);

    const EmbreeScene& accel() const { return *m_accel; }
    const CameraRayGenerator& camera() const { return m_camera; }
    int width() const { return m_width; }
    int height() const { return m_height; }

    // Per Embree geometry id (one per layer entry).
    const Material& material(uint32_t geometry) const { return *m_materials[geometry]; }
    int lightSet(uint32_t geometry) const { return m_lightSetOfGeometry[geometry]; }
    // The diffuse colour at triangle `primitive`: the material's, or where its colour is
    // bound to a primitive attribute, that attribute's value times it.
    const Color& diffuseColor(uint32_t geometry, uint32_t primitive) const {
        const std::vector<Color>& perTriangle = m_triangleColors[geometry];
        if (perTriangle.empty()) return m_materials[geometry]->diffuseColor;
        return perTriangle.size() == 1 ? perTriangle[0] : perTriangle[primitive];
    }
    // The index into Scene::materials of each Embree geometry id.
    const std::vector<int>& geometryMaterials() const { return m_materialIndex; }
    // The index into Scene::geometries of each Embree geometry id.
    const std::vector<int>& geometryObjects() const { return m_geometryIndex; }

    const std::vector<std::unique_ptr<Light>>& lights() const { return m_lights; }
    // Lights that illuminate geometry of a light set, and membership test.
    const std::vector<int>& lightsOf(int lightSet) const { return m_setLights[lightSet]; }
    bool illuminates(int lightSet, int light) const {
        return m_setMembership[lightSet][static_cast<size_t>(light)];
    }

    // The factor light filters put on light `light`'s radiance where it lights geometry
    // `geometry` (scene/LightFilter.h); camera rays see lights unfiltered, as in MoonRay.
    const Color& lightFilterScale(uint32_t geometry, int light) const {
        return m_filterScales[m_filterScalesOfGeometry[geometry]][static_cast<size_t>(light)];
    }

    const std::vector<int>& finiteLights() const { return m_finiteLights; }
    const std::vector<int>& infiniteLights() const { return m_infiniteLights; }

  private:
    int m_width, m_height;
    CameraRayGenerator m_camera;
    std::vector<const Shape*> m_shapes;
    std::unique_ptr<EmbreeScene> m_accel;
    std::vector<const Material*> m_materials;
    std::vector<int> m_materialIndex;
    std::vector<int> m_geometryIndex;
    std::vector<std::vector<Color>> m_triangleColors;  // per geometry: empty, 1 or per triangle
    std::vector<int> m_lightSetOfGeometry;             // index into m_setLights
    std::vector<std::unique_ptr<Light>> m_lights;
    std::vector<std::vector<int>> m_setLights;
    std::vector<std::vector<bool>> m_setMembership;
    // Per light filter set (the last: none), one factor per light.
    std::vector<std::vector<Color>> m_filterScales;
    std::vector<int> m_filterScalesOfGeometry;  // index into m_filterScales
    std::vector<int> m_finiteLights, m_infiniteLights;
};

}  // namespace rt
