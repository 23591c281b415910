#pragma once
// MoonRay light filters as loaded from RDLA (plain data). A light's `light_filters` name
// the filters that act on its radiance; a layer entry's LightFilterSet, when it has one,
// keeps only those of a light's filters that are also in the set (MoonRay's
// pbr::Scene::updateLightFilters). Filters that are off are left out when loading.
// Only IntensityLightFilter exists here: a constant factor on the radiance.
#include <string>
#include <vector>

#include "core/Error.h"
#include "core/Math.h"

namespace rt {

struct Scene;

// IntensityLightFilter: radiance x intensity x color x 2^exposure, or with `invert` the
// reciprocal of that factor channel by channel (a zero channel stays zero), as in
// MoonRay's IntensityLightFilter::update.
struct LightFilterDesc {
    std::string name;
    SourceLocation where;
    float intensity = 1.0f;
    float exposure = 0.0f;
    Color color{1.0f, 1.0f, 1.0f};
    bool invert = false;

    Color radianceScale() const;
};

// A LightFilterSet of a layer entry: indices into Scene::lightFilters.
struct LightFilterSet {
    std::string name;
    std::vector<int> filters;
};

// The factor on light `light`'s radiance for geometry whose layer entry names light
// filter set `filterSet` (an index into Scene::lightFilterSets; -1: none, so every filter
// of the light acts). 1 when no filter acts. Indices must be valid.
Color lightFilterScale(const Scene& scene, int light, int filterSet);

}  // namespace rt
