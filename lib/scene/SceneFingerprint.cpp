#include "scene/SceneFingerprint.h"

#include <algorithm>
#include <bit>
#include <iterator>
#include <limits>
#include <string_view>
#include <variant>

#include "core/Hash.h"

namespace rt {
namespace {

static_assert(std::numeric_limits<float>::is_iec559, "floats are hashed as IEEE 754 binary32");

// MoonRay scene variables that change rendered pixels (the lists of
// lua/SceneVariableNames.cpp, less sampling targets, checkpoint and resume controls,
// threads, logging, statistics, deep output and tile orders).
constexpr std::string_view kPixelSceneVariables[] = {
    // bool
    "disable_optimized_hair_sampling", "enable_displacement", "enable_dof",
    "enable_max_geometry_resolution", "enable_motion_blur", "enable_presence_shadows",
    "enable_shadowing", "enable_subsurface_scattering", "lights_visible_in_camera",
    "lock_frame_noise", "path_guide_enable", "propagate_visibility_bounce_type",
    // int
    "bsdf_sampler_strategy", "bsdf_samples", "bssrdf_samples", "light_samples", "max_diffuse_depth",
    "max_geometry_resolution", "max_glossy_depth", "max_hair_depth", "max_mirror_depth",
    "max_presence_depth", "max_subsurface_per_path", "max_volume_depth", "pixel_filter",
    "sample_clamping_depth", "shadow_terminator_fix", "volume_illumination_samples",
    "volume_overlap_mode",
    // float
    "fps", "frame", "pixel_filter_width", "presence_threshold", "roughness_clamping_factor",
    "russian_roulette_threshold", "sample_clamping_value", "scene_scale", "texture_blur",
    "transparency_threshold", "volume_attenuation_factor", "volume_contribution_factor",
    "volume_opacity_threshold", "volume_phase_attenuation_factor", "volume_quality",
    "volume_shadow_quality",
    // vectors and colours
    "aperture_window", "fatal_color", "motion_steps", "region_window", "sub_viewport"};

constexpr uint32_t fourCc(const char (&s)[5]) {
    return static_cast<uint32_t>(static_cast<unsigned char>(s[0])) |
           static_cast<uint32_t>(static_cast<unsigned char>(s[1])) << 8 |
           static_cast<uint32_t>(static_cast<unsigned char>(s[2])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(s[3])) << 24;
}

// Absorbs a stream of 32-bit values, two per 64-bit word, each word through the
// splitmix64 finaliser (a bijection, so a single changed value always changes the
// state). Words are assembled arithmetically, so the value is independent of the host's
// byte order.
class Fingerprinter {
  public:
    void u32(uint32_t v) {
        if (m_halfFull) {
            absorb(m_pending | static_cast<uint64_t>(v) << 32);
            m_halfFull = false;
        } else {
            m_pending = v;
            m_halfFull = true;
        }
        ++m_count;
    }
    void tag(const char (&name)[5]) { u32(fourCc(name)); }
    void i32(int v) { u32(static_cast<uint32_t>(v)); }
    void u64(uint64_t v) {
        u32(static_cast<uint32_t>(v));
        u32(static_cast<uint32_t>(v >> 32));
    }
    void size(size_t n) { u64(static_cast<uint64_t>(n)); }
    void boolean(bool b) { u32(b ? 1u : 0u); }
    void f32(float v) { u32(std::bit_cast<uint32_t>(v)); }
    void vec3(const Vec3f& v) {
        f32(v.x);
        f32(v.y);
        f32(v.z);
    }
    void color(const Color& c) {
        f32(c.x);
        f32(c.y);
        f32(c.z);
    }
    void mat4(const Mat4f& m) {
        for (int row = 0; row < 4; ++row)
            for (int col = 0; col < 4; ++col) f32(m[row][col]);
    }
    void text(std::string_view s) {
        size(s.size());
        uint32_t packed = 0;
        for (size_t i = 0; i < s.size(); ++i) {
            packed |= static_cast<uint32_t>(static_cast<unsigned char>(s[i])) << (8 * (i % 4));
            if (i % 4 == 3) {
                u32(packed);
                packed = 0;
            }
        }
        if (s.size() % 4 != 0) u32(packed);
    }

    uint64_t finish() {
        const uint64_t count = m_count;
        if (m_halfFull) u32(0);
        absorb(count);
        return mixBits64(m_state);
    }

  private:
    void absorb(uint64_t word) { m_state = mixBits64((m_state ^ word) + 0x9e3779b97f4a7c15ULL); }

    uint64_t m_state = 0xcbf29ce484222325ULL;
    uint64_t m_pending = 0;
    uint64_t m_count = 0;  // 32-bit values so far
    bool m_halfFull = false;
};

void hashMesh(Fingerprinter& h, const TriangleMesh& mesh) {
    if (!mesh.uvs.empty()) {  // hashed only when present: meshes without keep their prints
        h.tag("UVS ");
        h.size(mesh.uvs.size());
        for (const Vec2f& uv : mesh.uvs) {
            h.f32(uv.x);
            h.f32(uv.y);
        }
    }
    h.tag("MESH");
    h.size(mesh.positions.size());
    for (const Vec3f& p : mesh.positions) h.vec3(p);
    h.size(mesh.indices.size());
    for (uint32_t i : mesh.indices) h.u32(i);
}

// Hashed only when present, so scenes without them keep their fingerprints; with them,
// which face each triangle belongs to matters too.
void hashPrimitiveAttributes(Fingerprinter& h, const Geometry& g) {
    if (g.primitiveAttributes.empty()) return;
    h.tag("PRIM");
    if (const auto* mesh = std::get_if<TriangleMesh>(&g.shape)) {
        h.size(mesh->triangleFace.size());
        for (uint32_t f : mesh->triangleFace) h.u32(f);
    }
    h.size(g.primitiveAttributes.size());
    for (const auto& [key, a] : g.primitiveAttributes) {
        h.text(key);
        h.i32(static_cast<int>(a.rate));
        h.size(a.colors.size());
        for (const Color& c : a.colors) h.color(c);
        h.size(a.floats.size());
        for (float f : a.floats) h.f32(f);
        if (!a.vectors.empty()) {
            h.tag("VEC3");
            h.size(a.vectors.size());
            for (const Vec3f& v : a.vectors) h.vec3(v);
        }
    }
}

// Labels select what light path expressions and material aovs write; hashed only when
// set, so scenes without them keep their fingerprints.
void hashLabel(Fingerprinter& h, const std::string& label) {
    if (label.empty()) return;
    h.tag("LABL");
    h.text(label);
}

void hashSphere(Fingerprinter& h, const Sphere& sphere) {
    h.tag("SPHR");
    h.vec3(sphere.center);
    h.f32(sphere.radius);
    // Orientation changes only St, dPds and dPdt: hashed when not the identity, so
    // spheres without it keep their fingerprints.
    if (sphere.xAxis != Vec3f(1, 0, 0) || sphere.yAxis != Vec3f(0, 1, 0) ||
        sphere.zAxis != Vec3f(0, 0, 1)) {
        h.tag("AXES");
        h.vec3(sphere.xAxis);
        h.vec3(sphere.yAxis);
        h.vec3(sphere.zAxis);
    }
}

void hashLight(Fingerprinter& h, const LightDesc& light) {
    h.tag("LGHT");
    h.i32(static_cast<int>(light.type));
    h.mat4(light.nodeXform);
    h.color(light.color);
    h.f32(light.intensity);
    h.f32(light.exposure);
    h.boolean(light.normalized);
    h.boolean(light.visibleInCamera);
    if (light.maxShadowDistance > 0.0f) {
        h.tag("MSHD");
        h.f32(light.maxShadowDistance);
    }
    h.f32(light.width);
    h.f32(light.height);
    h.f32(light.radius);
    h.f32(light.angularExtent);
    hashLabel(h, light.label);
    if (light.type == LightType::Spot) {  // tagged: fingerprints of other lights unchanged
        const SpotLightParams& spot = light.spot;
        h.tag("SPOT");
        h.f32(spot.lensRadius);
        h.f32(spot.aspectRatio);
        h.f32(spot.focalPlaneDistance);
        h.f32(spot.outerConeAngle);
        h.f32(spot.innerConeAngle);
        h.i32(spot.angleFalloffType);
        h.f32(spot.blackLevel);
    }
    if (!light.filters.empty()) {  // tagged: unfiltered lights hash as before
        h.tag("LFLT");
        h.size(light.filters.size());
        for (int filter : light.filters) h.i32(filter);
    }
    h.boolean(light.textureImage != nullptr);
    if (light.textureImage) {
        const RgbImage& image = *light.textureImage;
        h.tag("TEXR");
        h.i32(image.width);
        h.i32(image.height);
        h.size(image.pixels.size());
        for (const Color& c : image.pixels) h.color(c);
    }
}

void hashVariables(Fingerprinter& h, const SceneVariables& vars) {
    h.tag("VARS");
    h.i32(vars.renderWidth());
    h.i32(vars.renderHeight());
    h.u32(vars.seed);
    h.i32(vars.maxDepth);
    h.tag("XVAR");
    const auto fingerprinted = [](const auto& entry) {
        return fingerprintsSceneVariable(entry.first);
    };
    h.size(static_cast<size_t>(std::ranges::count_if(vars.extra, fingerprinted)));
    for (const auto& [name, value] : vars.extra) {  // sorted by name
        if (!fingerprintsSceneVariable(name)) continue;
        h.text(name);
        h.text(value);
    }
}

}  // namespace

bool fingerprintsSceneVariable(std::string_view name) {
    return std::ranges::find(kPixelSceneVariables, name) != std::end(kPixelSceneVariables);
}

uint64_t sceneFingerprint(const Scene& scene) {
    Fingerprinter h;
    h.tag("RTSF");
    h.u32(kSceneFingerprintVersion);

    hashVariables(h, scene.vars);

    h.tag("CAMR");
    h.mat4(scene.camera.nodeXform);
    h.f32(scene.camera.focal);
    h.f32(scene.camera.filmWidthAperture);
    h.f32(scene.camera.nearClip);
    h.f32(scene.camera.farClip);

    h.tag("GEOS");
    h.size(scene.geometries.size());
    for (const Geometry& g : scene.geometries) {
        // No generic fallback: a new shape kind fails to compile until it is hashed.
        struct Visitor {
            Fingerprinter& h;
            void operator()(const TriangleMesh& mesh) const { hashMesh(h, mesh); }
            void operator()(const Sphere& sphere) const { hashSphere(h, sphere); }
        };
        std::visit(Visitor{h}, g.shape);
        hashPrimitiveAttributes(h, g);
        hashLabel(h, g.label);
    }

    h.tag("MATS");
    h.size(scene.materials.size());
    for (const Material& m : scene.materials) {
        h.tag("MATL");
        h.color(m.diffuseColor);
        h.f32(m.metallic);
        h.f32(m.specular);
        h.f32(m.roughness);
        h.f32(m.transmission);
        h.f32(m.refractiveIndex);
        if (!m.diffuseColorAttribute.empty()) {
            h.tag("DMAP");
            h.text(m.diffuseColorAttribute);
            h.color(m.diffuseColorAttributeDefault);
        }
        hashLabel(h, m.label);
    }

    h.tag("LGTS");
    h.size(scene.lights.size());
    for (const LightDesc& light : scene.lights) hashLight(h, light);

    h.tag("LSET");
    h.size(scene.lightSets.size());
    for (const LightSet& set : scene.lightSets) {
        h.size(set.lights.size());
        for (int index : set.lights) h.i32(index);
    }

    if (!scene.lightFilters.empty() || !scene.lightFilterSets.empty()) {
        h.tag("FLTS");  // only with filters, so that scenes without keep their values
        h.size(scene.lightFilters.size());
        for (const LightFilterDesc& f : scene.lightFilters) h.color(f.radianceScale());
        h.size(scene.lightFilterSets.size());
        for (const LightFilterSet& set : scene.lightFilterSets) {
            h.size(set.filters.size());
            for (int index : set.filters) h.i32(index);
        }
    }

    h.tag("LAYR");
    h.size(scene.layer.size());
    for (const LayerAssignment& a : scene.layer) {
        h.i32(a.geometry);
        h.i32(a.material);
        h.i32(a.lightSet);
        if (a.lightFilterSet >= 0) {
            h.tag("LFSA");
            h.i32(a.lightFilterSet);
        }
    }
    return h.finish();
}

}  // namespace rt
