#include "shading/LightUtil.h"

#include "core/Error.h"
#include "core/Transform.h"

namespace rt::lightutil {

namespace {

const char* typeName(LightType type) {
    switch (type) {
        case LightType::Rect:
            return "RectLight";
        case LightType::Sphere:
            return "SphereLight";
        case LightType::Disk:
            return "DiskLight";
        case LightType::Distant:
            return "DistantLight";
        case LightType::Env:
            return "EnvLight";
        case LightType::Spot:
            return "SpotLight";
    }
    return "Light";
}

bool isFiniteMatrix(const Mat4f& m) {
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            if (!std::isfinite(m[r][c])) return false;
    return true;
}

}  // namespace

void fail(const LightDesc& desc, const std::string& message) {
    throw SceneError(desc.where,
                     std::string(typeName(desc.type)) + " \"" + desc.name + "\": " + message);
}

void validateCommon(const LightDesc& desc) {
    const Color& c = desc.color;
    if (!isFinite(c) || c.x < 0.0f || c.y < 0.0f || c.z < 0.0f)
        fail(desc, "color must be finite and non-negative");
    if (!std::isfinite(desc.intensity) || desc.intensity < 0.0f)
        fail(desc, "intensity must be finite and non-negative");
    if (!std::isfinite(desc.exposure)) fail(desc, "exposure must be finite");
    if (!isFinite(desc.radianceScale())) fail(desc, "color * intensity * 2^exposure overflows");
    if (!isFiniteMatrix(desc.nodeXform)) fail(desc, "node_xform must be finite");
    // Relative to the axis lengths so that millimetre and kilometre scenes both pass.
    const Vec3f x = transformVector(desc.nodeXform, Vec3f(1, 0, 0));
    const Vec3f y = transformVector(desc.nodeXform, Vec3f(0, 1, 0));
    const Vec3f z = transformVector(desc.nodeXform, Vec3f(0, 0, 1));
    const float det = std::abs(dot(cross(x, y), z));
    if (!(det > 1e-6f * x.length() * y.length() * z.length())) fail(desc, "node_xform is singular");
}

Frame rotationFrame(const LightDesc& desc) {
    const Mat4f& m = desc.nodeXform;
    const Vec3f x = normalize(transformVector(m, Vec3f(1, 0, 0)));
    Vec3f y = transformVector(m, Vec3f(0, 1, 0));
    y = normalize(y - x * dot(x, y));
    Vec3f z = transformVector(m, Vec3f(0, 0, 1));
    z = normalize(z - x * dot(x, z) - y * dot(y, z));
    Frame f;
    f.s = x;
    f.t = y;
    f.n = z;
    return f;
}

}  // namespace rt::lightutil
