#include "accel/EmbreeScene.h"

#include <embree3/rtcore.h>

#include <stdexcept>
#include <string>

#include "core/Log.h"

namespace rt {
namespace {

void reportEmbreeError(void*, RTCError code, const char* message) {
    if (code == RTC_ERROR_NONE) return;
    log::error(std::string("Embree: ") + (message ? message : "unknown error") + " (code " +
               std::to_string(static_cast<int>(code)) + ")");
}

RTCRayHit toRtcRayHit(const Ray& ray) {
    RTCRayHit rh;
    rh.ray.org_x = ray.org.x;
    rh.ray.org_y = ray.org.y;
    rh.ray.org_z = ray.org.z;
    rh.ray.dir_x = ray.dir.x;
    rh.ray.dir_y = ray.dir.y;
    rh.ray.dir_z = ray.dir.z;
    rh.ray.tnear = ray.tNear;
    rh.ray.tfar = ray.tFar;
    rh.ray.time = 0.0f;
    rh.ray.mask = ~0u;
    rh.ray.id = 0;
    rh.ray.flags = 0;
    rh.hit.geomID = RTC_INVALID_GEOMETRY_ID;
    rh.hit.instID[0] = RTC_INVALID_GEOMETRY_ID;
    return rh;
}

}  // namespace

struct EmbreeScene::Impl {
    RTCDevice device = nullptr;
    RTCScene scene = nullptr;
    std::vector<const Shape*> shapes;
    // Sphere data in Embree's float4 layout (x, y, z, r); one buffer per sphere.
    std::vector<std::unique_ptr<float[]>> sphereBuffers;

    ~Impl() {
        if (scene) rtcReleaseScene(scene);
        if (device) rtcReleaseDevice(device);
    }

    void attachMesh(const TriangleMesh& mesh, unsigned id) {
        RTCGeometry geom = rtcNewGeometry(device, RTC_GEOMETRY_TYPE_TRIANGLE);
        rtcSetSharedGeometryBuffer(geom, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3,
                                   mesh.positions.data(), 0, sizeof(Vec3f), mesh.positions.size());
        rtcSetSharedGeometryBuffer(geom, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3,
                                   mesh.indices.data(), 0, 3 * sizeof(uint32_t),
                                   mesh.triangleCount());
        commitAndAttach(geom, id);
    }

    void attachSphere(const Sphere& sphere, unsigned id) {
        RTCGeometry geom = rtcNewGeometry(device, RTC_GEOMETRY_TYPE_SPHERE_POINT);
        float* data = static_cast<float*>(rtcSetNewGeometryBuffer(
            geom, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT4, 4 * sizeof(float), 1));
        data[0] = sphere.center.x;
        data[1] = sphere.center.y;
        data[2] = sphere.center.z;
        data[3] = sphere.radius;
        commitAndAttach(geom, id);
    }

    void commitAndAttach(RTCGeometry geom, unsigned id) {
        rtcCommitGeometry(geom);
        rtcAttachGeometryByID(scene, geom, id);
        rtcReleaseGeometry(geom);  // the scene holds the reference now
    }
};

EmbreeScene::EmbreeScene(const std::vector<const Shape*>& shapes) : m_impl(new Impl) {
    m_impl->shapes = shapes;
    m_impl->device = rtcNewDevice(nullptr);
    if (!m_impl->device) {
        throw std::runtime_error("Embree: cannot create a device (error " +
                                 std::to_string(static_cast<int>(rtcGetDeviceError(nullptr))) +
                                 ")");
    }
    rtcSetDeviceErrorFunction(m_impl->device, reportEmbreeError, nullptr);
    m_impl->scene = rtcNewScene(m_impl->device);
    rtcSetSceneBuildQuality(m_impl->scene, RTC_BUILD_QUALITY_HIGH);
    // Robust traversal: no missed hits on shared edges (the Cornell box's corners).
    rtcSetSceneFlags(m_impl->scene, RTC_SCENE_FLAG_ROBUST);
    for (size_t i = 0; i < shapes.size(); ++i) {
        const unsigned id = static_cast<unsigned>(i);
        if (const auto* mesh = std::get_if<TriangleMesh>(shapes[i])) {
            if (!mesh->empty()) m_impl->attachMesh(*mesh, id);
        } else {
            m_impl->attachSphere(std::get<Sphere>(*shapes[i]), id);
        }
    }
    rtcCommitScene(m_impl->scene);
    if (rtcGetDeviceError(m_impl->device) != RTC_ERROR_NONE) {
        throw std::runtime_error("Embree: building the acceleration structure failed");
    }
}

EmbreeScene::~EmbreeScene() = default;

bool EmbreeScene::intersect(const Ray& ray, Hit& hit) const {
    RTCIntersectContext context;
    rtcInitIntersectContext(&context);
    RTCRayHit rh = toRtcRayHit(ray);
    rtcIntersect1(m_impl->scene, &context, &rh);
    if (rh.hit.geomID == RTC_INVALID_GEOMETRY_ID) return false;

    hit.t = rh.ray.tfar;
    hit.geometry = rh.hit.geomID;
    hit.primitive = rh.hit.primID;
    hit.position = ray.at(hit.t);
    hit.barycentric = Vec2f(rh.hit.u, rh.hit.v);
    // Normals come from our own data, not Embree's Ng, so their orientation
    // convention is ours: counter-clockwise triangles face the viewer.
    const Shape& shape = *m_impl->shapes[hit.geometry];
    if (const auto* mesh = std::get_if<TriangleMesh>(&shape)) {
        const uint32_t* tri = &mesh->indices[3 * static_cast<size_t>(hit.primitive)];
        const Vec3f& p0 = mesh->positions[tri[0]];
        const Vec3f& p1 = mesh->positions[tri[1]];
        const Vec3f& p2 = mesh->positions[tri[2]];
        hit.ng = (p1 - p0).cross(p2 - p0).normalized();
    } else {
        const Sphere& sphere = std::get<Sphere>(shape);
        hit.ng = ((hit.position - sphere.center) / sphere.radius).normalized();
    }
    return true;
}

bool EmbreeScene::intersectRaw(const Ray& ray) const {
    RTCIntersectContext context;
    rtcInitIntersectContext(&context);
    RTCRayHit rh = toRtcRayHit(ray);
    rtcIntersect1(m_impl->scene, &context, &rh);
    return rh.hit.geomID != RTC_INVALID_GEOMETRY_ID;
}

bool EmbreeScene::occluded(const Ray& ray) const {
    RTCIntersectContext context;
    rtcInitIntersectContext(&context);
    RTCRay r = toRtcRayHit(ray).ray;
    rtcOccluded1(m_impl->scene, &context, &r);
    return r.tfar < 0.0f;  // Embree sets tfar to -inf on a hit
}

Box3f EmbreeScene::bounds() const {
    RTCBounds b;
    rtcGetSceneBounds(m_impl->scene, &b);
    return Box3f(Vec3f(b.lower_x, b.lower_y, b.lower_z), Vec3f(b.upper_x, b.upper_y, b.upper_z));
}

}  // namespace rt
