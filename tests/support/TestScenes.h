#pragma once
// Scenes built directly through the scene model, for analytic render tests.
#include "core/Transform.h"
#include "scene/Scene.h"

namespace rt::test {

inline void addGeometry(Scene& scene, const std::string& name,
                        std::variant<TriangleMesh, Sphere> shape) {
    Geometry geometry;
    geometry.name = name;
    geometry.shape = std::move(shape);
    scene.geometries.push_back(std::move(geometry));
}

// A unit sphere at the origin seen by a camera at (0, 0, 5) looking down -Z.
inline Scene sphereScene(const Material& material, int size, int pixelSamples) {
    Scene scene;
    scene.vars.imageWidth = size;
    scene.vars.imageHeight = size;
    scene.vars.pixelSamples = pixelSamples;
    scene.camera.nodeXform = translateMatrix(Vec3f(0.0f, 0.0f, 5.0f));
    addGeometry(scene, "/sphere", Sphere{Vec3f(0.0f), 1.0f});
    scene.materials.push_back(material);
    scene.layer.push_back({0, 0, -1});
    return scene;
}

inline LightDesc constantEnvironment(const Color& radiance) {
    LightDesc env;
    env.type = LightType::Env;
    env.name = "/env";
    env.color = radiance;
    return env;
}

inline Material lambert(const Color& albedo) {
    Material m;
    m.diffuseColor = albedo;
    m.specular = 0.0f;
    return m;
}

// A grey Lambert sphere under a white sky, 16x16 at 2 spp: the smallest scene that
// renders every code path of a session (passes, outputs, checkpoints) in milliseconds.
inline Scene smallLitScene() {
    Scene scene = sphereScene(lambert(Color(0.5f)), 16, 2);
    scene.lights.push_back(constantEnvironment(Color(1.0f)));
    return scene;
}

}  // namespace rt::test
