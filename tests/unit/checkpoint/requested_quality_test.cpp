// reachesRequest: which images on disk a sequence rerun may skip (RequestedQuality.h).
#include <gtest/gtest.h>

#include "checkpoint/RequestedQuality.h"

namespace rt {
namespace {

ResumeTarget uniformTarget(uint32_t spp, uint32_t cap) {
    ResumeTarget t;
    t.fingerprint = 42;
    t.width = 8;
    t.height = 4;
    t.sampling.uniformSamples = spp;
    t.sampling.sampleCap = cap;
    return t;
}

StoredRender storedUniform(uint32_t spp, uint32_t sppMin, const char* reason) {
    StoredRender s;
    s.header.fingerprint = 42;
    s.header.width = 8;
    s.header.height = 4;
    s.header.sampling.uniformSamples = spp;
    s.sppMin = s.sppMax = sppMin;
    s.reason = reason;
    s.header.complete = std::string(reason) == "final";
    return s;
}

ResumeTarget adaptiveTarget(float error, uint32_t cap) {
    ResumeTarget t = uniformTarget(0, cap);
    t.sampling.adaptive = true;
    t.sampling.minSamples = 4;
    t.sampling.maxSamples = 256;
    t.sampling.targetError = error;
    return t;
}

StoredRender storedAdaptive(float error, uint32_t cap, const char* reason) {
    StoredRender s = storedUniform(0, 4, reason);
    s.header.sampling = adaptiveTarget(error, cap).sampling;
    s.sppMax = cap != 0 ? cap : 256;
    return s;
}

TEST(RequestedQuality, UniformCountsEveryPixelsSamples) {
    EXPECT_TRUE(reachesRequest(storedUniform(64, 16, "samplecap"), uniformTarget(64, 16)));
    EXPECT_FALSE(reachesRequest(storedUniform(64, 16, "samplecap"), uniformTarget(64, 32)));
    EXPECT_FALSE(reachesRequest(storedUniform(64, 16, "samplecap"), uniformTarget(64, 0)));
    EXPECT_TRUE(reachesRequest(storedUniform(64, 64, "final"), uniformTarget(64, 0)));
    // Past the request: a final frame is not redone by a draft rerun or a lower count.
    EXPECT_TRUE(reachesRequest(storedUniform(64, 64, "final"), uniformTarget(64, 16)));
    EXPECT_TRUE(reachesRequest(storedUniform(64, 64, "final"), uniformTarget(16, 0)));
    // Stopped by a signal or a time cap short of it: not there.
    EXPECT_FALSE(reachesRequest(storedUniform(64, 9, "signal"), uniformTarget(64, 16)));
}

TEST(RequestedQuality, AnotherSceneSizeOrFormatNeverCounts) {
    const ResumeTarget want = uniformTarget(16, 0);
    StoredRender s = storedUniform(16, 16, "final");
    s.header.fingerprint = 43;
    EXPECT_FALSE(reachesRequest(s, want));
    s = storedUniform(16, 16, "final");
    s.header.width = 9;
    EXPECT_FALSE(reachesRequest(s, want));
    s = storedUniform(16, 16, "final");
    s.header.formatVersion = kResumeFormatVersion + 1;
    EXPECT_FALSE(reachesRequest(s, want));
}

TEST(RequestedQuality, AdaptiveNeedsAnEndedRunAtLeastAsTight) {
    EXPECT_TRUE(reachesRequest(storedAdaptive(0.05f, 0, "final"), adaptiveTarget(0.05f, 0)));
    EXPECT_TRUE(reachesRequest(storedAdaptive(0.02f, 0, "final"), adaptiveTarget(0.05f, 0)));
    EXPECT_FALSE(reachesRequest(storedAdaptive(0.2f, 0, "final"), adaptiveTarget(0.05f, 0)));
    // Ended at a cap: counts for that cap or a lower one only.
    EXPECT_TRUE(reachesRequest(storedAdaptive(0.05f, 16, "samplecap"), adaptiveTarget(0.05f, 16)));
    EXPECT_TRUE(reachesRequest(storedAdaptive(0.05f, 16, "samplecap"), adaptiveTarget(0.05f, 8)));
    EXPECT_FALSE(reachesRequest(storedAdaptive(0.05f, 16, "samplecap"), adaptiveTarget(0.05f, 0)));
    EXPECT_FALSE(reachesRequest(storedAdaptive(0.05f, 16, "samplecap"), adaptiveTarget(0.05f, 32)));
    // Interrupted mid-pass at the cap's spp: some pixels still owed samples.
    EXPECT_FALSE(reachesRequest(storedAdaptive(0.05f, 16, "signal"), adaptiveTarget(0.05f, 16)));
    // Another min, a lower max, or a uniform image: not the adaptive render asked for.
    StoredRender otherMin = storedAdaptive(0.05f, 0, "final");
    otherMin.header.sampling.minSamples = 8;
    EXPECT_FALSE(reachesRequest(otherMin, adaptiveTarget(0.05f, 0)));
    StoredRender lowerMax = storedAdaptive(0.05f, 0, "final");
    lowerMax.header.sampling.maxSamples = 64;
    EXPECT_FALSE(reachesRequest(lowerMax, adaptiveTarget(0.05f, 0)));
    EXPECT_FALSE(reachesRequest(storedUniform(256, 256, "final"), adaptiveTarget(0.05f, 0)));
    EXPECT_FALSE(reachesRequest(storedAdaptive(0.05f, 0, "final"), uniformTarget(16, 0)));
}

}  // namespace
}  // namespace rt
