#include "session/HeaderAttributes.h"

#include "core/Error.h"

namespace rt {
namespace {

void add(Metadata& metadata, const std::vector<ExrHeaderAttribute>& attributes) {
    for (const ExrHeaderAttribute& a : attributes) {
        std::string error;
        std::optional<MetadataValue> value = metadataValueFromText(a.type, a.value, error);
        RT_CHECK(value.has_value());  // checked when the scene loaded
        metadata.set(a.name, std::move(*value));
    }
}

}  // namespace

void addHeaderAttributes(std::vector<OutputFile>& files, const Scene& scene) {
    for (OutputFile& file : files) {
        Metadata requested;
        add(requested, scene.exrHeaderAttributes);
        for (const RenderOutput& output : file.outputs) add(requested, output.headerAttributes);
        requested.merge(file.metadata);
        file.metadata = std::move(requested);
    }
}

}  // namespace rt
