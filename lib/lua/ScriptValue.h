#pragma once
// A plain value tree handed to user Lua hook scripts (HookScript.h): nil, boolean,
// integer, number, string, array (a Lua sequence 1..n) or table (string keys, in order).
// Pure C++ data; it becomes Lua values only when a hook runs.
//
//   ScriptValue v = ScriptValue::table({
//       {"status", "resumed"},
//       {"serial", 3},                          // a Lua integer
//       {"seconds", 12.5},                      // a Lua float
//       {"files", ScriptValue::array({"a.exr", "b.exr"})},
//   });
//   v.set("complete", true);
#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace rt {

struct ScriptValue {
    // Elements 1..n of a Lua sequence. A nil element leaves a hole (Lua's # is then
    // unreliable), so arrays should not hold nil.
    using Array = std::vector<ScriptValue>;
    // Fields in the order they are set in Lua. A nil value sets no field; when a key
    // repeats, the later value wins.
    using Table = std::vector<std::pair<std::string, ScriptValue>>;

    enum class Kind { Nil, Bool, Integer, Number, String, Array, Table };

    ScriptValue() = default;
    ScriptValue(std::nullptr_t) {}
    ScriptValue(bool b) : data(b) {}
    // Any integer type becomes a Lua integer; unsigned values above INT64_MAX, which a Lua
    // integer cannot hold, become numbers.
    template <std::integral T>
    requires(!std::same_as<T, bool>) ScriptValue(T i) {
        if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(int64_t)) {
            if (i > static_cast<T>(std::numeric_limits<int64_t>::max())) {
                data = static_cast<double>(i);
                return;
            }
        }
        data = static_cast<int64_t>(i);
    }
    template <std::floating_point T>
    ScriptValue(T d) : data(static_cast<double>(d)) {}
    ScriptValue(const char* s) : data(std::string(s ? s : "")) {}
    ScriptValue(std::string s) : data(std::move(s)) {}
    ScriptValue(std::string_view s) : data(std::string(s)) {}
    ScriptValue(Array a) : data(std::move(a)) {}
    ScriptValue(Table t) : data(std::move(t)) {}
    // A vector of anything a ScriptValue can be made of, e.g. std::vector<std::string>.
    template <typename T>
    requires(!std::same_as<T, ScriptValue> && std::constructible_from<ScriptValue, const T&>)
        ScriptValue(const std::vector<T>& items)
        : data(Array(items.begin(), items.end())) {}

    static ScriptValue array(std::initializer_list<ScriptValue> items = {}) {
        return ScriptValue(Array(items));
    }
    static ScriptValue table(
        std::initializer_list<std::pair<std::string, ScriptValue>> fields = {}) {
        return ScriptValue(Table(fields));
    }

    Kind kind() const { return static_cast<Kind>(data.index()); }
    bool isNil() const { return kind() == Kind::Nil; }

    // Building: set() turns a nil value into a table, push() into an array. Calling them
    // on a value of another kind replaces it.
    ScriptValue& set(std::string key, ScriptValue value) {
        if (kind() != Kind::Table) data = Table{};
        std::get<Table>(data).emplace_back(std::move(key), std::move(value));
        return *this;
    }
    ScriptValue& push(ScriptValue value) {
        if (kind() != Kind::Array) data = Array{};
        std::get<Array>(data).push_back(std::move(value));
        return *this;
    }

    // Reading (tests, diagnostics): the last field named `key` of a table, else nullptr.
    const ScriptValue* find(std::string_view key) const {
        const Table* table = std::get_if<Table>(&data);
        if (!table) return nullptr;
        for (auto it = table->rbegin(); it != table->rend(); ++it) {
            if (it->first == key) return &it->second;
        }
        return nullptr;
    }

    bool operator==(const ScriptValue&) const = default;

    // The alternatives are in Kind's order.
    std::variant<std::monostate, bool, int64_t, double, std::string, Array, Table> data;
};

}  // namespace rt
