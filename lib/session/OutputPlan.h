#pragma once
// Which files a render writes and which channels go into each: RenderOutput objects
// that share a file name become one file (MoonRay semantics).
#include <string>
#include <vector>

#include "film/Film.h"
#include "io/ImageBuffer.h"
#include "io/Metadata.h"
#include "scene/RenderOutput.h"

namespace rt {

struct OutputFile {
    std::string path;
    Compression compression = Compression::Zip;
    std::vector<RenderOutput> outputs;
    int zipLevel = 0;  // of its first output; 0 = OpenEXR's default
    float dwaLevel = 0.0f;
    // Header attributes of this file alone (its Cryptomatte manifests), under the
    // render's own metadata.
    Metadata metadata;
};

// Groups the scene's active outputs by file. `beautyOverride` (-out) replaces the file
// of the beauty output (outputs sharing that file move with it, except results an 8-bit
// override cannot hold, which stay in the scene's file); with no beauty output
// a beauty + alpha file is added. Without any output and override: "scene.exr".
// Throws SceneError (with the output's location) for outputs a file type cannot hold.
std::vector<OutputFile> planOutputs(const std::vector<RenderOutput>& outputs,
                                    const std::string& beautyOverride);

// The channels of one output file, resolved from the film. `errors` holds the per-pixel
// error estimate (width * height) for the `error` result. `recycled`, an image an earlier
// call built for the same file, is filled in place when its shape matches: checkpoints
// then skip allocating (and page-faulting) a full-resolution buffer each time. Resume
// state channels (FilmState.h) of a recycled image are kept, not filled.
ImageBuffer buildOutputImage(const OutputFile& file, const Film& film,
                             const std::vector<float>& errors, ImageBuffer recycled = {});

// The EXR file that holds the beauty output, else the first EXR file: resume state goes
// there. files.size() when there is no EXR file (8-bit files cannot hold the state).
size_t stateFileIndex(const std::vector<OutputFile>& files);

// MoonRay's name of a state variable: "P", "Ng", ..., "depth", "motionvec".
std::string stateVariableName(StateVariable variable);

// Default channel names of a result, e.g. beauty -> R,G,B; normal -> N.X,N.Y,N.Z;
// cryptomatte -> CryptoObject00.R, .G, .B, .A, CryptoObject01.R, ...
std::vector<std::string> channelNames(const RenderOutput& output);

// The channel format written: the output's, except Cryptomatte's, always float (its ids
// are bit patterns a half would destroy).
ChannelFormat channelFormatOf(const RenderOutput& output);

// A Cryptomatte output's layer name: its channel_name, by default "CryptoObject".
std::string cryptomatteLayerName(const RenderOutput& output);

}  // namespace rt
