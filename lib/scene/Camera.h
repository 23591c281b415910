#pragma once
// MoonRay's PerspectiveCamera: looks down its local -Z axis, +Y up, +X right.
#include "core/Math.h"
#include "core/Ray.h"

namespace rt {

struct PerspectiveCamera {
    Mat4f nodeXform;                  // camera to world
    float focal = 30.0f;              // mm
    float filmWidthAperture = 24.0f;  // mm; horizontal field of view with `focal`
    float nearClip = 1.0f;
    float farClip = 10000.0f;
};

// Builds primary rays for an image of width x height pixels. Pixel (0,0) is the
// top-left pixel; a film position (x, y) in [0,w]x[0,h] maps to a ray through it.
class CameraRayGenerator {
  public:
    CameraRayGenerator(const PerspectiveCamera& camera, int width, int height);

    Ray generate(float filmX, float filmY) const;
    // Camera-space depth (distance along the viewing axis) of a world point.
    float depth(const Vec3f& worldPoint) const;
    // A world point in camera space (the camera looks down -Z).
    Vec3f toCamera(const Vec3f& worldPoint) const;
    // The film position (pixels, as generate() takes) of a camera-space point in front
    // of the camera (z < 0): generate()'s inverse.
    Vec2f cameraToFilm(const Vec3f& cameraPoint) const;
    const Vec3f& position() const { return m_origin; }

  private:
    Mat4f m_cameraToWorld;
    Mat4f m_worldToCamera;
    Vec3f m_origin;
    float m_halfWidth;  // at distance 1 from the eye
    float m_halfHeight;
    int m_width, m_height;
    float m_near, m_far;
};

}  // namespace rt
