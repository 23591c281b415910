#include "scene/PrimitiveAttribute.h"

namespace rt {

const PrimitiveAttribute* findPrimitiveAttribute(const PrimitiveAttributes& attributes,
                                                 const std::string& key, AttributeType type) {
    const auto found = attributes.find(key);
    if (found == attributes.end()) return nullptr;
    const PrimitiveAttribute& a = found->second;
    switch (type) {
        case AttributeType::Float:
            return a.floats.empty() ? nullptr : &a;
        case AttributeType::Rgb:
            return a.colors.empty() ? nullptr : &a;
        case AttributeType::Vec3:
            return a.vectors.empty() ? nullptr : &a;
        case AttributeType::Vec2:
            return nullptr;
    }
    return nullptr;
}

}  // namespace rt
