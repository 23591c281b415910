// Light filter objects -> LightFilterDesc, a light's `light_filters` and a layer entry's
// LightFilterSet -> indices into Scene::lightFilters (scene/LightFilter.h).
#include <algorithm>

#include "lua/Builders.h"

namespace rt {
namespace {

LightFilterDesc buildIntensityFilter(const RdlObject& obj) {
    LightFilterDesc f;
    f.name = obj.name;
    f.where = obj.where;
    f.intensity = obj.getFloat("intensity", f.intensity);
    f.exposure = obj.getFloat("exposure", f.exposure);
    f.color = obj.getColor("color", f.color);
    f.invert = obj.getBool("invert", f.invert);
    // A negative factor would make negative light; NaN or inf would poison every pixel.
    // Only set attributes can be wrong: the defaults give 1.
    const Color c = f.color;
    const char* culprit = f.intensity < 0.0f                                     ? "intensity"
                          : c.x < 0.0f || c.y < 0.0f || c.z < 0.0f               ? "color"
                          : !isFinite(f.radianceScale()) && obj.find("exposure") ? "exposure"
                          : !isFinite(f.radianceScale())                         ? "intensity"
                                                                                 : nullptr;
    if (culprit && obj.find(culprit)) {
        failAt(*obj.find(culprit), culprit,
               obj.describe() + ": " + culprit +
                   " must give a finite, non-negative factor on the radiance");
    }
    if (culprit) {
        throw SceneError(obj.where, obj.describe() +
                                        ": intensity, color and exposure must "
                                        "give a finite, non-negative factor");
    }
    return f;
}

}  // namespace

std::vector<int> addLightFilters(const RdlObject& light, const ObjectStore& store, Scene& scene,
                                 std::map<int, int>& filterIndex) {
    std::vector<int> filters;
    const Attribute* list = light.find("light_filters");
    if (!list) return filters;
    for (int64_t id : std::get<std::vector<int64_t>>(list->value)) {
        const RdlObject& obj = store.object(static_cast<int>(id));
        if (!obj.getBool("on", true)) continue;
        auto [it, added] = filterIndex.emplace(obj.id, static_cast<int>(scene.lightFilters.size()));
        if (added) scene.lightFilters.push_back(buildIntensityFilter(obj));
        // Like MoonRay's set of filters: a filter named twice acts once.
        if (std::find(filters.begin(), filters.end(), it->second) == filters.end())
            filters.push_back(it->second);
    }
    return filters;
}

LightFilterSet buildLightFilterSet(const RdlObject& set, const std::map<int, int>& filterIndex) {
    LightFilterSet out;
    out.name = set.name;
    // Members no light uses (or that are off) can restrict nothing: they are left out.
    for (int member : set.members) {
        if (auto it = filterIndex.find(member); it != filterIndex.end())
            out.filters.push_back(it->second);
    }
    return out;
}

}  // namespace rt
