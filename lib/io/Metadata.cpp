#include "io/Metadata.h"

#include <cstdio>
#include <sstream>
#include <type_traits>

#include "io/detail/ExrConvert.h"

namespace rt {

void Metadata::set(const std::string& name, MetadataValue value) {
    for (Entry& entry : m_entries) {
        if (entry.name == name) {
            entry.value = std::move(value);
            return;
        }
    }
    m_entries.push_back(Entry{name, std::move(value)});
}

const MetadataValue* Metadata::find(const std::string& name) const {
    for (const Entry& entry : m_entries) {
        if (entry.name == name) return &entry.value;
    }
    return nullptr;
}

bool Metadata::remove(const std::string& name) {
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->name == name) {
            m_entries.erase(it);
            return true;
        }
    }
    return false;
}

void Metadata::merge(const Metadata& other) {
    for (const Entry& entry : other) set(entry.name, entry.value);
}

const char* metadataTypeName(const MetadataValue& value) {
    static const char* const kNames[] = {"int", "float", "double", "string", "m44f"};
    static_assert(std::variant_size_v<MetadataValue> == 5);
    return kNames[value.index()];
}

std::string metadataValueString(const MetadataValue& value) {
    char buffer[64];
    return std::visit(
        [&](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, int>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, float>) {
                std::snprintf(buffer, sizeof buffer, "%.9g", v);
                return buffer;
            } else if constexpr (std::is_same_v<T, double>) {
                std::snprintf(buffer, sizeof buffer, "%.17g", v);
                return buffer;
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else {
                std::string text = "[";
                for (int r = 0; r < 4; ++r) {
                    for (int c = 0; c < 4; ++c) {
                        std::snprintf(buffer, sizeof buffer, "%.9g", v[r][c]);
                        if (r || c) text += ' ';
                        text += buffer;
                    }
                }
                return text + "]";
            }
        },
        value);
}

void stampCaptureTime(Metadata& metadata, std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char date[32];
    std::strftime(date, sizeof date, "%Y:%m:%d %H:%M:%S", &local);
    metadata.set("capDate", std::string(date));
    metadata.set("utcOffset", static_cast<float>(-local.tm_gmtoff));
}

std::optional<MetadataValue> metadataValueFromText(const std::string& type, const std::string& text,
                                                   std::string& error) {
    std::istringstream in(text);
    // Nothing but spaces after the value (a sentry at end of input would set failbit).
    auto whole = [&in] {
        if (in.eof()) return true;
        in >> std::ws;
        return in.eof();
    };
    if (type == "string") return MetadataValue(text);
    if (type == "int") {
        int v = 0;
        if (in >> v && whole()) return MetadataValue(v);
    } else if (type == "float") {
        float v = 0.0f;
        if (in >> v && whole()) return MetadataValue(v);
    } else if (type == "double") {
        double v = 0.0;
        if (in >> v && whole()) return MetadataValue(v);
    } else if (type == "m44f") {
        Mat4f m;
        bool ok = true;
        for (int i = 0; i < 16 && ok; ++i) ok = static_cast<bool>(in >> m[i / 4][i % 4]);
        if (ok && whole()) return MetadataValue(m);
    } else {
        error = "type '" + type + "' is not supported (int, float, double, string, m44f)";
        return std::nullopt;
    }
    error = "'" + text + "' is not a" + (type == "int" ? "n " : " ") + type +
            (type == "m44f" ? " (16 numbers)" : "");
    return std::nullopt;
}

bool isReservedExrAttributeName(const std::string& name) {
    return detail::isReservedExrAttribute(name);
}

}  // namespace rt
