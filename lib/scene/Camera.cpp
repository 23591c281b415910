#include "scene/Camera.h"

#include "core/Transform.h"

namespace rt {

CameraRayGenerator::CameraRayGenerator(const PerspectiveCamera& camera, int width, int height)
    : m_cameraToWorld(camera.nodeXform),
      m_worldToCamera(camera.nodeXform.inverse()),
      m_origin(transformPoint(camera.nodeXform, Vec3f(0.0f))),
      m_width(width),
      m_height(height),
      m_near(camera.nearClip),
      m_far(camera.farClip) {
    m_halfWidth = 0.5f * camera.filmWidthAperture / camera.focal;
    m_halfHeight = m_halfWidth * static_cast<float>(height) / static_cast<float>(width);
}

Ray CameraRayGenerator::generate(float filmX, float filmY) const {
    const float sx = (2.0f * filmX / static_cast<float>(m_width) - 1.0f) * m_halfWidth;
    const float sy = (1.0f - 2.0f * filmY / static_cast<float>(m_height)) * m_halfHeight;
    const Vec3f dirCamera = Vec3f(sx, sy, -1.0f).normalized();
    Ray ray;
    ray.org = m_origin;
    ray.dir = transformVector(m_cameraToWorld, dirCamera).normalized();
    // Clip planes are distances along the viewing axis; convert to ray parameters.
    const float cosAxis = -dirCamera.z;
    ray.tNear = m_near / cosAxis;
    ray.tFar = m_far / cosAxis;
    return ray;
}

float CameraRayGenerator::depth(const Vec3f& worldPoint) const {
    return -transformPoint(m_worldToCamera, worldPoint).z;
}

Vec3f CameraRayGenerator::toCamera(const Vec3f& worldPoint) const {
    return transformPoint(m_worldToCamera, worldPoint);
}

Vec2f CameraRayGenerator::cameraToFilm(const Vec3f& p) const {
    const float sx = p.x / -p.z, sy = p.y / -p.z;
    return Vec2f((sx / m_halfWidth + 1.0f) * 0.5f * static_cast<float>(m_width),
                 (1.0f - sy / m_halfHeight) * 0.5f * static_cast<float>(m_height));
}

}  // namespace rt
