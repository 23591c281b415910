#pragma once
// A 64-bit fingerprint of everything in a loaded scene that decides the rendered pixels,
// stored with resumable output so that resuming a render against a changed scene is
// detected (the render then starts from scratch with a reason instead of mixing samples
// of two scenes). Equal scenes give equal values on every host and in every run; any
// change to a hashed value, down to one ulp of one float, changes it (up to the 2^-64
// chance of a collision; it is not a cryptographic hash).
//
// Hashed, in this order, each section under its own tag, every list with its length:
//   - the render resolution (vars.renderWidth() x vars.renderHeight(), i.e. image size
//     after the `res` divisor), vars.seed and vars.maxDepth;
//   - the active camera: all 16 entries of nodeXform, focal, film width aperture,
//     near and far clip;
//   - every geometry in order: its kind, mesh positions and indices, sphere centre and
//     radius (meshes carry no normals or uvs in this scene model);
//   - every material in order: diffuse colour, metallic, specular, roughness,
//     transmission, refractive index;
//   - every light in order: type, all 16 entries of nodeXform, colour, intensity,
//     exposure, normalized, visible in camera, width, height, radius, angular extent,
//     and for a textured light the texture's size and decoded pixels (not its path);
//   - every light set's light indices, and the active layer's (geometry, material,
//     light set) entries in order;
//   - the scene variables of `vars.extra` for which fingerprintsSceneVariable() is true,
//     by name and normalised text value (the loader writes one text per value, so only a
//     change of value, or setting a variable that was unset, changes the fingerprint).
// Floats are hashed by their bit pattern, so -0 and +0 differ and no value is rounded.
//
// Not hashed, because a resume may change them without changing any sample:
//   - sampling targets and caps: pixel_samples, sampling_mode, min/max_adaptive_samples,
//     target_adaptive_error, checkpoint_sample_cap and the other checkpoint_* variables
//     (the resume state records and checks the sampling parameters itself, and allows
//     raising the targets);
//   - the resume controls (resumable_output, resume_render, on_resume_script), threads,
//     logging and statistics variables, tile orders (a sample depends only on pixel,
//     index, dimension and seed);
//   - render outputs (which AOVs and files are written), object names, source locations,
//     Scene::sourcePath, texture paths and every other path: a scene moved to another
//     directory or machine renders the same pixels;
//   - the image size and `res` separately: only the rendered size they give matters;
//   - vars.camera and vars.layer: the objects they select are hashed instead.
#include <cstdint>
#include <string_view>

#include "scene/Scene.h"

namespace rt {

// Bumped whenever what is hashed or how changes, so that files written with another
// definition never match.
inline constexpr uint32_t kSceneFingerprintVersion = 1;

uint64_t sceneFingerprint(const Scene& scene);

// True for the scene variables of SceneVariables::extra that take part in the
// fingerprint: those that change rendered pixels by MoonRay's definition. The renderer
// implements none of them yet; hashing them errs on the safe side (changing one costs a
// fresh start at worst) and covers a feature that starts reading one.
bool fingerprintsSceneVariable(std::string_view name);

}  // namespace rt
