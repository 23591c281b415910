// exr_header_attributes: the Metadata object an output (or SceneVariables) names, its
// entries checked here so that a bad one is a scene error at its own line, never a
// failed write at the end of a night's render.
#include "io/Metadata.h"
#include "lua/Builders.h"

namespace rt {

std::vector<ExrHeaderAttribute> buildHeaderAttributes(const RdlObject& owner,
                                                      const ObjectStore& store) {
    const Attribute* attr = owner.find("exr_header_attributes");
    if (!attr) return {};
    const RdlObject& metadata = store.object(std::get<ObjectRef>(attr->value).id);
    std::vector<ExrHeaderAttribute> out;
    for (const MetadataEntry& e : metadata.metadata) {
        const std::string what = metadata.describe() + " attribute '" + e.name + "'";
        if (e.name.empty() || isReservedExrAttributeName(e.name))
            throw SceneError(e.where, what + ": the name is " +
                                          (e.name.empty() ? "empty" : "set by the EXR writer"));
        std::string error;
        if (!metadataValueFromText(e.type, e.value, error))
            throw SceneError(e.where, what + ": " + error);
        out.push_back({e.name, e.type, e.value});
    }
    return out;
}

}  // namespace rt
