#include "lua/ObjectStore.h"

#include <charconv>

namespace rt {

std::string RdlObject::describe() const {
    return cls->name + " '" + name + "'";
}

const Attribute* RdlObject::find(const std::string& attr) const {
    auto it = attributes.find(attr);
    return it == attributes.end() ? nullptr : &it->second;
}

bool RdlObject::getBool(const std::string& attr, bool fallback) const {
    const Attribute* a = find(attr);
    return a ? std::get<bool>(a->value) : fallback;
}

int64_t RdlObject::getInt(const std::string& attr, int64_t fallback) const {
    const Attribute* a = find(attr);
    return a ? std::get<int64_t>(a->value) : fallback;
}

float RdlObject::getFloat(const std::string& attr, float fallback) const {
    const Attribute* a = find(attr);
    return a ? static_cast<float>(std::get<double>(a->value)) : fallback;
}

std::string RdlObject::getString(const std::string& attr, const std::string& fallback) const {
    const Attribute* a = find(attr);
    return a ? std::get<std::string>(a->value) : fallback;
}

Color RdlObject::getColor(const std::string& attr, const Color& fallback) const {
    const Attribute* a = find(attr);
    return a ? std::get<Color>(a->value) : fallback;
}

Vec3f RdlObject::getVec3(const std::string& attr, const Vec3f& fallback) const {
    const Attribute* a = find(attr);
    return a ? std::get<Vec3f>(a->value) : fallback;
}

Mat4f RdlObject::getMat4(const std::string& attr) const {
    const Attribute* a = find(attr);
    if (!a) return Mat4f();
    const Imath::M44d& m = std::get<Imath::M44d>(a->value);
    Mat4f out;
    for (int r = 0; r < 4; ++r) {
        for (int c = 0; c < 4; ++c) out[r][c] = static_cast<float>(m[r][c]);
    }
    return out;
}

ObjectStore::ObjectStore() {
    // The scene variables exist from the start: `SceneVariables { ... }` never names them.
    RdlObject vars;
    vars.id = 0;
    vars.cls = &sceneVariablesClass();
    vars.name = "SceneVariables";
    m_objects.push_back(std::move(vars));
}

int ObjectStore::findOrCreate(const ClassSpec& cls, const std::string& name,
                              const SourceLocation& where) {
    if (auto it = m_byName.find(name); it != m_byName.end()) {
        const RdlObject& existing = m_objects[static_cast<size_t>(it->second)];
        if (existing.cls != &cls) {
            throw SceneError(where, "cannot create " + cls.name + " '" + name +
                                        "': the name is already used by " + existing.describe() +
                                        " (" + existing.where.str() + ")");
        }
        return it->second;
    }
    RdlObject obj;
    obj.id = static_cast<int>(m_objects.size());
    obj.cls = &cls;
    obj.name = name;
    obj.where = where;
    m_byName.emplace(name, obj.id);
    m_objects.push_back(std::move(obj));
    return m_objects.back().id;
}

const RdlObject* ObjectStore::findByName(const std::string& name) const {
    auto it = m_byName.find(name);
    return it == m_byName.end() ? nullptr : &m_objects[static_cast<size_t>(it->second)];
}

namespace {

// Shortest text that reads back to the same value (so 0.73f prints as "0.73").
template <class T>
std::string numberText(T v) {
    char buf[64];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

template <class T, class F>
std::string join(const std::vector<T>& items, F&& text) {
    std::string out;
    for (const T& item : items) {
        if (!out.empty()) out += ' ';
        out += text(item);
    }
    return out;
}

}  // namespace

std::string valueToText(const AttrValue& value, const ObjectStore& store) {
    struct Visitor {
        const ObjectStore& store;
        std::string operator()(bool v) const { return v ? "true" : "false"; }
        std::string operator()(int64_t v) const { return std::to_string(v); }
        std::string operator()(double v) const { return numberText(v); }
        std::string operator()(const std::string& v) const { return v; }
        std::string operator()(const Color& v) const {
            return numberText(v.x) + " " + numberText(v.y) + " " + numberText(v.z);
        }
        std::string operator()(const Vec4f& v) const {
            return numberText(v.x) + " " + numberText(v.y) + " " + numberText(v.z) + " " +
                   numberText(v.w);
        }
        std::string operator()(const Vec2f& v) const {
            return numberText(v.x) + " " + numberText(v.y);
        }
        std::string operator()(const Vec3f& v) const { return (*this)(Color(v.x, v.y, v.z)); }
        std::string operator()(const Imath::M44d& m) const {
            std::string out;
            for (int i = 0; i < 16; ++i) {
                if (i) out += ' ';
                out += numberText(m[i / 4][i % 4]);
            }
            return out;
        }
        std::string operator()(const std::vector<int64_t>& v) const {
            return join(v, [](int64_t x) { return std::to_string(x); });
        }
        std::string operator()(const std::vector<double>& v) const {
            return join(v, [](double x) { return numberText(x); });
        }
        std::string operator()(const std::vector<Vec3f>& v) const {
            return join(v, [this](const Vec3f& x) { return (*this)(x); });
        }
        std::string operator()(const std::vector<Vec2f>& v) const {
            return join(v, [this](const Vec2f& x) { return (*this)(x); });
        }
        std::string operator()(const std::vector<std::string>& v) const {
            return join(v, [](const std::string& x) { return x; });
        }
        std::string operator()(const ObjectRef& r) const { return store.object(r.id).name; }
    };
    return std::visit(Visitor{store}, value);
}

}  // namespace rt
