#include "accel/RawThroughput.h"

#include "core/Hash.h"

namespace rt {
namespace {

float unitFloat(uint64_t bits) {
    return static_cast<float>(bits >> 40) * 0x1p-24f;
}

}  // namespace

uint64_t traceRandomRays(const EmbreeScene& scene, uint64_t firstRay, uint64_t count,
                         uint32_t seed) {
    const Box3f box = scene.bounds();
    const Vec3f extent = box.max - box.min;
    uint64_t hits = 0;
    for (uint64_t i = firstRay; i < firstRay + count; ++i) {
        uint64_t state = mixBits64(i * 0x9e3779b97f4a7c15ULL + seed);
        auto next = [&] {
            state = mixBits64(state + 0x9e3779b97f4a7c15ULL);
            return unitFloat(state);
        };
        Ray ray;
        ray.org = box.min + Vec3f(extent.x * next(), extent.y * next(), extent.z * next());
        const float z = 1.0f - 2.0f * next();
        const float r = std::sqrt(std::max(0.0f, 1.0f - z * z));
        const float phi = 2.0f * 3.14159265f * next();
        ray.dir = Vec3f(r * std::cos(phi), r * std::sin(phi), z);
        hits += scene.intersectRaw(ray) ? 1 : 0;
    }
    return hits;
}

}  // namespace rt
