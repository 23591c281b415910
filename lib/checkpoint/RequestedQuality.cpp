#include "checkpoint/RequestedQuality.h"

#include <algorithm>

namespace rt {
namespace {

// The spp a uniform render ends at: its count, or a lower sample cap.
uint32_t uniformGoal(const ResumeSampling& s) {
    return s.sampleCap != 0 ? std::min(s.uniformSamples, s.sampleCap) : s.uniformSamples;
}

bool adaptiveReaches(const StoredRender& stored, const ResumeSampling& want) {
    const ResumeSampling& have = stored.header.sampling;
    if (!have.adaptive || have.minSamples != want.minSamples) return false;
    if (have.maxSamples < want.maxSamples || have.targetError > want.targetError) return false;
    // A complete adaptive render stopped where its pixels converged or hit the max: no
    // cap asked for now changes that.
    if (stored.reason == "final" && stored.header.complete) return true;
    // One stopped at its cap holds every pixel the sampler still wanted up to that cap.
    return stored.reason == "samplecap" && have.sampleCap != 0 && want.sampleCap != 0 &&
           want.sampleCap <= have.sampleCap;
}

}  // namespace

bool reachesRequest(const StoredRender& stored, const ResumeTarget& target) {
    const ResumeHeader& h = stored.header;
    if (!readableResumeFormat(h.formatVersion) || h.width != target.width ||
        h.height != target.height || h.fingerprint != target.fingerprint) {
        return false;
    }
    const ResumeSampling& want = target.sampling;
    if (want.adaptive) return adaptiveReaches(stored, want);
    // Adaptive counts differ per pixel: an adaptive image is no uniform one.
    return !h.sampling.adaptive && stored.sppMin >= uniformGoal(want);
}

}  // namespace rt
