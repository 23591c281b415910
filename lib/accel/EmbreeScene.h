#pragma once
// The only interface to Embree 3 (the implementation is the only file that includes it).
// Geometry ids equal the index of the shape in the list the scene was built from.
#include <memory>
#include <variant>
#include <vector>

#include "core/Math.h"
#include "core/Ray.h"
#include "geometry/Sphere.h"
#include "geometry/TriangleMesh.h"

namespace rt {

using Shape = std::variant<TriangleMesh, Sphere>;

struct Hit {
    float t = 0.0f;
    Vec3f position;
    Vec3f ng;  // unit geometric normal as authored: CCW triangle front, sphere outward
    uint32_t geometry = 0;
    uint32_t primitive = 0;
    // Triangles: Embree's barycentric (u, v) of corners 1 and 2 (the point is
    // (1 - u - v) p0 + u p1 + v p2).
    Vec2f barycentric{0.0f, 0.0f};
};

class EmbreeScene {
  public:
    // Builds the acceleration structure; the shapes must outlive the scene (they are
    // shared with Embree, not copied). Throws std::runtime_error when Embree fails.
    explicit EmbreeScene(const std::vector<const Shape*>& shapes);
    ~EmbreeScene();
    EmbreeScene(const EmbreeScene&) = delete;
    EmbreeScene& operator=(const EmbreeScene&) = delete;

    // Closest hit within [ray.tNear, ray.tFar].
    bool intersect(const Ray& ray, Hit& hit) const;
    // Any hit within [ray.tNear, ray.tFar] (shadow rays).
    bool occluded(const Ray& ray) const;

    Box3f bounds() const;

    // Closest-hit query without computing hit data (benchmarks).
    bool intersectRaw(const Ray& ray) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rt
