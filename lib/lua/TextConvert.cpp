// Attribute values from text: -scene_var NAME VALUE.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "lua/AttrConvert.h"
#include "lua/AttrConvertDetail.h"

namespace rt {
namespace {

using detail::enumFromInt;
using detail::enumFromName;
using detail::mismatch;

std::vector<std::string> splitText(const std::string& text) {
    std::string spaced = text;
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    std::istringstream in(spaced);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

bool parseDouble(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() && std::isfinite(out);
}

bool parseInt(const std::string& s, int64_t& out) {
    const char* first = s.data();
    if (!s.empty() && s[0] == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size() && !s.empty();
}

std::vector<double> parseNumbers(const std::string& text, const AttrSpec& spec, size_t count) {
    std::vector<double> values;
    for (const std::string& w : splitText(text)) {
        double v;
        if (!parseDouble(w, v)) mismatch(spec, "'" + text + "'");
        values.push_back(v);
    }
    if (count && values.size() != count) mismatch(spec, "'" + text + "'");
    return values;
}

}  // namespace

AttrValue textToValue(const std::string& text, const AttrSpec& spec) {
    const std::string quoted = "'" + text + "'";
    switch (spec.type) {
        case AttrType::Bool: {
            std::string t = text;
            std::transform(t.begin(), t.end(), t.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (t == "true" || t == "1" || t == "on" || t == "yes") return true;
            if (t == "false" || t == "0" || t == "off" || t == "no") return false;
            mismatch(spec, quoted);
        }
        case AttrType::Int: {
            int64_t v;
            if (!parseInt(text, v)) mismatch(spec, quoted);
            return v;
        }
        case AttrType::Float: {
            double v;
            if (!parseDouble(text, v)) mismatch(spec, quoted);
            return v;
        }
        case AttrType::String:
            return text;
        case AttrType::ObjectOrName:
            if (text.empty()) mismatch(spec, "an empty name");
            return text;
        case AttrType::Enum: {
            int64_t v;
            if (parseInt(text, v)) return enumFromInt(spec, v, quoted);
            if (enumFromName(spec, text, v)) return v;
            mismatch(spec, quoted);
        }
        case AttrType::Rgb: {
            auto v = parseNumbers(text, spec, 3);
            return Color(static_cast<float>(v[0]), static_cast<float>(v[1]),
                         static_cast<float>(v[2]));
        }
        case AttrType::Vec3: {
            auto v = parseNumbers(text, spec, 3);
            return Vec3f(static_cast<float>(v[0]), static_cast<float>(v[1]),
                         static_cast<float>(v[2]));
        }
        case AttrType::Vec2: {
            auto v = parseNumbers(text, spec, 2);
            return Vec2f(static_cast<float>(v[0]), static_cast<float>(v[1]));
        }
        case AttrType::FloatVector:
            return parseNumbers(text, spec, 0);
        case AttrType::IntVector: {
            std::vector<int64_t> out;
            for (const std::string& w : splitText(text)) {
                int64_t v;
                if (!parseInt(w, v)) mismatch(spec, quoted);
                out.push_back(v);
            }
            return out;
        }
        case AttrType::StringVector:
            return splitText(text);
        default:
            throw ConversionError(std::string("a ") + typeName(spec.type) +
                                  " value cannot be given on the command line");
    }
}

}  // namespace rt
