#include "integrator/PathTracer.h"

#include <limits>

#include "integrator/FirstHitAovs.h"
#include "shading/Bsdf.h"

namespace rt {
namespace {

float powerHeuristic(float pdfA, float pdfB) {
    const float a = pdfA * pdfA, b = pdfB * pdfB;
    if (std::isinf(a)) return 1.0f;
    return a + b > 0.0f ? a / (a + b) : 0.0f;
}

// Russian roulette starts after this many bounces; survivors are reweighted, so the
// estimate stays unbiased.
constexpr int kRouletteStartDepth = 3;

// The fixed dimension block of one path vertex (doc/INTEGRATOR.md), read lazily: a value
// the vertex does not need is never computed, and the layout stays fixed. 2D values sit
// on even dimensions, which the sampler stratifies jointly.
class VertexSamples {
  public:
    VertexSamples(PixelSampler& sampler, int depth)
        : m_sampler(sampler),
          m_base(kCameraDimensions + static_cast<uint32_t>(depth) * kDimensionsPerBounce) {}

    Vec2f light() { return pair(0); }
    Vec2f bsdf() { return pair(2); }
    float lightChoice() { return single(4); }
    float lobe() { return single(5); }
    float roulette() { return single(6); }

  private:
    Vec2f pair(uint32_t offset) {
        m_sampler.setDimension(m_base + offset);
        return m_sampler.get2D();
    }
    float single(uint32_t offset) {
        m_sampler.setDimension(m_base + offset);
        return m_sampler.get1D();
    }

    PixelSampler& m_sampler;
    uint32_t m_base;
};

// Where a path came from, for weighting emission that the next ray finds.
struct PathState {
    bool fromCamera = true;
    bool lastScatterDelta = true;
    float lastScatterPdf = 0.0f;
    int lastLightSet = -1;
    uint32_t lastGeometry = 0;  // whose light filters act on the emission found next
};

}  // namespace

PixelSample PathTracer::trace(const Ray& cameraRay, PixelSampler& sampler, TraceCounters& counters,
                              SampleAovs* aovs) const {
    PixelSample out;
    const auto& lights = m_scene.lights();
    Color radiance(0.0f), throughput(1.0f);
    Ray ray = cameraRay;
    PathState state;
    const bool lightPaths = aovs && aovs->tracksLightPaths();
    if (aovs) aovs->begin();

    // Emission found by the current ray: visible lights for camera rays, otherwise
    // lights of the last surface's light set, MIS-weighted against light sampling.
    auto addEmission = [&](int light, const LightHit& lightHit) {
        Color contribution;
        if (state.fromCamera) {
            if (!lights[light]->visibleInCamera()) return;
            contribution = throughput * lightHit.radiance;
        } else {
            if (!m_scene.illuminates(state.lastLightSet, light)) return;
            float weight = 1.0f;
            if (!state.lastScatterDelta) {
                const float choice = 1.0f / m_scene.lightsOf(state.lastLightSet).size();
                weight = powerHeuristic(state.lastScatterPdf, lightHit.pdf * choice);
            }
            contribution = throughput * lightHit.radiance *
                           m_scene.lightFilterScale(state.lastGeometry, light) * weight;
        }
        radiance += contribution;
        if (lightPaths) aovs->creditLight(contribution, m_aovPrograms->lightEvent(light));
    };

    for (int depth = 0;; ++depth) {
        Hit hit;
        const bool hitSurface = m_scene.accel().intersect(ray, hit);
        ++counters.rays;

        // Lights are not occluders (as in MoonRay): a ray collects the emission of every
        // light it crosses before the surface it hits. Shadow rays likewise test geometry
        // only, which keeps light sampling and BSDF sampling consistent for MIS.
        // A light with a max_shadow_distance is not shadowed by a surface hit beyond it
        // (MoonRay): its emission counts as if the ray had not stopped there, exactly
        // as its shadow rays below ignore such occluders.
        const float hitDistance = hitSurface ? hit.t * ray.dir.length() : 0.0f;
        auto occludes = [&](int light) {
            const float limit = lights[light]->maxShadowDistance();
            return hitSurface && !(limit > 0.0f && hitDistance > limit && !state.fromCamera);
        };
        Ray segment = ray;
        for (int light : m_scene.finiteLights()) {
            segment.tFar = occludes(light) ? hit.t : ray.tFar;
            LightHit lightHit;
            const bool found = state.fromCamera
                                   ? lights[light]->intersectFromCamera(segment, lightHit)
                                   : lights[light]->intersect(segment, lightHit);
            if (found) addEmission(light, lightHit);
        }
        const Vec3f dir = ray.dir.normalized();
        for (int light : m_scene.infiniteLights()) {
            LightHit lightHit;
            if (!occludes(light) && lights[light]->escaped(ray.org, dir, lightHit))
                addEmission(light, lightHit);
        }
        if (!hitSurface) break;

        const Bsdf bsdf(m_scene.material(hit.geometry), hit.ng,
                        m_scene.diffuseColor(hit.geometry, hit.primitive));
        const Vec3f wo = -ray.dir.normalized();
        if (state.fromCamera) {
            out.alpha = 1.0f;
            out.depth = m_scene.camera().depth(hit.position);
            out.normal = hit.ng.dot(wo) >= 0.0f ? hit.ng : -hit.ng;
            out.albedo = bsdf.albedo();
            if (aovs)
                writeFirstHitAovs(*m_aovPrograms, {hit, out.normal, out.depth, bsdf},
                                  aovs->values());
        }
        if (depth >= m_maxDepth) break;

        VertexSamples u(sampler, depth);

        // Next-event estimation: one light of this surface's light set, chosen uniformly.
        const int lightSet = m_scene.lightSet(hit.geometry);
        const std::vector<int>& setLights = m_scene.lightsOf(lightSet);
        if (!setLights.empty() && bsdf.hasNonDeltaLobes()) {
            const size_t count = setLights.size();
            const size_t chosen =
                count == 1 ? 0 : std::min(static_cast<size_t>(u.lightChoice() * count), count - 1);
            LightSample ls;
            const bool sampled = lights[setLights[chosen]]->sample(hit.position, u.light(), ls);
            // Light filters act on both strategies alike, so the MIS weights (pdfs only)
            // stay as they are and the filtered estimate stays unbiased.
            if (sampled) ls.radiance *= m_scene.lightFilterScale(hit.geometry, setLights[chosen]);
            if (sampled && ls.pdf > 0.0f && !isBlack(ls.radiance)) {
                const Color f = bsdf.eval(wo, ls.wi);
                bool reached = false;
                if (!isBlack(f)) {
                    Ray shadow;
                    shadow.org = offsetRayOrigin(hit.position, hit.ng, ls.wi);
                    shadow.dir = ls.wi;
                    shadow.tFar = std::isinf(ls.distance) ? std::numeric_limits<float>::infinity()
                                                          : ls.distance * (1.0f - 1e-4f);
                    const float limit = lights[setLights[chosen]]->maxShadowDistance();
                    if (limit > 0.0f) shadow.tFar = std::min(shadow.tFar, limit);
                    ++counters.rays;
                    reached = !m_scene.accel().occluded(shadow);
                    if (reached) {
                        const float lightPdf = ls.pdf / static_cast<float>(count);
                        const float weight = powerHeuristic(lightPdf, bsdf.pdf(wo, ls.wi));
                        radiance += throughput * f * ls.radiance * (weight / lightPdf);
                        if (lightPaths) {
                            // Each lobe's share goes to the paths through that lobe.
                            const Color perF = throughput * ls.radiance * (weight / lightPdf);
                            const char type = ls.wi.dot(hit.ng) * wo.dot(hit.ng) > 0.0f ? 'R' : 'T';
                            const int light = m_aovPrograms->lightEvent(setLights[chosen]);
                            LobeValue lobes[4];
                            const int n = bsdf.evalLobes(wo, ls.wi, lobes);
                            for (int k = 0; k < n; ++k) {
                                aovs->creditLight(perF * lobes[k].f,
                                                  m_aovPrograms->surfaceEvent(
                                                      type, lobes[k].scatter, hit.geometry),
                                                  light);
                            }
                        }
                    }
                }
                if (state.fromCamera && aovs && aovs->countsVisibility())
                    countVisibility(bsdf, wo, ls.wi, hit, setLights[chosen], reached, *aovs);
            }
        }

        BsdfSample bs;
        if (!bsdf.sample(wo, u.lobe(), u.bsdf(), bs)) break;
        throughput *= bs.weight;
        if (isBlack(throughput) || !isFinite(throughput)) break;
        if (lightPaths) scatterLightPaths(bsdf, wo, bs, hit.geometry, *aovs);
        state.fromCamera = false;
        state.lastScatterDelta = bs.isDelta;
        state.lastScatterPdf = bs.pdf;
        state.lastLightSet = lightSet;
        state.lastGeometry = hit.geometry;

        if (depth >= kRouletteStartDepth) {
            const float survive = std::min(1.0f, maxComponent(throughput));
            if (u.roulette() >= survive) break;
            throughput /= survive;
        }

        ray.org = offsetRayOrigin(hit.position, hit.ng, bs.wi);
        ray.dir = bs.wi;
        ray.tNear = 0.0f;
        ray.tFar = std::numeric_limits<float>::infinity();
    }

    // A non-finite sample would poison the pixel's sums forever: drop its radiance and
    // count it, so the render reports the problem instead of hiding it.
    if (isFinite(radiance)) {
        out.radiance = radiance;
    } else {
        ++counters.nonFiniteSamples;
        if (aovs) aovs->clear();
    }
    if (aovs) aovs->writeVarianceSources(out);
    return out;
}

}  // namespace rt

namespace rt {

void PathTracer::scatterLightPaths(const Bsdf& bsdf, const Vec3f& wo, const BsdfSample& sample,
                                   uint32_t geometry, SampleAovs& aovs) const {
    const char type = sample.isTransmission ? 'T' : 'R';
    SampleAovs::Branch branches[4];
    if (sample.isDelta) {
        branches[0] = {m_aovPrograms->surfaceEvent(type, sample.scatter, geometry), Color(1.0f)};
        aovs.scatter(branches, 1);
        return;
    }
    // The direction could have come from any non-delta lobe (one-sample MIS over the
    // lobes): the throughput splits by each lobe's share of f, channel by channel.
    LobeValue lobes[4];
    const int n = bsdf.evalLobes(wo, sample.wi, lobes);
    Color total(0.0f);
    for (int k = 0; k < n; ++k) total += lobes[k].f;
    auto share = [](float part, float whole) { return whole > 0.0f ? part / whole : 0.0f; };
    int count = 0;
    for (int k = 0; k < n; ++k) {
        if (isBlack(lobes[k].f)) continue;
        branches[count++] = {m_aovPrograms->surfaceEvent(type, lobes[k].scatter, geometry),
                             Color(share(lobes[k].f.x, total.x), share(lobes[k].f.y, total.y),
                                   share(lobes[k].f.z, total.z))};
    }
    aovs.scatter(branches, count);
}

// The light sample's path goes camera -> this surface through one of the BSDF's lobes
// (reflection or transmission by the side of the light) -> the light.
void PathTracer::countVisibility(const Bsdf& bsdf, const Vec3f& wo, const Vec3f& wi, const Hit& hit,
                                 int light, bool reached, SampleAovs& aovs) const {
    const char type = wi.dot(hit.ng) * wo.dot(hit.ng) > 0.0f ? 'R' : 'T';
    LobeValue lobes[4];
    const int n = bsdf.evalLobes(wo, wi, lobes);
    int events[4];
    for (int k = 0; k < n; ++k)
        events[k] = m_aovPrograms->surfaceEvent(type, lobes[k].scatter, hit.geometry);
    aovs.countLightSample(events, n, m_aovPrograms->lightEvent(light), reached);
}

}  // namespace rt
