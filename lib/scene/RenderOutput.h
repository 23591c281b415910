#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/Error.h"
#include "scene/MaterialAovExpression.h"
#include "scene/StateVariable.h"

namespace rt {

// MoonRay RenderOutput `result` values we support; numbers match MoonRay's enum where
// MoonRay defines one (state variable 3, primitive attribute 4, material aov 7, light aov
// 8, weight 11, beauty aux 12, cryptomatte 13, alpha aux 14). Our own results use names: depth,
// normal, albedo, and the adaptive-sampling diagnostics error (the per-pixel error estimate, also
// "variance") and samples (per-pixel sample count).
enum class OutputResult {
    Beauty = 0,
    Alpha = 1,
    StateVariable = 3,
    PrimitiveAttribute = 4,
    TimePerPixel = 5,
    Wireframe = 6,
    MaterialAov = 7,
    LightAov = 8,
    VisibilityAov = 9,
    VarianceAov = 10,
    Cryptomatte = 13,
    Weight = 11,
    BeautyAux = 12,
    AlphaAux = 14,
    Depth = 100,
    Normal = 101,
    Albedo = 102,
    Error = 110,
    Samples = 111,
};

// How an AOV's samples combine into its pixel (MoonRay `math_filter`).
enum class MathFilter {
    Average = 0,
    Sum = 1,
    Min = 2,
    Max = 3,
    ForceConsistentSampling = 4,  // MoonRay's name; averages like `Average`
    Closest = 5,                  // the value of the sample nearest the camera
};

// MoonRay `channel_suffix_mode`: the suffixes of a multi-channel output's names.
enum class ChannelSuffixMode { Auto = 0, Rgb = 1, Xyz = 2, Uvw = 3 };

enum class ChannelFormat { Half, Float };
// OpenEXR's codecs, numbered as MoonRay's `compression` enum. pxr24 (floats to 24
// bits), b44, b44a, dwaa and dwab are lossy; the others are lossless.
enum class Compression { None, Zip, Rle, Zips, Piz, Pxr24, B44, B44a, Dwaa, Dwab };

// One header attribute a scene asks for (MoonRay's Metadata object, named by an
// `exr_header_attributes`): name, MoonRay's type name and the value as text, checked
// when the scene loaded (io/Metadata.h, metadataValueFromText).
struct ExrHeaderAttribute {
    std::string name, type, value;
};

struct RenderOutput {
    std::string name;  // the object name, e.g. "/out"
    SourceLocation where;
    OutputResult result = OutputResult::Beauty;
    StateVariable stateVariable = StateVariable::N;  // result StateVariable
    std::string lpe;                                 // result LightAov
    // Result VisibilityAov: the paths (at the first hit) whose light samples count;
    // MoonRay's default.
    std::string visibilityAov = "C[<T.><RS>]*[<R[DG]><TD>][LO]";
    // Result VarianceAov: the output whose samples' variance it writes, by object name
    // (reference_render_output) and, once the scene is built, by index into the outputs.
    std::string referenceName;
    int reference = -1;
    // Results MaterialAov (material_aov) and PrimitiveAttribute (primitive_attribute and
    // its type, as the expression "float:name" ... with every lobe selected).
    MaterialAovExpression materialAov;
    int cryptomatteDepth = 6;  // result Cryptomatte: ranks written (1..kMaxCryptomatteDepth)
    MathFilter mathFilter = MathFilter::Average;
    ChannelSuffixMode suffixMode = ChannelSuffixMode::Auto;
    // The output's accumulator in the film's AOV slots (film/AovLayout.h), for results
    // that have one (state variable, light aov); -1 otherwise. Set by assignAovSlots.
    int aovSlot = -1;
    std::string fileName = "scene.exr";  // resolved relative to the working directory
    bool fileNameGiven = false;          // file_name was set (a sequence names defaults per frame)
    std::string channelName;             // empty: the result's default channel names
    ChannelFormat channelFormat = ChannelFormat::Half;
    Compression compression = Compression::Zip;
    int zipLevel = 0;       // exr_zip_compression_level 1..9; 0: OpenEXR's default
    float dwaLevel = 0.0f;  // exr_dwa_compression_level; 0: OpenEXR's default (45)
    bool active = true;
    std::vector<ExrHeaderAttribute> headerAttributes;  // exr_header_attributes
    // Other MoonRay attributes that were set (checkpoint_file_name,
    // checkpoint_multi_version_file_name, resume_file_name), as text.
    std::map<std::string, std::string> extra;
};

// Whether the result keeps its own accumulator in the film's AOV slots.
inline bool hasAovSlot(OutputResult result) {
    switch (result) {
        case OutputResult::StateVariable:
        case OutputResult::LightAov:
        case OutputResult::Cryptomatte:
        case OutputResult::MaterialAov:
        case OutputResult::PrimitiveAttribute:
        case OutputResult::TimePerPixel:
        case OutputResult::Wireframe:
        case OutputResult::VisibilityAov:
        case OutputResult::VarianceAov:
            return true;
        default:
            return false;
    }
}

// Whether a variance aov can take the output's samples: those whose pixel is the mean
// (or sum) of values each sample gives. Ratios, counts, extremes, ids, timings, and
// values the film makes from the whole pixel (error, weight, aux halves) are not.
bool varianceCanReference(const RenderOutput& output);
// Whether the output's values are colours (channels R G B by default).
bool isColourOutput(const RenderOutput& output);
// The values a variance aov of `reference` takes per sample: the luminance of a colour
// (Rec. 709 weights), else each component.
int varianceSampleValues(const RenderOutput& reference);

// The deepest Cryptomatte we write (16 ranks, as Blender's), and so the most channels
// one output has: 8 RGBA layers.
inline constexpr int kMaxCryptomatteDepth = 16;
inline constexpr int kMaxOutputComponents = 4 * (kMaxCryptomatteDepth / 2);

}  // namespace rt

namespace rt {

// Values per pixel of an output: 3 for colours and vectors, 2 for St and motionvec, 1
// for the scalars.
int outputComponents(const RenderOutput& output);

// Gives every active output that has an AOV slot its slot number, in scene order (and
// -1 to the others): the film's layout (film/AovLayout.h) follows the same order.
void assignAovSlots(std::vector<RenderOutput>& outputs);

}  // namespace rt
