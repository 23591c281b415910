#pragma once
// Named header values stamped into output files (render settings, checkpoint state).
// Each type maps to one OpenEXR attribute type: int -> int, float -> float,
// double -> double, string -> string, Mat4f -> m44f (e.g. worldToCamera).
#include <cstddef>
#include <ctime>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/Math.h"

namespace rt {

using MetadataValue = std::variant<int, float, double, std::string, Mat4f>;

// Keeps insertion order so that what is written, logged or printed is stable; files
// themselves store attributes sorted by name, so metadata read back is sorted.
class Metadata {
  public:
    struct Entry {
        std::string name;
        MetadataValue value;
        bool operator==(const Entry&) const = default;
    };

    // Replaces an existing value in place (keeping its position) or appends.
    void set(const std::string& name, MetadataValue value);
    // Without this overload a string literal would need an explicit std::string.
    void set(const std::string& name, const char* value) { set(name, std::string(value)); }

    const MetadataValue* find(const std::string& name) const;
    bool has(const std::string& name) const { return find(name) != nullptr; }

    // The value when present with exactly type T, else nullopt (no conversions, so a
    // checkpoint field stored with the wrong type is noticed rather than coerced).
    template <class T>
    std::optional<T> get(const std::string& name) const {
        const MetadataValue* value = find(name);
        if (value == nullptr) return std::nullopt;
        if (const T* typed = std::get_if<T>(value)) return *typed;
        return std::nullopt;
    }

    bool remove(const std::string& name);
    // Sets every entry of `other`, which wins over existing values.
    void merge(const Metadata& other);

    size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    std::vector<Entry>::const_iterator begin() const { return m_entries.begin(); }
    std::vector<Entry>::const_iterator end() const { return m_entries.end(); }

    bool operator==(const Metadata&) const = default;

  private:
    std::vector<Entry> m_entries;
};

// "int", "float", "double", "string" or "m44f": the attribute type names of OpenEXR.
const char* metadataTypeName(const MetadataValue& value);
// Human-readable value for logs and messages; doubles keep all 17 digits.
std::string metadataValueString(const MetadataValue& value);

// Sets the OpenEXR standard attributes capDate ("YYYY:MM:DD hh:mm:ss", local time) and
// utcOffset (seconds, UTC = local + utcOffset) for the moment `when`.
void stampCaptureTime(Metadata& metadata, std::time_t when);

// A value written as MoonRay's Metadata objects write them ({"name", "type", "value"}):
// type "int", "float", "double", "string" or "m44f" (16 numbers, row-major); nullopt
// with `error` for another type or a value that does not read as the type.
std::optional<MetadataValue> metadataValueFromText(const std::string& type, const std::string& text,
                                                   std::string& error);

// Whether the EXR writer controls attribute `name` itself (channels, compression, ...),
// so that a header attribute a scene asks for cannot take it.
bool isReservedExrAttributeName(const std::string& name);

}  // namespace rt
