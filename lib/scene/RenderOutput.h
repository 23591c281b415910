#pragma once
#include <map>
#include <string>

#include "core/Error.h"

namespace rt {

// MoonRay RenderOutput `result` values we support; numbers match MoonRay's enum where
// MoonRay defines one (weight 11, beauty aux 12, alpha aux 14). Our own results use
// names: depth, normal, albedo, and the adaptive-sampling diagnostics error (the
// per-pixel error estimate, also "variance") and samples (per-pixel sample count).
enum class OutputResult {
    Beauty = 0,
    Alpha = 1,
    Weight = 11,
    BeautyAux = 12,
    AlphaAux = 14,
    Depth = 100,
    Normal = 101,
    Albedo = 102,
    Error = 110,
    Samples = 111,
};
enum class ChannelFormat { Half, Float };
enum class Compression { None, Zip, Piz };

struct RenderOutput {
    std::string name;  // the object name, e.g. "/out"
    SourceLocation where;
    OutputResult result = OutputResult::Beauty;
    std::string fileName = "scene.exr";  // resolved relative to the working directory
    bool fileNameGiven = false;          // file_name was set (a sequence names defaults per frame)
    std::string channelName;             // empty: the result's default channel names
    ChannelFormat channelFormat = ChannelFormat::Half;
    Compression compression = Compression::Zip;
    bool active = true;
    // Other MoonRay attributes that were set (checkpoint_file_name,
    // checkpoint_multi_version_file_name, resume_file_name), as text.
    std::map<std::string, std::string> extra;
};

}  // namespace rt
