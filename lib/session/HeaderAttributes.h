#pragma once
// The EXR header attributes a scene asks for (MoonRay's exr_header_attributes, of
// SceneVariables and of each RenderOutput), put into the metadata of the files they
// belong to. The render's own attributes (doc/OUTPUT.md, "Metadata") win over them.
#include <vector>

#include "scene/Scene.h"
#include "session/OutputPlan.h"

namespace rt {

// SceneVariables' attributes go to every file, an output's to its own file (later
// outputs of a file win over earlier ones, outputs over SceneVariables).
void addHeaderAttributes(std::vector<OutputFile>& files, const Scene& scene);

}  // namespace rt
