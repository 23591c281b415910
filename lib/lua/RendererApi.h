#pragma once
// The global table `renderer` of hook scripts (HookScript.h), also require("renderer"):
//
//   renderer.log(msg, ...)
//       Writes "<script file name>: msg" to the renderer's log at info level; it is the
//       same function as print (several values are joined by tabs, as print does).
//   renderer.write_preview(src, dst [, options])
//       An 8-bit sRGB preview of image `src` (an EXR checkpoint or output, or any image
//       OpenImageIO reads) written to `dst` (.png, .jpg or .jpeg) atomically; see
//       io/PreviewImage.h for the steps. Options (an unknown key is an error):
//         exposure  number, stops, default 0
//         tonemap   "clamp" (default: the look of the renderer's own 8-bit outputs) or
//                   "reinhard" (x / (1 + x) per channel: keeps highlights)
//         max_size  integer >= 1: longest side in pixels, area-averaged; both sides then
//                   rounded down to even numbers for video encoders. Default: full size
//         quality   integer 1..100, JPEG quality, default 90
//   renderer.copy_file(src, dst)
//       Copies file `src` to `dst` (into it, keeping the name, when `dst` is a
//       directory) through dst.part, fsync and rename, so a reader never sees a partial
//       copy; nothing is left behind on failure.
//
// write_preview and copy_file return true, or nil and an error message (as io.open does);
// only arguments that are not strings raise errors ("bad argument #1 to ...").
struct lua_State;

namespace rt {

// Installs `renderer` (as a global and in package.loaded) and replaces print with the
// log writer. `scriptName` prefixes the log lines. Raises a Lua error when out of memory:
// call it in protected mode.
void openRendererApi(lua_State* L, const char* scriptName);

}  // namespace rt
