#pragma once
#include <string>

#include "geometry/TriangleMesh.h"

namespace rt {

// Loads every shape of a Wavefront OBJ file into one triangle mesh (polygons are
// triangulated). Returns false with a message naming the file on failure.
[[nodiscard]] bool loadObj(const std::string& path, TriangleMesh& mesh, std::string& error);

}  // namespace rt
