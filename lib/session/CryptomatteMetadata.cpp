#include "session/CryptomatteMetadata.h"

#include <nlohmann/json.hpp>

#include "film/Cryptomatte.h"

namespace rt {

std::string cryptomatteManifest(const std::vector<std::string>& objectNames) {
    nlohmann::json manifest = nlohmann::json::object();  // std::map: sorted, duplicates merge
    for (const std::string& name : objectNames)
        manifest[name] = cryptomatteHex(cryptomatteId(name));
    return manifest.dump();
}

void addCryptomatteMetadata(std::vector<OutputFile>& files,
                            const std::vector<std::string>& objectNames) {
    const std::string manifest = cryptomatteManifest(objectNames);
    for (OutputFile& file : files) {
        for (const RenderOutput& output : file.outputs) {
            if (output.result != OutputResult::Cryptomatte) continue;
            const std::string layer = cryptomatteLayerName(output);
            const std::string prefix = "cryptomatte/" + cryptomatteKey(layer) + "/";
            file.metadata.set(prefix + "name", layer);
            file.metadata.set(prefix + "hash", "MurmurHash3_32");
            file.metadata.set(prefix + "conversion", "uint32_to_float32");
            file.metadata.set(prefix + "manifest", manifest);
        }
    }
}

}  // namespace rt
