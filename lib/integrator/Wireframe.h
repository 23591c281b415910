#pragma once
// MoonRay's wireframe result: 1 where a camera sample's first hit lies within half a
// pixel (on the film) of an edge of the authored polygon it belongs to, else 0, so
// that the pixel's average is the edges' coverage. Edges that triangulation added (the
// diagonals of a quad) are not drawn; analytic spheres have no edges.
#include <cstdint>
#include <vector>

#include "geometry/TriangleMesh.h"
#include "scene/Camera.h"

namespace rt {

// Bit k of entry t: edge k of triangle t (corners k and k+1 mod 3) is an edge of its
// authored polygon, i.e. no other triangle of the same face shares it.
std::vector<uint8_t> authoredEdges(const TriangleMesh& mesh);

// Whether `point` (on triangle `triangle` of `mesh`) is within `halfWidth` pixels of one
// of the triangle's authored edges (`edges`, as authoredEdges gives them) on the film.
bool onWireframe(const CameraRayGenerator& camera, const TriangleMesh& mesh, size_t triangle,
                 uint8_t edges, const Vec3f& point, float halfWidth = 0.5f);

}  // namespace rt
