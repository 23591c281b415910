// Scene variables, camera, material and render output objects -> model structs.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>

#include "core/Log.h"
#include "lpe/LpeSyntax.h"
#include "lua/Builders.h"

namespace rt {
namespace {

int intInRange(const RdlObject& obj, const std::string& name, int64_t fallback, int64_t lo,
               int64_t hi) {
    const int64_t v = obj.getInt(name, fallback);
    if (v < lo || v > hi) {
        failAt(*obj.find(name), name,
               name + " must be between " + std::to_string(lo) + " and " + std::to_string(hi) +
                   ", got " + std::to_string(v));
    }
    return static_cast<int>(v);
}

}  // namespace

float unitFloat(const RdlObject& obj, const std::string& name, float fallback) {
    const float v = obj.getFloat(name, fallback);
    if (v >= 0.0f && v <= 1.0f) return v;
    const float clamped = std::isnan(v) ? fallback : clamp(v, 0.0f, 1.0f);
    log::warning(obj.find(name)->where.str() + ": " + name + " of " + obj.describe() + " is " +
                 std::to_string(v) + ", outside [0, 1]; using " + std::to_string(clamped));
    return clamped;
}

void failAt(const Attribute& attr, const std::string& name, const std::string& message) {
    if (attr.fromCommandLine) throw UsageError("-scene_var " + name + ": " + message);
    throw SceneError(attr.where, message);
}

std::string resolveScenePath(const Attribute& attr) {
    const std::filesystem::path path(std::get<std::string>(attr.value));
    if (path.is_absolute() || attr.fromCommandLine) return path.lexically_normal().string();
    const std::filesystem::path base = std::filesystem::path(attr.where.file).parent_path();
    return (base / path).lexically_normal().string();
}

SceneVariables buildSceneVariables(const RdlObject& vars, const ObjectStore& store) {
    SceneVariables out;
    out.imageWidth = intInRange(vars, "image_width", out.imageWidth, 1, 65536);
    out.imageHeight = intInRange(vars, "image_height", out.imageHeight, 1, 65536);
    out.pixelSamples = intInRange(vars, "pixel_samples", out.pixelSamples, 1, 4096);
    out.maxDepth = intInRange(vars, "max_depth", out.maxDepth, 0, 1024);
    out.seed = static_cast<uint32_t>(intInRange(vars, "seed", out.seed, 0, INT32_MAX));
    out.res = vars.getFloat("res", out.res);
    if (!(out.res > 0.0f) || !std::isfinite(out.res)) {
        failAt(*vars.find("res"), "res", "res must be a positive number");
    }
    for (const char* name : {"camera", "layer"}) {
        if (const Attribute* a = vars.find(name)) {
            std::string& field = std::string(name) == "camera" ? out.camera : out.layer;
            field = std::holds_alternative<ObjectRef>(a->value)
                        ? store.object(std::get<ObjectRef>(a->value).id).name
                        : std::get<std::string>(a->value);
        }
    }
    for (const auto& [name, attr] : vars.attributes) {
        const AttrSpec* spec = vars.cls->find(name);
        if (!spec || spec->extra) out.extra[name] = valueToText(attr.value, store);
    }
    return out;
}

PerspectiveCamera buildCamera(const RdlObject& obj) {
    PerspectiveCamera camera;
    camera.nodeXform = obj.getMat4("node_xform");
    camera.focal = obj.getFloat("focal", camera.focal);
    camera.filmWidthAperture = obj.getFloat("film_width_aperture", camera.filmWidthAperture);
    camera.nearClip = obj.getFloat("near", camera.nearClip);
    camera.farClip = obj.getFloat("far", camera.farClip);
    if (!(camera.focal > 0.0f) || !(camera.filmWidthAperture > 0.0f)) {
        throw SceneError(obj.where,
                         obj.describe() + ": focal and film_width_aperture must be positive");
    }
    if (!(camera.nearClip >= 0.0f) || !(camera.farClip > camera.nearClip)) {
        throw SceneError(obj.where, obj.describe() + ": need 0 <= near < far");
    }
    if (std::abs(camera.nodeXform.determinant()) < 1e-12f) {
        throw SceneError(obj.where, obj.describe() + ": node_xform is not invertible");
    }
    return camera;
}

Color colourAttr(const RdlObject& obj, const char* name, const Color& fallback) {
    const Color c = obj.getColor(name, fallback);
    if (!isFinite(c) || c.x < 0.0f || c.y < 0.0f || c.z < 0.0f)
        failAt(*obj.find(name), name,
               obj.describe() + ": " + name + " must be finite and non-negative");
    return c;
}

namespace {

// An index of refraction: positive and finite.
float indexAttr(const RdlObject& obj, const char* name, float fallback) {
    const float v = obj.getFloat(name, fallback);
    if (!(v > 0.0f) || !std::isfinite(v))
        failAt(*obj.find(name), name, obj.describe() + ": " + name + " must be positive");
    return v;
}

// UsdPreviewSurface (its metallic workflow): a diffuse base under a dielectric coat of
// index `ior`, or a conductor tinted by diffuseColor where metallic; USD's defaults.
Material buildUsdPreviewSurface(const RdlObject& obj) {
    Material m;
    m.name = obj.name;
    m.label = obj.getString("label", "");
    m.diffuseColor = colourAttr(obj, "diffuseColor", Color(0.18f, 0.18f, 0.18f));
    m.metallic = unitFloat(obj, "metallic", 0.0f);
    m.roughness = unitFloat(obj, "roughness", 0.5f);
    m.specular = 1.0f;
    m.refractiveIndex = indexAttr(obj, "ior", 1.5f);
    return m;
}

}  // namespace

Material buildMaterial(const RdlObject& obj) {
    if (obj.cls->name == "UsdPreviewSurface") return buildUsdPreviewSurface(obj);
    if (obj.cls->name == "BaseMaterial") return buildBaseMaterial(obj);
    Material m;
    m.name = obj.name;
    m.label = obj.getString("label", "");
    // MoonRay's `albedo` or our `diffuse_color`: one colour, so not both.
    const char* colour = obj.find("albedo") ? "albedo" : "diffuse_color";
    if (obj.find("albedo") && obj.find("diffuse_color")) {
        failAt(*obj.find("albedo"), "albedo",
               obj.describe() + ": albedo and diffuse_color are the same colour; set one");
    }
    m.diffuseColor = colourAttr(obj, colour, m.diffuseColor);
    m.metallic = unitFloat(obj, "metallic", m.metallic);
    m.specular = unitFloat(obj, "specular", m.specular);
    m.roughness = unitFloat(obj, "roughness", m.roughness);
    m.transmission = unitFloat(obj, "transmission", m.transmission);
    m.refractiveIndex = indexAttr(obj, "refractive_index", m.refractiveIndex);
    return m;
}

namespace {

// MoonRay's name of enum attribute `attr`'s value `value` ("light aov"), else the number.
std::string enumName(const RdlObject& obj, const std::string& attr, int64_t value) {
    if (const AttrSpec* spec = obj.cls->find(attr)) {
        for (const EnumValue& e : spec->enumValues)
            if (e.value == value && e.name) return std::string("'") + e.name + "'";
    }
    return std::to_string(value);
}

// Something a RenderOutput asks for that we cannot write: a scene error, or with
// -ignore_unsupported_outputs a warning (the caller then drops the output or the
// attribute).
void unsupported(const RdlObject& obj, const SourceLocation& where, const std::string& what,
                 bool ignore) {
    const std::string message = obj.describe() + ": " + what + " is not supported";
    if (!obj.getBool("active", true)) {  // never written: nothing is lost
        log::detail(where.str() + ": " + message + " (the output is not active)");
        return;
    }
    if (!ignore) {
        throw SceneError(where, message +
                                    " (doc/OUTPUT.md lists what is; -ignore_unsupported_outputs "
                                    "renders without it)");
    }
    log::warning(where.str() + ": " + message + "; ignored (-ignore_unsupported_outputs)");
}

const SourceLocation& whereOf(const RdlObject& obj, const std::string& attr) {
    const Attribute* a = obj.find(attr);
    return a ? a->where : obj.where;
}

// A material aov expression, parsed into `out`; errors name the attribute's line. False
// for a MoonRay expression we do not compute (with -ignore_unsupported_outputs).
bool materialAovAt(const RdlObject& obj, const std::string& attr, const std::string& text,
                   RenderOutput& out, bool ignore) {
    try {
        out.materialAov = parseMaterialAov(text);
        return true;
    } catch (const MaterialAovSyntaxError& e) {
        if (!e.unsupported())
            throw SceneError(whereOf(obj, attr), obj.describe() + ": " + e.what());
        unsupported(obj, whereOf(obj, attr), e.what(), ignore);
        return false;
    }
}

// Whether math_filter other than average applies: to the values a sample gives at its
// first hit or along its light paths.
bool takesMathFilter(OutputResult result) {
    return result == OutputResult::StateVariable || result == OutputResult::MaterialAov ||
           result == OutputResult::PrimitiveAttribute || result == OutputResult::LightAov;
}

// The result, or nullopt when it is one we do not write.
std::optional<OutputResult> resultOf(const RdlObject& obj, const ObjectStore& store,
                                     RenderOutput& out, bool ignore) {
    const int64_t result = obj.getInt("result", 0);
    switch (result) {
        case 0:
            return OutputResult::Beauty;
        case 1:
            return OutputResult::Alpha;
        case 2:
        case 100:
            return OutputResult::Depth;
        case 101:
            return OutputResult::Normal;
        case 102:
            return OutputResult::Albedo;
        case 11:
            return OutputResult::Weight;
        case 12:
            return OutputResult::BeautyAux;
        case 14:
            return OutputResult::AlphaAux;
        case 110:
            return OutputResult::Error;
        case 111:
            return OutputResult::Samples;
        case 3: {
            const int64_t sv = obj.getInt("state_variable", 0);
            switch (sv) {
                case 0:
                case 1:
                case 2:
                case 3:
                case 4:
                case 5:
                case 10:
                case 11:
                case 12:
                    out.stateVariable = static_cast<StateVariable>(sv);
                    return OutputResult::StateVariable;
                default:  // dSdx, dSdy, dTdx, dTdy: we trace no ray differentials
                    unsupported(obj, whereOf(obj, "state_variable"),
                                "state_variable " + enumName(obj, "state_variable", sv) +
                                    " (we write P, Ng, N, St, dPds, dPdt, Wp, depth and "
                                    "motionvec)",
                                ignore);
                    return std::nullopt;
            }
        }
        case 4: {  // primitive attribute: the expression "float:name" (or vec2, vec3, rgb)
            static const char* const kTypes[] = {"float", "vec2", "vec3", "rgb"};
            const int64_t type = obj.getInt("primitive_attribute_type", 0);  // enum-checked
            const std::string name = obj.getString("primitive_attribute", "");
            if (name.empty()) {
                throw SceneError(obj.where, obj.describe() +
                                                ": result 'primitive attribute' needs a "
                                                "primitive_attribute");
            }
            std::string expression = kTypes[type];  // appended: GCC 12 warns on a + b + c
            expression += ':';
            expression += name;
            if (!materialAovAt(obj, "primitive_attribute", expression, out, ignore))
                return std::nullopt;
            return OutputResult::PrimitiveAttribute;
        }
        case 7:
            if (!materialAovAt(obj, "material_aov", obj.getString("material_aov", ""), out, ignore))
                return std::nullopt;
            return OutputResult::MaterialAov;
        case 8: {
            out.lpe = obj.getString("lpe", "");
            if (out.lpe.empty())
                throw SceneError(obj.where, obj.describe() + ": result 'light aov' needs an lpe");
            try {
                (void)parseLpe(out.lpe);
            } catch (const LpeSyntaxError& e) {
                throw SceneError(whereOf(obj, "lpe"), obj.describe() + ": " + e.what());
            }
            return OutputResult::LightAov;
        }
        case 5:
            return OutputResult::TimePerPixel;
        case 6:
            return OutputResult::Wireframe;
        case 9: {
            out.visibilityAov = obj.getString("visibility_aov", out.visibilityAov);
            try {
                (void)parseLpe(out.visibilityAov);
            } catch (const LpeSyntaxError& e) {
                throw SceneError(whereOf(obj, "visibility_aov"), obj.describe() + ": " + e.what());
            }
            return OutputResult::VisibilityAov;
        }
        case 10: {
            const Attribute* reference = obj.find("reference_render_output");
            if (reference) {
                out.referenceName =
                    std::holds_alternative<ObjectRef>(reference->value)
                        ? store.object(std::get<ObjectRef>(reference->value).id).name
                        : std::get<std::string>(reference->value);
            }
            if (out.referenceName.empty()) {
                throw SceneError(obj.where, obj.describe() +
                                                ": result 'variance aov' needs a "
                                                "reference_render_output");
            }
            return OutputResult::VarianceAov;
        }
        case 13:
            if (obj.find("cryptomatte_depth"))
                out.cryptomatteDepth =
                    intInRange(obj, "cryptomatte_depth", 6, 1, kMaxCryptomatteDepth);
            return OutputResult::Cryptomatte;
        default:
            unsupported(obj, whereOf(obj, "result"), "result " + enumName(obj, "result", result),
                        ignore);
            return std::nullopt;
    }
}

}  // namespace

std::optional<RenderOutput> buildRenderOutput(const RdlObject& obj, const ObjectStore& store,
                                              bool ignoreUnsupported) {
    RenderOutput out;
    out.name = obj.name;
    out.where = obj.where;
    if (obj.getInt("output_type", 0) != 0) {
        unsupported(obj, whereOf(obj, "output_type"), "output_type 'deep'", ignoreUnsupported);
        return std::nullopt;
    }
    const std::optional<OutputResult> kind = resultOf(obj, store, out, ignoreUnsupported);
    if (!kind) return std::nullopt;
    out.result = *kind;
    out.fileName = obj.getString("file_name", out.fileName);
    out.fileNameGiven = obj.find("file_name") != nullptr;
    if (out.fileName.empty()) throw SceneError(obj.where, obj.describe() + ": empty file_name");
    out.channelName = obj.getString("channel_name", out.channelName);
    out.channelFormat =
        obj.getInt("channel_format", 1) == 0 ? ChannelFormat::Float : ChannelFormat::Half;
    out.suffixMode = static_cast<ChannelSuffixMode>(obj.getInt("channel_suffix_mode", 0));
    out.mathFilter = static_cast<MathFilter>(obj.getInt("math_filter", 0));
    if (out.mathFilter != MathFilter::Average &&
        out.mathFilter != MathFilter::ForceConsistentSampling && !takesMathFilter(out.result)) {
        unsupported(
            obj, whereOf(obj, "math_filter"),
            "math_filter " + enumName(obj, "math_filter", obj.getInt("math_filter", 0)) +
                " on result " + enumName(obj, "result", obj.getInt("result", 0)) +
                " (other filters apply to state variables, material aovs, primitive attributes and "
                "light aovs)",
            ignoreUnsupported);
        out.mathFilter = MathFilter::Average;
    }
    if (out.result == OutputResult::Cryptomatte && obj.find("channel_format") &&
        out.channelFormat == ChannelFormat::Half) {
        log::warning(whereOf(obj, "channel_format").str() + ": " + obj.describe() +
                     ": a cryptomatte is written as float (its ids are bit patterns)");
    }
    out.compression = static_cast<Compression>(obj.getInt("compression", 1));  // enum-checked
    if (obj.find("exr_zip_compression_level"))
        out.zipLevel = intInRange(obj, "exr_zip_compression_level", 6, 1, 9);
    if (obj.find("exr_dwa_compression_level")) {
        out.dwaLevel = obj.getFloat("exr_dwa_compression_level", 45.0f);
        if (!(out.dwaLevel > 0.0f) || !std::isfinite(out.dwaLevel)) {
            failAt(*obj.find("exr_dwa_compression_level"), "exr_dwa_compression_level",
                   obj.describe() + ": exr_dwa_compression_level must be a positive number");
        }
    }
    if (!obj.getString("file_part", "").empty())
        unsupported(obj, whereOf(obj, "file_part"), "file_part (multi-part EXR)",
                    ignoreUnsupported);
    for (const auto& [name, where] : obj.ignoredSet)
        unsupported(obj, where, "attribute '" + name + "'", ignoreUnsupported);
    out.active = obj.getBool("active", true);
    for (const auto& [name, attr] : obj.attributes) {
        const AttrSpec* spec = obj.cls->find(name);
        if (spec && spec->extra) out.extra[name] = std::get<std::string>(attr.value);
    }
    return out;
}

void resolveVarianceReferences(std::vector<RenderOutput>& outputs) {
    for (RenderOutput& output : outputs) {
        if (output.result != OutputResult::VarianceAov || !output.active) continue;
        const auto found = std::find_if(outputs.begin(), outputs.end(), [&](const RenderOutput& o) {
            return o.name == output.referenceName;
        });
        const std::string prefix =
            "RenderOutput '" + output.name + "': reference_render_output '" + output.referenceName;
        if (found == outputs.end())
            throw SceneError(output.where, prefix + "' is not a RenderOutput of this scene");
        if (!found->active) throw SceneError(output.where, prefix + "' is not active");
        if (!varianceCanReference(*found)) {
            throw SceneError(output.where,
                             prefix +
                                 "' has no per-sample variance (a variance aov takes beauty, "
                                 "alpha, depth, normal, albedo, wireframe, state variables, "
                                 "primitive attributes, material and light aovs, averaged or "
                                 "summed)");
        }
        output.reference = static_cast<int>(found - outputs.begin());
    }
}

}  // namespace rt
