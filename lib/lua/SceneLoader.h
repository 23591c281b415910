#pragma once
// Loads RDLA scene files (MoonRay's Lua scene format) into the rt::Scene model.
// The format, its classes and its errors are described in doc/SCENES.md.
#include <string>
#include <utility>
#include <vector>

#include "scene/Scene.h"

namespace rt {

struct SceneLoadOptions {
    // -in files, in order. They run in one Lua state: a later file sees the objects of
    // the earlier ones by name and overrides their attributes.
    std::vector<std::string> files;
    bool unsafe = false;  // -unsafe_scene: all Lua standard libraries
    // -ignore_unsupported_outputs: a RenderOutput result or attribute we cannot write is
    // a warning (the output or attribute is dropped) instead of a scene error.
    bool ignoreUnsupportedOutputs = false;
    // -scene_var NAME VALUE, applied after all files. `frame` is also applied before
    // them and sets the Lua global `frame` the files animate with (0 without it).
    std::vector<std::pair<std::string, std::string>> sceneVars;
};

// Throws SceneError with "file:line: " for any bad input and UsageError (naming
// `-scene_var NAME`) for a bad -scene_var. Warnings go to rt::log.
Scene loadScene(const SceneLoadOptions& options);

}  // namespace rt
