#pragma once
// Scene variables with MoonRay's names and defaults. Later issues add fields here.
#include <cstdint>
#include <map>
#include <string>

namespace rt {

struct SceneVariables {
    int imageWidth = 1920;
    int imageHeight = 1080;
    float res = 1.0f;      // resolution divisor: the rendered size is image size / res
    int pixelSamples = 8;  // square root of samples per pixel (MoonRay semantics)
    int maxDepth = 5;      // path length limit (MoonRay max_depth)
    uint32_t seed = 0;
    std::string camera;  // object name; empty = the first camera
    std::string layer;   // object name; empty = the first layer
    // Every other scene variable that was set (MoonRay names such as sampling_mode,
    // checkpoint_interval, resumable_output), as normalised text: "true"/"false",
    // decimal numbers, enum names already turned into their numbers, lists separated
    // by spaces. Filled by the loader; features read the names they implement.
    std::map<std::string, std::string> extra;

    // Typed getters over `extra` with defaults; throw SceneError naming the variable
    // when the stored text is not of the type asked for.
    int extraInt(const std::string& name, int fallback) const;
    float extraFloat(const std::string& name, float fallback) const;
    bool extraBool(const std::string& name, bool fallback) const;
    std::string extraString(const std::string& name, const std::string& fallback = "") const;

    int renderWidth() const;
    int renderHeight() const;
    uint32_t samplesPerPixel() const { return static_cast<uint32_t>(pixelSamples) * pixelSamples; }
};

}  // namespace rt
