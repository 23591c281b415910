#include "scene/SceneVariables.h"

#include <algorithm>
#include <cmath>

namespace rt {

int SceneVariables::renderWidth() const {
    return std::max(1, static_cast<int>(std::lround(imageWidth / res)));
}

int SceneVariables::renderHeight() const {
    return std::max(1, static_cast<int>(std::lround(imageHeight / res)));
}

}  // namespace rt
