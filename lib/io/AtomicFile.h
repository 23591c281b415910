#pragma once
// Durable output (doc/OUTPUT.md, "Atomic writes"): a file is written and fsynced as
// `<final>.part`, then renamed over `<final>` and its directory fsynced, so a reader or
// a crash sees either the previous complete file or the new complete file, never a
// partial one. Several files of one checkpoint are all written as .part first and then
// committed together with commitParts.
#include <string>
#include <string_view>
#include <vector>

namespace rt {

// finalPath + ".part": keeps the final extension out of the way so that no tool
// mistakes an incomplete file for an image.
std::string partPath(const std::string& finalPath);

[[nodiscard]] bool fsyncFile(const std::string& path, std::string& error);
// Makes renames and creations in `directory` durable.
[[nodiscard]] bool fsyncDirectory(const std::string& directory, std::string& error);

// Renames partPath(finalPath) over finalPath, then fsyncs the containing directory.
[[nodiscard]] bool commitPart(const std::string& finalPath, std::string& error);

// Commits several files: checks first that every .part exists so that a missing one
// commits nothing, then renames each and fsyncs each distinct directory once.
[[nodiscard]] bool commitParts(const std::vector<std::string>& finalPaths, std::string& error);

// Whether the directory that `finalPath` would be written into exists and is writable
// (checked before rendering, so that a bad path fails in seconds rather than hours).
bool parentDirectoryWritable(const std::string& finalPath);

// Removes partPath(finalPath) if present (cleanup after a failed write; never fails).
void discardPart(const std::string& finalPath);

// Writes `contents` to partPath(finalPath) and fsyncs it; removes the .part on failure.
[[nodiscard]] bool writeFilePart(const std::string& finalPath, std::string_view contents,
                                 std::string& error);
// The same for contents in pieces, written one after another.
[[nodiscard]] bool writeFilePart(const std::string& finalPath,
                                 const std::vector<std::string_view>& pieces, std::string& error);
// writeFilePart followed by commitPart.
[[nodiscard]] bool writeFileAtomic(const std::string& finalPath, std::string_view contents,
                                   std::string& error);

}  // namespace rt
