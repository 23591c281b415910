#include "scene/LightFilter.h"

#include <algorithm>

#include "scene/Scene.h"

namespace rt {

Color LightFilterDesc::radianceScale() const {
    Color scale = color * (intensity * std::exp2(exposure));
    if (invert) {
        for (int c = 0; c < 3; ++c)
            if (scale[c] != 0.0f) scale[c] = 1.0f / scale[c];
    }
    return scale;
}

Color lightFilterScale(const Scene& scene, int light, int filterSet) {
    Color scale(1.0f);
    for (int filter : scene.lights[static_cast<size_t>(light)].filters) {
        if (filterSet >= 0) {
            const std::vector<int>& inSet =
                scene.lightFilterSets[static_cast<size_t>(filterSet)].filters;
            if (std::find(inSet.begin(), inSet.end(), filter) == inSet.end()) continue;
        }
        scale *= scene.lightFilters[static_cast<size_t>(filter)].radianceScale();
    }
    return scale;
}

}  // namespace rt
