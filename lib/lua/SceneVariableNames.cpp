// MoonRay's scene variables (from MoonRay's SceneVariables reference) that have no typed
// field in rt::SceneVariables. The loader type-checks them and keeps them as text in
// SceneVariables::extra, so that later features (adaptive sampling, checkpoints, resume)
// find them there; a scene that sets them loads without warnings.
#include "lua/RdlClasses.h"

namespace rt {
namespace {

const char* const kBool[] = {"fast_geometry_update",
                             "checkpoint_active",
                             "checkpoint_bg_write",
                             "checkpoint_overwrite",
                             "validate_geometry",
                             "interactive_mode",
                             "progressive_shading",
                             "enable_displacement",
                             "enable_dof",
                             "enable_max_geometry_resolution",
                             "enable_motion_blur",
                             "enable_presence_shadows",
                             "enable_shadowing",
                             "enable_subsurface_scattering",
                             "lights_visible_in_camera",
                             "propagate_visibility_bounce_type",
                             "athena_debug",
                             "debug",
                             "error",
                             "info",
                             "warning",
                             "path_guide_enable",
                             "resumable_output",
                             "resume_render",
                             "disable_optimized_hair_sampling",
                             "lock_frame_noise",
                             "two_stage_output",
                             // Ours (doc/RESUME.md): RenderMan's asfinal, strict resume.
                             "checkpoint_asfinal",
                             "resume_strict"};

const char* const kInt[] = {"texture_cache_size",
                            "texture_file_handles",
                            "checkpoint_max_bgcache",
                            "checkpoint_quality_steps",
                            "checkpoint_sample_cap",
                            "checkpoint_start_sample",
                            "checkpoint_total_files",
                            "debug_console",
                            "deep_max_layers",
                            "deep_vol_compression_res",
                            "machine_id",
                            "num_machines",
                            "threads",
                            "sample_clamping_depth",
                            "max_geometry_resolution",
                            "bsdf_sampler_strategy",
                            "bsdf_samples",
                            "bssrdf_samples",
                            "light_samples",
                            "max_diffuse_depth",
                            "max_glossy_depth",
                            "max_hair_depth",
                            "max_mirror_depth",
                            "max_presence_depth",
                            "max_subsurface_per_path",
                            "max_volume_depth",
                            "volume_illumination_samples",
                            "max_adaptive_samples",
                            "min_adaptive_samples",
                            // Ours (doc/RESUME.md): which resume state format to write.
                            "checkpoint_state_format"};

const char* const kFloat[] = {"checkpoint_interval",
                              "checkpoint_max_snapshot_overhead",
                              "checkpoint_snapshot_interval",
                              "checkpoint_time_cap",
                              "deep_curvature_tolerance",
                              "deep_layer_bias",
                              "deep_z_tolerance",
                              "pixel_filter_width",
                              "texture_blur",
                              "roughness_clamping_factor",
                              "sample_clamping_value",
                              "frame",
                              "max_frame",
                              "min_frame",
                              "scene_scale",
                              "presence_threshold",
                              "russian_roulette_threshold",
                              "transparency_threshold",
                              "volume_attenuation_factor",
                              "volume_contribution_factor",
                              "volume_opacity_threshold",
                              "volume_phase_attenuation_factor",
                              "volume_quality",
                              "volume_shadow_quality",
                              "fps",
                              "target_adaptive_error",
                              // Ours (doc/CHECKPOINTS.md): seconds checkpoint_post_script
                              // may run, 0 = no limit; the reader's default is 60.
                              "checkpoint_script_timeout"};

const char* const kString[] = {"checkpoint_post_script", "debug_rays_file", "output_file",
                               "tmp_dir", "stats_file", "on_resume_script",
                               // Ours (doc/CHECKPOINTS.md): RenderMan's post-checkpoint
                               // system command, run with -allow_system_commands.
                               "checkpoint_command"};

const char* const kIntVector[] = {
    "debug_pixel",     "debug_rays_depth_range", "debug_rays_primary_range",
    "aperture_window", "region_window",          "sub_viewport"};

AttrSpec extraSpec(const char* name, AttrType type, std::vector<EnumValue> values = {}) {
    AttrSpec a;
    a.name = name;
    a.type = type;
    a.enumValues = std::move(values);
    a.extra = true;
    return a;
}

}  // namespace

std::vector<AttrSpec> moonRaySceneVariables() {
    std::vector<AttrSpec> specs;
    for (const char* n : kBool) specs.push_back(extraSpec(n, AttrType::Bool));
    for (const char* n : kInt) specs.push_back(extraSpec(n, AttrType::Int));
    for (const char* n : kFloat) specs.push_back(extraSpec(n, AttrType::Float));
    for (const char* n : kString) specs.push_back(extraSpec(n, AttrType::String));
    for (const char* n : kIntVector) specs.push_back(extraSpec(n, AttrType::IntVector));
    specs.push_back(extraSpec("deep_id_attribute_names", AttrType::StringVector));
    specs.push_back(extraSpec("motion_steps", AttrType::FloatVector));
    specs.push_back(extraSpec("fatal_color", AttrType::Rgb));
    // Enums that later features read: names are accepted and stored as the number.
    specs.push_back(extraSpec("sampling_mode", AttrType::Enum, {{"uniform", 0}, {"adaptive", 2}}));
    specs.push_back(extraSpec("checkpoint_mode", AttrType::Enum, {{"time", 0}, {"quality", 1}}));
    // MoonRay's enum names (scene_rdl2 SceneVariables.cc), so that `deep_format =
    // "openexr2.0"` loads; numbers are accepted too.
    specs.push_back(extraSpec("deep_format", AttrType::Enum, {{"openexr2.0", 0}, {"opendcx2.0", 1}}));
    specs.push_back(extraSpec("pixel_filter", AttrType::Enum,
                              {{"box", 0}, {"cubic b-spline", 1}, {"quadratic b-spline", 2}}));
    specs.push_back(extraSpec("task_distribution_type", AttrType::Enum,
                              {{"non-overlapped tile", 0}, {"multiplex pixel", 1}}));
    const std::vector<EnumValue> tileOrders = {{"top", 0},           {"bottom", 1},
                                               {"left", 2},          {"right", 3},
                                               {"morton", 4},        {"random", 5},
                                               {"spiral square", 6}, {"spiral rect", 7},
                                               {"morton shiftflip", 8}};
    for (const char* n : {"batch_tile_order", "progressive_tile_order", "checkpoint_tile_order"})
        specs.push_back(extraSpec(n, AttrType::Enum, tileOrders));
    specs.push_back(extraSpec("volume_overlap_mode", AttrType::Enum, {{"sum", 0}, {"max", 1}, {"rnd", 2}}));
    specs.push_back(extraSpec("shadow_terminator_fix", AttrType::Enum,
                              {{"Off", 0},
                               {"On", 1},
                               {"On (Sine Compensation Alternative)", 2},
                               {"On (GGX Compensation Alternative)", 3},
                               {"On (Cosine Compensation Alternative)", 4}}));
    return specs;
}

// Valid MoonRay scene variables that refer to objects we do not model.
std::vector<std::string> ignoredSceneVariables() {
    return {"dicing_camera"};
}

}  // namespace rt
