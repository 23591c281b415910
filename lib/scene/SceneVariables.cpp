#include "scene/SceneVariables.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/Error.h"

namespace rt {

namespace {

template <class T, class Parse>
T parseExtra(const std::map<std::string, std::string>& extra, const std::string& name, T fallback,
             const char* typeName, Parse parse) {
    const auto it = extra.find(name);
    if (it == extra.end()) return fallback;
    try {
        size_t used = 0;
        const T value = parse(it->second, &used);
        if (used == it->second.size()) return value;
    } catch (const std::exception&) {
    }
    throw SceneError("scene variable '" + name + "': expected " + typeName + ", got '" +
                     it->second + "'");
}

}  // namespace

int SceneVariables::extraInt(const std::string& name, int fallback) const {
    return parseExtra<int>(extra, name, fallback, "an integer",
                           [](const std::string& s, size_t* used) { return std::stoi(s, used); });
}

float SceneVariables::extraFloat(const std::string& name, float fallback) const {
    return parseExtra<float>(extra, name, fallback, "a number",
                             [](const std::string& s, size_t* used) { return std::stof(s, used); });
}

bool SceneVariables::extraBool(const std::string& name, bool fallback) const {
    const auto it = extra.find(name);
    if (it == extra.end()) return fallback;
    if (it->second == "true") return true;
    if (it->second == "false") return false;
    throw SceneError("scene variable '" + name + "': expected true or false, got '" + it->second +
                     "'");
}

std::string SceneVariables::extraString(const std::string& name,
                                        const std::string& fallback) const {
    const auto it = extra.find(name);
    return it == extra.end() ? fallback : it->second;
}

int SceneVariables::renderWidth() const {
    return std::max(1, static_cast<int>(std::lround(imageWidth / res)));
}

int SceneVariables::renderHeight() const {
    return std::max(1, static_cast<int>(std::lround(imageHeight / res)));
}

}  // namespace rt
