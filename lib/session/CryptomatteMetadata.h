#pragma once
// The header a Cryptomatte decoder reads (film/Cryptomatte.h): for each layer,
// cryptomatte/<key>/name, hash ("MurmurHash3_32"), conversion ("uint32_to_float32") and
// the manifest, a JSON object from every object name to its id in hex.
#include <string>
#include <vector>

#include "session/OutputPlan.h"

namespace rt {

// Stamps the metadata of each file's Cryptomatte outputs, with the manifest of
// `objectNames` (the geometry of the layer), into its OutputFile::metadata.
void addCryptomatteMetadata(std::vector<OutputFile>& files,
                            const std::vector<std::string>& objectNames);

// The manifest alone: {"name": "3f800000", ...}, names sorted.
std::string cryptomatteManifest(const std::vector<std::string>& objectNames);

}  // namespace rt
