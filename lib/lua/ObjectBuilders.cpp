// Scene variables, camera, material and render output objects -> model structs.
#include <cmath>
#include <cstdint>
#include <filesystem>

#include "core/Log.h"
#include "lua/Builders.h"

namespace rt {
namespace {

// A float attribute in [0, 1]; out-of-range values are clamped with a warning, as
// MoonRay clamps them while shading.
float unitFloat(const RdlObject& obj, const std::string& name, float fallback) {
    const float v = obj.getFloat(name, fallback);
    if (v >= 0.0f && v <= 1.0f) return v;
    const float clamped = std::isnan(v) ? fallback : clamp(v, 0.0f, 1.0f);
    log::warning(obj.find(name)->where.str() + ": " + name + " of " + obj.describe() + " is " +
                 std::to_string(v) + ", outside [0, 1]; using " + std::to_string(clamped));
    return clamped;
}

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

Material buildMaterial(const RdlObject& obj) {
    Material m;
    m.name = obj.name;
    m.diffuseColor = obj.getColor("diffuse_color", m.diffuseColor);
    if (!isFinite(m.diffuseColor) || m.diffuseColor.x < 0.0f || m.diffuseColor.y < 0.0f ||
        m.diffuseColor.z < 0.0f) {
        failAt(*obj.find("diffuse_color"), "diffuse_color",
               obj.describe() + ": diffuse_color must be finite and non-negative");
    }
    m.metallic = unitFloat(obj, "metallic", m.metallic);
    m.specular = unitFloat(obj, "specular", m.specular);
    m.roughness = unitFloat(obj, "roughness", m.roughness);
    m.transmission = unitFloat(obj, "transmission", m.transmission);
    m.refractiveIndex = obj.getFloat("refractive_index", m.refractiveIndex);
    if (!(m.refractiveIndex > 0.0f) || !std::isfinite(m.refractiveIndex)) {
        failAt(*obj.find("refractive_index"), "refractive_index",
               obj.describe() + ": refractive_index must be positive");
    }
    return m;
}

std::optional<RenderOutput> buildRenderOutput(const RdlObject& obj) {
    RenderOutput out;
    out.name = obj.name;
    out.where = obj.where;
    const int64_t result = obj.getInt("result", 0);
    std::optional<OutputResult> kind;
    switch (result) {
        case 0:
            kind = OutputResult::Beauty;
            break;
        case 1:
            kind = OutputResult::Alpha;
            break;
        case 2:
        case 100:
            kind = OutputResult::Depth;
            break;
        case 101:
            kind = OutputResult::Normal;
            break;
        case 102:
            kind = OutputResult::Albedo;
            break;
        case 11:
            kind = OutputResult::Weight;
            break;
        case 12:
            kind = OutputResult::BeautyAux;
            break;
        case 14:
            kind = OutputResult::AlphaAux;
            break;
        case 110:
            kind = OutputResult::Error;
            break;
        case 111:
            kind = OutputResult::Samples;
            break;
        case 3: {  // state variable: N, Ng and depth are what we have
            const int64_t sv = obj.getInt("state_variable", 2);
            if (sv == 1 || sv == 2) kind = OutputResult::Normal;
            if (sv == 11) kind = OutputResult::Depth;
            break;
        }
        case 7:  // material aov: only the plain albedo expression
            if (obj.getString("material_aov", "") == "albedo") kind = OutputResult::Albedo;
            break;
        default:
            break;
    }
    if (!kind) {
        log::warning(obj.where.str() + ": " + obj.describe() + ": result " +
                     std::to_string(result) +
                     " is not supported (we write beauty, alpha, depth, normal, albedo, weight, "
                     "beauty aux, alpha aux, error and samples); "
                     "the output is ignored");
        return std::nullopt;
    }
    out.result = *kind;
    out.fileName = obj.getString("file_name", out.fileName);
    out.fileNameGiven = obj.find("file_name") != nullptr;
    if (out.fileName.empty()) throw SceneError(obj.where, obj.describe() + ": empty file_name");
    out.channelName = obj.getString("channel_name", out.channelName);
    out.channelFormat =
        obj.getInt("channel_format", 1) == 0 ? ChannelFormat::Float : ChannelFormat::Half;
    switch (obj.getInt("compression", 1)) {
        case 0:
            out.compression = Compression::None;
            break;
        case 1:
            out.compression = Compression::Zip;
            break;
        case 4:
            out.compression = Compression::Piz;
            break;
        default:
            log::warning(obj.find("compression")->where.str() + ": " + obj.describe() +
                         ": only none, zip and piz compression are supported; using zip");
            out.compression = Compression::Zip;
    }
    out.active = obj.getBool("active", true);
    for (const auto& [name, attr] : obj.attributes) {
        const AttrSpec* spec = obj.cls->find(name);
        if (spec && spec->extra) out.extra[name] = std::get<std::string>(attr.value);
    }
    return out;
}

}  // namespace rt
