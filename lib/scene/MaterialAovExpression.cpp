#include "scene/MaterialAovExpression.h"

#include <map>

namespace rt {
namespace {

using Property = MaterialAovExpression::Property;

[[noreturn]] void fail(const std::string& text, const std::string& why) {
    throw MaterialAovSyntaxError("material_aov '" + text + "': " + why, false);
}

// MoonRay computes it; we do not (doc/OUTPUT.md lists what we do).
[[noreturn]] void notComputed(const std::string& text, const std::string& what) {
    throw MaterialAovSyntaxError("material_aov '" + text + "' (" + what + ")", true);
}

std::vector<std::string> splitAtDots(const std::string& text) {
    std::vector<std::string> segments(1);
    for (char c : text) {
        if (c == '.') {
            segments.emplace_back();
        } else {
            segments.back() += c;
        }
    }
    return segments;
}

bool isLabelChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
           c == '_' || c == '-';
}

// A run of quoted labels ('a''b'), or false when `segment` is not one.
bool parseLabels(const std::string& segment, std::vector<std::string>& labels) {
    if (segment.empty() || segment.front() != '\'') return false;
    size_t i = 0;
    while (i < segment.size()) {
        if (segment[i] != '\'') return false;
        const size_t close = segment.find('\'', i + 1);
        if (close == std::string::npos) return false;
        std::string label = segment.substr(i + 1, close - i - 1);
        for (char c : label)
            if (!isLabelChar(c)) return false;
        // MoonRay trims the blanks around a label.
        const size_t first = label.find_first_not_of(' ');
        label = first == std::string::npos
                    ? std::string()
                    : label.substr(first, label.find_last_not_of(' ') - first + 1);
        labels.push_back(std::move(label));
        i = close + 1;
    }
    return true;
}

// The selector letters (R T D G M and SS) as lobe bits; false when `segment` is not one.
bool parseSelector(const std::string& segment, int& bits, bool& subsurface) {
    if (segment.empty()) return false;
    for (size_t i = 0; i < segment.size(); ++i) {
        switch (segment[i]) {
            case 'R':
                bits |= lobe_bits::kReflection;
                break;
            case 'T':
                bits |= lobe_bits::kTransmission;
                break;
            case 'D':
                bits |= lobe_bits::kDiffuse;
                break;
            case 'G':
                bits |= lobe_bits::kGlossy;
                break;
            case 'M':
                bits |= lobe_bits::kMirror;
                break;
            case 'S':
                if (i + 1 >= segment.size() || segment[i + 1] != 'S') return false;
                subsurface = true;
                ++i;
                break;
            default:
                return false;
        }
    }
    return true;
}

// MoonRay's defaults: no side letter selects both sides, no category letter every
// category; "SS" alone selects the bssrdf and no lobe.
int lobesOf(int written) {
    if (written == 0) return 0;
    int lobes = written & lobe_bits::kSides ? written & lobe_bits::kSides : lobe_bits::kSides;
    lobes |= written & lobe_bits::kCategories ? written & lobe_bits::kCategories
                                              : lobe_bits::kCategories;
    return lobes;
}

const std::map<std::string, StateVariable>& stateVariables() {
    static const std::map<std::string, StateVariable> names = {
        {"P", StateVariable::P},
        {"Ng", StateVariable::Ng},
        {"N", StateVariable::N},
        {"St", StateVariable::St},
        {"dPds", StateVariable::DPds},
        {"dPdt", StateVariable::DPdt},
        {"Wp", StateVariable::Wp},
        {"depth", StateVariable::Depth},
        {"motionvec", StateVariable::MotionVector}};
    return names;
}

void parseProperty(const std::string& text, const std::string& word, MaterialAovExpression& e) {
    static const std::map<std::string, Property> bsdfProperties = {
        {"albedo", Property::Albedo},     {"color", Property::Color},
        {"emission", Property::Emission}, {"normal", Property::Normal},
        {"radius", Property::Radius},     {"roughness", Property::Roughness},
        {"matte", Property::Matte}};
    static const std::map<std::string, AttributeType> attributeTypes = {
        {"float", AttributeType::Float},
        {"vec2", AttributeType::Vec2},
        {"vec3", AttributeType::Vec3},
        {"rgb", AttributeType::Rgb}};
    if (const auto p = bsdfProperties.find(word); p != bsdfProperties.end()) {
        e.property = p->second;
        return;
    }
    if (const auto sv = stateVariables().find(word); sv != stateVariables().end()) {
        e.property = Property::StateVariable;
        e.stateVariable = sv->second;
        return;
    }
    if (const size_t colon = word.find(':'); colon != std::string::npos) {
        const auto type = attributeTypes.find(word.substr(0, colon));
        const std::string name = word.substr(colon + 1);
        bool valid = type != attributeTypes.end() && !name.empty();
        for (char c : name) valid = valid && (isLabelChar(c) && c != ' ' && c != '-');
        if (!valid) fail(text, "'" + word + "' is not float:, vec2:, vec3: or rgb: and a name");
        e.property = Property::PrimitiveAttribute;
        e.attributeType = type->second;
        e.attribute = name;
        return;
    }
    if (word == "factor" || word == "pbr_validity" || word == "dSdx" || word == "dSdy" ||
        word == "dTdx" || word == "dTdy") {
        notComputed(text, "the property '" + word + "'");
    }
    fail(text, "'" + word + "' is not a property");
}

// The combinations MoonRay's own checks refuse.
void checkSemantics(const MaterialAovExpression& e) {
    if (e.property == Property::Emission && (!e.defaultSelector || !e.lobeLabels.empty()))
        fail(e.text, "emission takes no lobe selector or lobe labels");
    if (e.property == Property::Radius && e.lobes != 0 && !e.defaultSelector)
        fail(e.text, "radius is a subsurface property: its only selector is SS");
    if (e.property == Property::Roughness && e.subsurface && !e.defaultSelector)
        fail(e.text, "roughness comes from bsdf lobes, not from SS");
}

}  // namespace

int attributeComponents(AttributeType type) {
    switch (type) {
        case AttributeType::Float:
            return 1;
        case AttributeType::Vec2:
            return 2;
        default:
            return 3;
    }
}

int stateVariableComponents(StateVariable variable) {
    switch (variable) {
        case StateVariable::Depth:
            return 1;
        case StateVariable::St:
        case StateVariable::MotionVector:
            return 2;
        default:
            return 3;
    }
}

int MaterialAovExpression::components() const {
    switch (property) {
        case Property::Roughness:
            return 2;
        case Property::Matte:
            return 1;
        case Property::StateVariable:
            return stateVariableComponents(stateVariable);
        case Property::PrimitiveAttribute:
            return attributeComponents(attributeType);
        default:
            return 3;
    }
}

bool MaterialAovExpression::isColour() const {
    switch (property) {
        case Property::Albedo:
        case Property::Color:
        case Property::Emission:
        case Property::Radius:
            return true;
        case Property::PrimitiveAttribute:
            return attributeType == AttributeType::Rgb;
        default:
            return false;
    }
}

MaterialAovExpression parseMaterialAov(const std::string& written) {
    MaterialAovExpression e;
    const size_t first = written.find_first_not_of(" \t");
    e.text = first == std::string::npos
                 ? std::string()
                 : written.substr(first, written.find_last_not_of(" \t") - first + 1);
    if (e.text.empty()) fail(written, "empty expression");
    std::vector<std::string> segments = splitAtDots(e.text);
    for (const std::string& s : segments)
        if (s.empty()) fail(e.text, "empty part between dots");
    parseProperty(e.text, segments.back(), e);
    segments.pop_back();
    bool fresnel = false;
    if (!segments.empty() && segments.back() == "fresnel") {
        fresnel = true;
        segments.pop_back();
    }
    int writtenBits = 0;
    bool subsurface = false;
    if (!segments.empty() && segments.back().front() != '\'') {
        if (!parseSelector(segments.back(), writtenBits, subsurface))
            fail(e.text, "'" + segments.back() + "' is not a selector (R T D G M SS)");
        segments.pop_back();
        e.defaultSelector = false;
        e.lobes = lobesOf(writtenBits);
        e.subsurface = subsurface;
    }
    std::vector<std::vector<std::string>> groups;
    for (const std::string& s : segments) {
        groups.emplace_back();
        if (!parseLabels(s, groups.back()))
            fail(e.text, "'" + s + "' is not a list of quoted labels ('a''b')");
    }
    if (groups.size() > 3) fail(e.text, "more than three label groups (geometry, material, lobe)");
    // The last group names lobes, the one before materials, the first geometry.
    if (!groups.empty()) e.lobeLabels = groups.back();
    if (groups.size() >= 2) e.materialLabels = groups[groups.size() - 2];
    if (groups.size() == 3) e.geometryLabels = groups[0];
    if (fresnel) {
        notComputed(e.text, "fresnel properties");
    }
    checkSemantics(e);
    return e;
}

}  // namespace rt
