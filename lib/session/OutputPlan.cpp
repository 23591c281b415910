#include "session/OutputPlan.h"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>

#include "core/Log.h"
#include "io/ImageFormat.h"
#include "session/FilmState.h"

namespace rt {
namespace {

// The channel names of outputs MoonRay names after their object: "/diffuse" -> "diffuse".
std::string objectChannelName(const RenderOutput& output) {
    return output.name.starts_with("/") ? output.name.substr(1) : output.name;
}

// Beauty channels are plain R, G, B so every viewer shows them.
std::string defaultPrefix(const RenderOutput& output) {
    switch (output.result) {
        case OutputResult::StateVariable:
            return stateVariableName(output.stateVariable);
        case OutputResult::LightAov:
        case OutputResult::MaterialAov:
        case OutputResult::PrimitiveAttribute:
            return objectChannelName(output);
        case OutputResult::Normal:
            return "N";
        case OutputResult::Albedo:
            return "albedo";
        case OutputResult::BeautyAux:
            return "beautyAux";
        default:
            return "";
    }
}

std::string defaultSingleChannel(const RenderOutput& output) {
    switch (output.result) {
        case OutputResult::StateVariable:
            return stateVariableName(output.stateVariable);
        case OutputResult::MaterialAov:
        case OutputResult::PrimitiveAttribute:
        case OutputResult::TimePerPixel:
        case OutputResult::Wireframe:
        case OutputResult::VisibilityAov:
        case OutputResult::VarianceAov:
            return objectChannelName(output);
        case OutputResult::Alpha:
            return "A";
        case OutputResult::Depth:
            return "Z";
        case OutputResult::Weight:
            return "weight";
        case OutputResult::AlphaAux:
            return "alphaAux";
        case OutputResult::Error:
            return "error";
        case OutputResult::Samples:
            return "samples";
        default:
            return "Y";
    }
}

RenderOutput defaultBeauty(const std::string& path) {
    RenderOutput beauty;
    beauty.name = "(default beauty)";
    beauty.fileName = path;
    beauty.result = OutputResult::Beauty;
    return beauty;
}

RenderOutput alphaFor(const RenderOutput& beauty) {
    RenderOutput alpha = beauty;
    alpha.name = "(default alpha)";
    alpha.result = OutputResult::Alpha;
    alpha.channelName.clear();
    return alpha;
}

// The mean of the odd-numbered samples (MoonRay's aux buffers); 0 without any.
double oddMean(double oddSum, uint32_t count) {
    const uint32_t odd = count / 2;
    return odd > 0 ? oddSum / odd : 0.0;
}

// The components of an output at a pixel (outputComponents(output) of `v`), each
// computed once.
void resolve(const Film& film, const std::vector<float>& errors, const RenderOutput& output, int x,
             int y, float* v) {
    const PixelAccumulator& p = film.at(x, y);
    if (output.aovSlot >= 0) return film.resolveAov(x, y, static_cast<size_t>(output.aovSlot), v);
    auto put = [v](const auto& c) {
        v[0] = c[0];
        v[1] = c[1];
        v[2] = c[2];
    };
    switch (output.result) {
        case OutputResult::StateVariable:
        case OutputResult::PrimitiveAttribute:
        case OutputResult::MaterialAov:
        case OutputResult::LightAov:
        case OutputResult::Cryptomatte:
        case OutputResult::TimePerPixel:
        case OutputResult::Wireframe:
        case OutputResult::VisibilityAov:
        case OutputResult::VarianceAov:
            return;  // in their AOV slot, above
        case OutputResult::Beauty:
            return put(film.beauty(x, y));
        case OutputResult::Alpha:
            v[0] = film.alpha(x, y);
            return;
        case OutputResult::Depth:
            v[0] = film.depth(x, y);
            return;
        case OutputResult::Normal:
            return put(film.normal(x, y));
        case OutputResult::Albedo:
            return put(film.albedo(x, y));
        case OutputResult::Weight:  // box filter: every sample weighs 1
        case OutputResult::Samples:
            v[0] = static_cast<float>(p.sampleCount);
            return;
        case OutputResult::BeautyAux:
            for (int c = 0; c < 3; ++c) {
                v[c] = static_cast<float>(oddMean(p.oddRadianceSum[c], p.sampleCount));
            }
            return;
        case OutputResult::AlphaAux:
            v[0] = static_cast<float>(oddMean(p.oddAlphaSum, p.sampleCount));
            return;
        case OutputResult::Error:
            v[0] = errors.empty() ? 0.0f : errors[static_cast<size_t>(y) * film.width() + x];
            return;
    }
}

}  // namespace

std::string stateVariableName(StateVariable variable) {
    switch (variable) {
        case StateVariable::P:
            return "P";
        case StateVariable::Ng:
            return "Ng";
        case StateVariable::N:
            return "N";
        case StateVariable::St:
            return "St";
        case StateVariable::DPds:
            return "dPds";
        case StateVariable::DPdt:
            return "dPdt";
        case StateVariable::Wp:
            return "Wp";
        case StateVariable::Depth:
            return "depth";
        case StateVariable::MotionVector:
            return "motionvec";
    }
    return "";
}

std::string cryptomatteLayerName(const RenderOutput& output) {
    return output.channelName.empty() ? "CryptoObject" : output.channelName;
}

ChannelFormat channelFormatOf(const RenderOutput& output) {
    return output.result == OutputResult::Cryptomatte ? ChannelFormat::Float : output.channelFormat;
}

std::vector<std::string> channelNames(const RenderOutput& output) {
    const int components = outputComponents(output);
    if (output.result == OutputResult::Cryptomatte) {  // {layer}00.R, .G, .B, .A, {layer}01.R, ...
        std::vector<std::string> names;
        for (int layer = 0; layer < components / 4; ++layer) {
            for (const char* c : {".R", ".G", ".B", ".A"}) {
                std::string name = cryptomatteLayerName(output);
                name += static_cast<char>('0' + layer / 10);
                name += static_cast<char>('0' + layer % 10);
                name += c;
                names.push_back(std::move(name));
            }
        }
        return names;
    }
    if (components == 1) {
        if (!output.channelName.empty()) return {output.channelName};
        return {defaultSingleChannel(output)};
    }
    // channel_suffix_mode "auto": R G B for colours, X Y Z for points and vectors.
    ChannelSuffixMode mode = output.suffixMode;
    if (mode == ChannelSuffixMode::Auto) {
        mode = isColourOutput(output) ? ChannelSuffixMode::Rgb : ChannelSuffixMode::Xyz;
    }
    const char* suffixes = mode == ChannelSuffixMode::Rgb   ? "RGB"
                           : mode == ChannelSuffixMode::Xyz ? "XYZ"
                                                            : "UVW";
    const std::string prefix =
        output.channelName.empty() ? defaultPrefix(output) : output.channelName;
    std::vector<std::string> names;
    for (int c = 0; c < components; ++c) {
        // Built by appending: GCC 12 warns falsely (-Wrestrict) on `a + "." + b`.
        std::string name = prefix;
        if (!name.empty()) name += '.';
        name += suffixes[c];
        names.push_back(std::move(name));
    }
    return names;
}

size_t stateFileIndex(const std::vector<OutputFile>& files) {
    size_t firstExr = files.size();
    for (size_t i = 0; i < files.size(); ++i) {
        if (isLdrExtension(files[i].path)) continue;
        if (firstExr == files.size()) firstExr = i;
        for (const RenderOutput& output : files[i].outputs) {
            if (output.result == OutputResult::Beauty) return i;
        }
    }
    return firstExr;
}

std::vector<OutputFile> planOutputs(const std::vector<RenderOutput>& outputs,
                                    const std::string& beautyOverride) {
    std::vector<RenderOutput> active;
    for (const RenderOutput& o : outputs) {
        if (o.active) active.push_back(o);
    }
    auto beauty = std::find_if(active.begin(), active.end(), [](const RenderOutput& o) {
        return o.result == OutputResult::Beauty;
    });
    if (!beautyOverride.empty()) {
        if (beauty != active.end()) {
            // Outputs sharing the beauty's file move with it, except those an 8-bit
            // file cannot hold: they stay where the scene put them.
            const std::string oldFile = beauty->fileName;
            const bool ldr = isLdrExtension(beautyOverride);
            for (RenderOutput& o : active) {
                if (o.fileName != oldFile) continue;
                if (ldr && o.result != OutputResult::Beauty && o.result != OutputResult::Alpha) {
                    log::detail("-out " + beautyOverride + ": RenderOutput '" + o.name +
                                "' stays in " + oldFile);
                    continue;
                }
                o.fileName = beautyOverride;
            }
        } else {
            active.push_back(defaultBeauty(beautyOverride));
            active.push_back(alphaFor(active.back()));
        }
    } else if (active.empty()) {
        active.push_back(defaultBeauty("scene.exr"));
        active.push_back(alphaFor(active.back()));
    }

    std::vector<OutputFile> files;
    for (const RenderOutput& o : active) {
        auto file = std::find_if(files.begin(), files.end(),
                                 [&](const OutputFile& f) { return f.path == o.fileName; });
        if (file == files.end()) {
            files.push_back({o.fileName, o.compression, {}, o.zipLevel, o.dwaLevel});
            file = files.end() - 1;
        }
        if (isLdrExtension(o.fileName) && o.result != OutputResult::Beauty &&
            o.result != OutputResult::Alpha) {
            throw SceneError(o.where, "RenderOutput '" + o.name + "': an 8-bit image file ('" +
                                          o.fileName + "') holds only beauty and alpha");
        }
        for (const std::string& name : channelNames(o)) {
            for (const RenderOutput& other : file->outputs) {
                const std::vector<std::string> taken = channelNames(other);
                if (std::find(taken.begin(), taken.end(), name) != taken.end()) {
                    throw SceneError(o.where, "RenderOutput '" + o.name + "': channel '" + name +
                                                  "' of '" + o.fileName +
                                                  "' is already written by '" + other.name + "'");
                }
            }
        }
        file->outputs.push_back(o);
    }
    return files;
}

namespace {

// Whether `image` has the size and channels buildOutputImage gives `file`, followed by
// nothing but resume state channels.
bool sameShape(const ImageBuffer& image, const OutputFile& file, int width, int height) {
    if (image.width != width || image.height != height) return false;
    size_t channel = 0;
    for (const RenderOutput& output : file.outputs) {
        const PixelType type =
            channelFormatOf(output) == ChannelFormat::Half ? PixelType::Half : PixelType::Float;
        for (const std::string& name : channelNames(output)) {
            if (channel >= image.channels.size() || image.channels[channel].name != name ||
                image.channels[channel].type != type) {
                return false;
            }
            ++channel;
        }
    }
    for (; channel < image.channels.size(); ++channel) {
        if (!isFilmStateChannel(image.channels[channel].name)) return false;
    }
    return true;
}

}  // namespace

ImageBuffer buildOutputImage(const OutputFile& file, const Film& film,
                             const std::vector<float>& errors, ImageBuffer recycled) {
    ImageBuffer image = std::move(recycled);
    if (!sameShape(image, file, film.width(), film.height())) {
        image = ImageBuffer(film.width(), film.height());
        for (const RenderOutput& output : file.outputs) {
            const PixelType type =
                channelFormatOf(output) == ChannelFormat::Half ? PixelType::Half : PixelType::Float;
            for (const std::string& name : channelNames(output)) image.addChannel(name, type);
        }
    }
    // The first channel of each output and how many follow it.
    std::vector<size_t> firstChannel;
    std::vector<int> components;
    for (size_t i = 0, channel = 0; i < file.outputs.size(); ++i) {
        firstChannel.push_back(channel);
        components.push_back(outputComponents(file.outputs[i]));
        channel += static_cast<size_t>(components.back());
    }
    // Rows in parallel, pixel by pixel: each accumulator is read from memory once for all
    // channels. Checkpoints build these images while sampling waits.
    tbb::parallel_for(tbb::blocked_range<int>(0, film.height()),
                      [&](const tbb::blocked_range<int>& rows) {
                          for (int y = rows.begin(); y != rows.end(); ++y) {
                              for (int x = 0; x < film.width(); ++x) {
                                  const size_t i = image.index(x, y);
                                  for (size_t o = 0; o < file.outputs.size(); ++o) {
                                      const RenderOutput& output = file.outputs[o];
                                      float v[kMaxOutputComponents] = {};
                                      resolve(film, errors, output, x, y, v);
                                      for (int c = 0; c < components[o]; ++c) {
                                          image.channels[firstChannel[o] + c].floats[i] = v[c];
                                      }
                                  }
                              }
                          }
                      });
    return image;
}

}  // namespace rt
