// The table of RDLA classes: supported attributes with their types, and the MoonRay
// attributes each class accepts without effect.
#include "lua/RdlClasses.h"

namespace rt {
namespace {

AttrSpec attr(const char* name, AttrType type) {
    AttrSpec a;
    a.name = name;
    a.type = type;
    return a;
}

AttrSpec objectAttr(const char* name, AttrType type, ObjectKind kind) {
    AttrSpec a = attr(name, type);
    a.refKind = kind;
    return a;
}

AttrSpec enumAttr(const char* name, std::vector<EnumValue> values) {
    AttrSpec a = attr(name, AttrType::Enum);
    a.enumValues = std::move(values);
    return a;
}

AttrSpec extraAttr(const char* name, AttrType type) {
    AttrSpec a = attr(name, type);
    a.extra = true;
    return a;
}

RefusedAttr refusedAttr(const char* name, AttrType type, const char* moonRayDefault) {
    return {attr(name, type), moonRayDefault};
}

template <class T>
std::vector<T> concat(std::vector<T> a, const std::vector<T>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

const std::vector<std::string> kGeometryIgnored = {
    "shadow_receiver_label",     "side_type",        "ray_epsilon",
    "shadow_ray_epsilon",        "static",           "contains_camera",
    "shadow_exclusion_mappings", "motion_blur_type", "curved_motion_blur_sample_count",
    "use_rotation_motion_blur",  "velocity_list_0",  "velocity_list_1",
    "accleration_list",          "user_data"};

// Geometry visibility flags: only true (MoonRay's default) renders as MoonRay would.
const std::vector<RefusedAttr> kGeometryRefused = {
    refusedAttr("visible_in_camera", AttrType::Bool, "true"),
    refusedAttr("visible_shadow", AttrType::Bool, "true"),
    refusedAttr("visible_diffuse_reflection", AttrType::Bool, "true"),
    refusedAttr("visible_diffuse_transmission", AttrType::Bool, "true"),
    refusedAttr("visible_glossy_reflection", AttrType::Bool, "true"),
    refusedAttr("visible_glossy_transmission", AttrType::Bool, "true"),
    refusedAttr("visible_mirror_reflection", AttrType::Bool, "true"),
    refusedAttr("visible_mirror_transmission", AttrType::Bool, "true"),
    refusedAttr("visible_volume", AttrType::Bool, "true")};

// Light attributes that change the picture; their MoonRay defaults ask for nothing.
const std::vector<RefusedAttr> kLightRefused = {refusedAttr("clear_radius", AttrType::Float, "0"),
                                                refusedAttr("presence", AttrType::Float, "1")};

// DwaBaseMaterial lobes and controls we do not have (MoonRay's defaults from its
// DwaBaseMaterial reference); emission, fuzz and clearcoat settings stay notes because
// their show_* switch, refused when on, is what turns them on.
const std::vector<RefusedAttr> kDwaBaseMaterialRefused = {
    refusedAttr("show_emission", AttrType::Bool, "false"),
    refusedAttr("show_fuzz", AttrType::Bool, "false"),
    refusedAttr("show_clearcoat", AttrType::Bool, "false"),
    refusedAttr("show_diffuse", AttrType::Bool, "true"),
    refusedAttr("show_specular", AttrType::Bool, "true"),
    refusedAttr("show_transmission", AttrType::Bool, "true"),
    refusedAttr("presence", AttrType::Float, "1"),
    refusedAttr("diffuse_roughness", AttrType::Float, "0"),
    refusedAttr("scattering_radius", AttrType::Float, "0"),
    refusedAttr("anisotropy", AttrType::Float, "0"),
    refusedAttr("metallic_color", AttrType::Rgb, "1 1 1"),
    refusedAttr("metallic_edge_color", AttrType::Rgb, "1 1 1"),
    refusedAttr("transmission_color", AttrType::Rgb, "1 1 1"),
    refusedAttr("input_normal", AttrType::String, ""),
    refusedAttr("normal", AttrType::String, ""),
    {enumAttr("specular_model", {{"Beckmann", 0}, {"GGX", 1}}), "1"}};

// BaseMaterial lobes and controls we do not have, at MoonRay's defaults (its
// BaseMaterial reference): each lobe's factor (its switch and colour are then notes),
// and the Fresnel, normal and anisotropy controls of its specular.
const std::vector<RefusedAttr> kBaseMaterialRefused = {
    refusedAttr("directional_diffuse_factor", AttrType::Float, "0"),
    refusedAttr("emission_factor", AttrType::Float, "0"),
    refusedAttr("translucency_factor", AttrType::Float, "0"),
    refusedAttr("transmission_factor", AttrType::Float, "0"),
    refusedAttr("retroreflectivity", AttrType::Float, "0"),
    refusedAttr("opacity_factor", AttrType::Float, "1"),
    refusedAttr("anisotropy", AttrType::Float, "0"),
    refusedAttr("iridescence", AttrType::Bool, "false"),
    refusedAttr("translucent_diffuse", AttrType::Bool, "false"),
    refusedAttr("use_fresnel", AttrType::Bool, "true"),
    refusedAttr("fresnel_factor", AttrType::Float, "1"),
    refusedAttr("input_normal", AttrType::Vec3, "0 0 1")};

const std::vector<std::string> kBaseMaterialIgnored = {"directional_diffuse",
                                                       "directional_diffuse_color",
                                                       "directional_diffuse_roughness",
                                                       "emission",
                                                       "emission_color",
                                                       "translucency",
                                                       "translucency_color",
                                                       "translucency_falloff",
                                                       "translucency_radius",
                                                       "translucent_diffuse_color",
                                                       "translucent_diffuse_factor",
                                                       "transmission",
                                                       "transmission_color",
                                                       "iridescence_at_0_incidence",
                                                       "iridescence_exponent",
                                                       "iridescence_factor",
                                                       "iridescence_flip_hue_direction",
                                                       "iridescence_primary_color",
                                                       "iridescence_secondary_color",
                                                       "iridescence_thickness",
                                                       "opacity",
                                                       "index_of_refraction",
                                                       "input_normal_dial",
                                                       "input_normal_space",
                                                       "anisotropic_direction",
                                                       "casts_caustics",
                                                       "extra_aovs",
                                                       "priority"};

// Lights other than EnvLight: a texture would change the picture.
const std::vector<RefusedAttr> kLightWithoutTextureRefused =
    concat(kLightRefused, {refusedAttr("texture", AttrType::String, "")});

const std::vector<std::string> kLightIgnored = {"mb",
                                                "min_shadow_distance",
                                                "sidedness",
                                                "spread",
                                                "clear_radius_falloff_distance",
                                                "clear_radius_interpolation_type",
                                                "texture_filter",
                                                "saturation",
                                                "contrast",
                                                "gamma",
                                                "gain",
                                                "offset",
                                                "temperature",
                                                "lens_distortion_coefficient",
                                                "sample_upper_hemisphere_only",
                                                "projector_type",
                                                "projector_focal",
                                                "projector_width",
                                                "projector_height"};

// SpotLight attributes we do not implement that change the picture: its per-ray
// visibility and ray termination. (Its texture is refused as on the other lights; the
// texture's colour correction and placement are then notes.)
const std::vector<RefusedAttr> kSpotLightRefused =
    concat(kLightWithoutTextureRefused,
           {refusedAttr("visible_diffuse_reflection", AttrType::Bool, "true"),
            refusedAttr("visible_diffuse_transmission", AttrType::Bool, "true"),
            refusedAttr("visible_glossy_reflection", AttrType::Bool, "true"),
            refusedAttr("visible_glossy_transmission", AttrType::Bool, "true"),
            refusedAttr("visible_mirror_reflection", AttrType::Bool, "true"),
            refusedAttr("visible_mirror_transmission", AttrType::Bool, "true"),
            refusedAttr("ray_termination", AttrType::Bool, "false")});

const std::vector<std::string> kSpotLightIgnored =
    concat(kLightIgnored, {"texture_border_color", "texture_coverage", "texture_mirror_u",
                           "texture_mirror_v", "texture_reps_u", "texture_reps_v",
                           "texture_rotation", "texture_translation", "presence_shadows"});

std::vector<AttrSpec> geometryAttrs() {
    return {attr("node_xform", AttrType::Mat4), attr("reverse_normals", AttrType::Bool),
            attr("label", AttrType::String),
            objectAttr("primitive_attributes", AttrType::ObjectVector, ObjectKind::UserData)};
}

std::vector<AttrSpec> lightAttrs() {
    return {attr("node_xform", AttrType::Mat4), attr("on", AttrType::Bool),
            attr("color", AttrType::Rgb), attr("intensity", AttrType::Float),
            attr("exposure", AttrType::Float), attr("visible_in_camera", AttrType::Bool),
            attr("label", AttrType::String), attr("max_shadow_distance", AttrType::Float),
            // Filters of the classes below (IntensityLightFilter); other MoonRay filter
            // classes are unknown classes, an error where the scene names them.
            objectAttr("light_filters", AttrType::ObjectVector, ObjectKind::LightFilter)};
}

}  // namespace

std::vector<ClassSpec> makeRdlClasses() {
    std::vector<ClassSpec> c;
    c.push_back(
        {"SceneVariables", ObjectKind::SceneVariables,
         concat(
             std::vector<AttrSpec>{
                 attr("image_width", AttrType::Int),
                 attr("image_height", AttrType::Int),
                 attr("res", AttrType::Float),
                 attr("pixel_samples", AttrType::Int),
                 attr("max_depth", AttrType::Int),
                 attr("seed", AttrType::Int),
                 objectAttr("camera", AttrType::ObjectOrName, ObjectKind::Camera),
                 objectAttr("layer", AttrType::ObjectOrName, ObjectKind::Layer),
                 objectAttr("exr_header_attributes", AttrType::Object, ObjectKind::Metadata),
             },
             moonRaySceneVariables()),
         ignoredSceneVariables()});
    c.push_back({"PerspectiveCamera",
                 ObjectKind::Camera,
                 {attr("node_xform", AttrType::Mat4), attr("focal", AttrType::Float),
                  attr("film_width_aperture", AttrType::Float), attr("near", AttrType::Float),
                  attr("far", AttrType::Float)},
                 {"label",
                  "mb_shutter_open",
                  "mb_shutter_close",
                  "mb_shutter_bias",
                  "horizontal_film_offset",
                  "vertical_film_offset",
                  "pixel_aspect_ratio",
                  "dof",
                  "dof_aperture",
                  "dof_focus_distance",
                  "bokeh",
                  "bokeh_sides",
                  "bokeh_image",
                  "bokeh_angle",
                  "bokeh_weight_location",
                  "bokeh_weight_strength",
                  "stereo_view",
                  "stereo_interocular_distance",
                  "stereo_convergence_distance",
                  "medium_material",
                  "medium_geometry"}});
    c.push_back(
        {"RdlMeshGeometry", ObjectKind::Geometry,
         concat(
             geometryAttrs(),
             {attr("vertex_list", AttrType::Vec3Vector),
              attr("vertex_list_0", AttrType::Vec3Vector),
              attr("vertices_by_index", AttrType::IntVector),
              attr("face_vertex_count", AttrType::IntVector), attr("uv_list", AttrType::Vec2Vector),
              enumAttr("orientation", {{"right-handed", 0}, {"left-handed", 1}})}),
         concat(
             kGeometryIgnored,
             {"vertex_list_1", "vertex_list_mb", "normal_list", "part_list", "part_face_count_list",
              "part_face_indices", "is_subd", "subd_scheme", "subd_boundary", "subd_fvar_linear",
              "subd_crease_indices", "subd_crease_sharpnesses", "subd_corner_indices",
              "subd_corner_sharpnesses", "mesh_resolution", "adaptive_error", "smooth_normal"}),
         kGeometryRefused});
    c.push_back({"BoxGeometry", ObjectKind::Geometry,
                 concat(geometryAttrs(), {attr("size", AttrType::Vec3)}), kGeometryIgnored,
                 kGeometryRefused});
    c.push_back({"SphereGeometry",
                 ObjectKind::Geometry,
                 {attr("node_xform", AttrType::Mat4), attr("radius", AttrType::Float),
                  attr("label", AttrType::String),
                  objectAttr("primitive_attributes", AttrType::ObjectVector, ObjectKind::UserData)},
                 concat(kGeometryIgnored, {"reverse_normals", "phi_max", "zmin", "zmax"}),
                 kGeometryRefused});
    // Our extension: a Wavefront OBJ file, path relative to the scene file.
    c.push_back({"ObjGeometry", ObjectKind::Geometry,
                 concat(geometryAttrs(), {attr("model", AttrType::String)}), kGeometryIgnored,
                 kGeometryRefused});
    // `albedo` is MoonRay's name of the diffuse colour; `diffuse_color` is ours.
    c.push_back({"DwaBaseMaterial",
                 ObjectKind::Material,
                 {attr("diffuse_color", AttrType::Rgb), attr("albedo", AttrType::Rgb),
                  attr("metallic", AttrType::Float), attr("specular", AttrType::Float),
                  attr("roughness", AttrType::Float), attr("transmission", AttrType::Float),
                  attr("refractive_index", AttrType::Float), attr("label", AttrType::String)},
                 {"fuzz", "fuzz_albedo", "fuzz_color", "fuzz_roughness", "clearcoat",
                  "clearcoat_roughness", "clearcoat_refractive_index", "clearcoat_thickness",
                  "clearcoat_attenuation_color", "emission", "sss", "subsurface",
                  "scattering_color", "normal_dial", "input_normal_dial", "priority"},
                 kDwaBaseMaterialRefused});
    // MoonRay's older material, on the same lobes (BaseMaterialBuilder.cpp).
    c.push_back({"BaseMaterial",
                 ObjectKind::Material,
                 {attr("diffuse", AttrType::Bool), attr("diffuse_color", AttrType::Rgb),
                  attr("diffuse_factor", AttrType::Float), attr("specular", AttrType::Bool),
                  attr("specular_color", AttrType::Rgb), attr("specular_factor", AttrType::Float),
                  attr("specular_roughness", AttrType::Float), attr("label", AttrType::String)},
                 kBaseMaterialIgnored,
                 kBaseMaterialRefused});
    // The Hydra delegate's default material (hdMoonray), mapped onto the same lobes.
    c.push_back({"UsdPreviewSurface",
                 ObjectKind::Material,
                 {attr("diffuseColor", AttrType::Rgb), attr("metallic", AttrType::Float),
                  attr("roughness", AttrType::Float), attr("ior", AttrType::Float),
                  attr("label", AttrType::String)},
                 {"clearcoatRoughness", "opacityThreshold", "occlusion", "displacement"},
                 {refusedAttr("emissiveColor", AttrType::Rgb, "0 0 0"),
                  refusedAttr("opacity", AttrType::Float, "1"),
                  refusedAttr("useSpecularWorkflow", AttrType::Int, "0"),
                  refusedAttr("clearcoat", AttrType::Float, "0"),
                  refusedAttr("normal", AttrType::String, "")}});
    c.push_back(
        {"RectLight", ObjectKind::Light,
         concat(lightAttrs(), {attr("normalized", AttrType::Bool), attr("width", AttrType::Float),
                               attr("height", AttrType::Float)}),
         kLightIgnored, kLightWithoutTextureRefused});
    c.push_back({"SphereLight", ObjectKind::Light,
                 concat(lightAttrs(),
                        {attr("normalized", AttrType::Bool), attr("radius", AttrType::Float)}),
                 kLightIgnored, kLightWithoutTextureRefused});
    c.push_back({"DiskLight", ObjectKind::Light,
                 concat(lightAttrs(),
                        {attr("normalized", AttrType::Bool), attr("radius", AttrType::Float)}),
                 kLightIgnored, kLightWithoutTextureRefused});
    c.push_back({"DistantLight", ObjectKind::Light,
                 concat(lightAttrs(), {attr("normalized", AttrType::Bool),
                                       attr("angular_extent", AttrType::Float)}),
                 kLightIgnored, kLightWithoutTextureRefused});
    c.push_back(
        {"SpotLight", ObjectKind::Light,
         concat(
             lightAttrs(),
             {attr("normalized", AttrType::Bool), attr("lens_radius", AttrType::Float),
              attr("aspect_ratio", AttrType::Float), attr("focal_plane_distance", AttrType::Float),
              attr("outer_cone_angle", AttrType::Float), attr("inner_cone_angle", AttrType::Float),
              enumAttr(
                  "angle_falloff_type",
                  {{"off", 0}, {"linear", 1}, {"ease in", 2}, {"ease out", 3}, {"ease in/out", 4}}),
              attr("black_level", AttrType::Float)}),
         kSpotLightIgnored, kSpotLightRefused});
    c.push_back({"EnvLight", ObjectKind::Light,
                 concat(lightAttrs(), {attr("texture", AttrType::String)}), kLightIgnored,
                 kLightRefused});
    c.push_back({"LightSet", ObjectKind::LightSet, {}, {}});
    // Light filters (scene/LightFilter.h): a list like LightSet's, and the one filter
    // class we have. light_path_selection other than "all light paths" would filter
    // only some paths.
    c.push_back({"LightFilterSet", ObjectKind::LightFilterSet, {}, {}});
    c.push_back({"IntensityLightFilter",
                 ObjectKind::LightFilter,
                 {attr("on", AttrType::Bool), attr("intensity", AttrType::Float),
                  attr("exposure", AttrType::Float), attr("color", AttrType::Rgb),
                  attr("invert", AttrType::Bool)},
                 {},
                 {{enumAttr("light_path_selection", {{"all light paths", 0},
                                                     {"all indirect", 1},
                                                     {"all indirect first bounce", 2},
                                                     {"indirect diffuse", 3},
                                                     {"indirect diffuse first bounce", 4},
                                                     {"indirect specular", 5},
                                                     {"indirect specular first bounce", 6}}),
                   "0"}}});
    c.push_back({"GeometrySet", ObjectKind::GeometrySet, {}, {"static"}});
    c.push_back({"Layer", ObjectKind::Layer, {}, {}});
    // Primitive attributes (doc/SCENES.md): a colour or float per geometry or per face.
    c.push_back(
        {"UserData",
         ObjectKind::UserData,
         {attr("color_key", AttrType::String), attr("color_values_0", AttrType::RgbVector),
          attr("float_key", AttrType::String), attr("float_values_0", AttrType::FloatVector),
          attr("rate", AttrType::String), attr("vec3f_key", AttrType::String),
          attr("vec3f_values_0", AttrType::Vec3Vector)},
         {"bool_key", "bool_values", "int_key", "int_values", "string_key", "string_values",
          "vec2f_key", "vec2f_values_0", "mat4f_key", "mat4f_values_0", "color_values_1",
          "float_values_1", "vec2f_values_1", "vec3f_values_1", "mat4f_values_1"}});
    // A map shader that reads a primitive attribute: what bind() may attach to a colour.
    c.push_back(
        {"AttributeMap",
         ObjectKind::Map,
         {attr("primitive_attribute_name", AttrType::String),
          attr("primitive_attribute_type", AttrType::String), attr("default_value", AttrType::Rgb)},
         {"label"}});
    // {"name", "type", "value"} entries for EXR headers (exr_header_attributes).
    c.push_back({"Metadata", ObjectKind::Metadata, {}, {}});
    c.push_back(
        {"RenderOutput",
         ObjectKind::RenderOutput,
         {enumAttr("result", {{"beauty", 0},
                              {"alpha", 1},
                              {"depth", 2},
                              {"state variable", 3},
                              {"primitive attribute", 4},
                              {"time per pixel", 5},
                              {"wireframe", 6},
                              {"material aov", 7},
                              {"light aov", 8},
                              {"visibility aov", 9},
                              {"variance aov", 10},
                              {"weight", 11},
                              {"beauty aux", 12},
                              {"cryptomatte", 13},
                              {"alpha aux", 14},
                              {"display filter", 15},
                              {nullptr, 100},
                              {"normal", 101},
                              {"albedo", 102},
                              {"error", 110},
                              {"variance", 110},
                              {"samples", 111}}),
          attr("file_name", AttrType::String), attr("channel_name", AttrType::String),
          enumAttr("channel_format", {{"float", 0}, {"half", 1}}),
          enumAttr("compression", {{"none", 0},
                                   {"zip", 1},
                                   {"rle", 2},
                                   {"zips", 3},
                                   {"piz", 4},
                                   {"pxr24", 5},
                                   {"b44", 6},
                                   {"b44a", 7},
                                   {"dwaa", 8},
                                   {"dwab", 9}}),
          attr("active", AttrType::Bool),
          enumAttr("state_variable", {{"P", 0},
                                      {"Ng", 1},
                                      {"N", 2},
                                      {"St", 3},
                                      {"dPds", 4},
                                      {"dPdt", 5},
                                      {"dSdx", 6},
                                      {"dSdy", 7},
                                      {"dTdx", 8},
                                      {"dTdy", 9},
                                      {"Wp", 10},
                                      {"depth", 11},
                                      {"motionvec", 12}}),
          attr("material_aov", AttrType::String), attr("lpe", AttrType::String),
          enumAttr("math_filter", {{"average", 0},
                                   {"sum", 1},
                                   {"min", 2},
                                   {"max", 3},
                                   {"force_consistent_sampling", 4},
                                   {"closest", 5}}),
          enumAttr("channel_suffix_mode", {{"auto", 0}, {"rgb", 1}, {"xyz", 2}, {"uvw", 3}}),
          enumAttr("output_type", {{"flat", 0}, {"deep", 1}}),
          attr("primitive_attribute", AttrType::String),
          enumAttr("primitive_attribute_type",
                   {{"FLOAT", 0}, {"VEC2F", 1}, {"VEC3F", 2}, {"RGB", 3}}),
          attr("visibility_aov", AttrType::String),
          objectAttr("reference_render_output", AttrType::ObjectOrName, ObjectKind::RenderOutput),
          attr("cryptomatte_depth", AttrType::Int),
          // Our cryptomatte state always resumes: true or false, it asks for nothing more.
          attr("cryptomatte_support_resume_render", AttrType::Bool),
          attr("file_part", AttrType::String), attr("exr_zip_compression_level", AttrType::Int),
          attr("exr_dwa_compression_level", AttrType::Float),
          objectAttr("exr_header_attributes", AttrType::Object, ObjectKind::Metadata),
          extraAttr("checkpoint_file_name", AttrType::String),
          extraAttr("checkpoint_multi_version_file_name", AttrType::String),
          extraAttr("resume_file_name", AttrType::String)},
         // Set, each of these is refused (an unsupported output, buildRenderOutput).
         {"camera", "denoise", "denoiser_input", "display_filter", "cryptomatte_enable_refract",
          "cryptomatte_output_beauty", "cryptomatte_output_normals", "cryptomatte_output_p0",
          "cryptomatte_output_positions", "cryptomatte_output_refn", "cryptomatte_output_refp",
          "cryptomatte_output_uv"}});
    return c;
}

}  // namespace rt
