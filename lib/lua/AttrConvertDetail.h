#pragma once
// Shared by the Lua and text conversions of attribute values (AttrConvert.cpp,
// TextConvert.cpp).
#include <cstdint>
#include <string>

#include "lua/AttrConvert.h"

namespace rt::detail {

// What a value of `spec` must look like, e.g. "an Rgb(r, g, b)".
std::string expectedText(const AttrSpec& spec);
// Throws ConversionError "expected <expectedText>, got <found>".
[[noreturn]] void mismatch(const AttrSpec& spec, const std::string& found);
// `v` if it is one of the enum's values, else a mismatch naming `found`.
int64_t enumFromInt(const AttrSpec& spec, int64_t v, const std::string& found);
// The value of the enum name (case-insensitive); false if there is none.
bool enumFromName(const AttrSpec& spec, const std::string& name, int64_t& out);

}  // namespace rt::detail
