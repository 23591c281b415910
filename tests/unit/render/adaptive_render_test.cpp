// Adaptive sampling in real renders: converged pixels stop, limits hold exactly, counts
// sit on the table, and the result is independent of threads and tile size.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "render/AdaptiveSchedule.h"
#include "session/RenderSession.h"
#include "support/FilmCompare.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

// A Lambert sphere (noisy) in front of a constant environment (noise-free).
Scene adaptiveScene(int minSamples, int maxSamples, float target) {
    Scene scene = test::sphereScene(test::lambert(Color(0.6f)), 24, 1);
    scene.lights.push_back(test::constantEnvironment(Color(1.0f)));
    LightDesc rect;
    rect.type = LightType::Rect;
    rect.nodeXform = translateMatrix(Vec3f(0.0f, 0.0f, 3.0f));
    rect.color = Color(3.0f);
    scene.lights.push_back(rect);
    scene.vars.extra["sampling_mode"] = "2";
    scene.vars.extra["min_adaptive_samples"] = std::to_string(minSamples);
    scene.vars.extra["max_adaptive_samples"] = std::to_string(maxSamples);
    scene.vars.extra["target_adaptive_error"] = std::to_string(target);
    return scene;
}

struct Result {
    std::vector<PixelAccumulator> pixels;
    std::vector<ConvergenceReport> reports;
    std::vector<float> errors;
};

class Recorder : public ConvergenceListener {
  public:
    void onPass(const ConvergenceReport& r) override {
        reports.push_back(r);
        reports.back().pixelErrors = nullptr;  // a view: not valid after the callback
    }
    std::vector<ConvergenceReport> reports;
};

Result render(const Scene& scene, int threads, int tileSize) {
    RenderOptions options;
    options.threads = threads;
    options.tileSize = tileSize;
    RenderSession session(scene, options);
    Recorder recorder;
    session.addListener(&recorder);
    session.render();
    return {session.film().pixels(), recorder.reports, session.pixelErrors()};
}

TEST(AdaptiveRender, BackgroundStopsAtMinWhileTheSphereGoesOn) {
    const Result r = render(adaptiveScene(16, 1024, 5.0f), 2, 8);
    const int size = 24;
    // Corner pixels see only the constant environment: zero error, done at the first
    // step at or above min (19), dilation aside.
    EXPECT_EQ(r.pixels[0].sampleCount, 19u);
    EXPECT_EQ(r.pixels[size * size - 1].sampleCount, 19u);
    // The centre of the sphere is noisy and needs more.
    EXPECT_GT(r.pixels[12 * size + 12].sampleCount, 19u);
    // The last report says the render is finished and every pixel converged.
    ASSERT_FALSE(r.reports.empty());
    EXPECT_TRUE(r.reports.back().finished);
    EXPECT_EQ(r.reports.back().activePixels, 0u);
    EXPECT_EQ(r.reports.back().samplesRemaining, 0u);
    EXPECT_DOUBLE_EQ(r.reports.back().fractionConverged, 1.0);
    // Done means: at or below the threshold, or capped (silhouette pixels, whose alpha
    // term falls slowly, can hit the cap at this strict target).
    for (size_t i = 0; i < r.pixels.size(); ++i) {
        EXPECT_TRUE(r.errors[i] <= 5.0f / 10000.0f || r.pixels[i].sampleCount == 1024u)
            << "pixel " << i << " error " << r.errors[i] << " spp " << r.pixels[i].sampleCount;
    }
}

TEST(AdaptiveRender, MinAndMaxAreRespectedAndCountsSitOnTheTable) {
    const uint32_t minSamples = 16, maxSamples = 48;
    const Result r = render(adaptiveScene(minSamples, maxSamples, 1.0f), 2, 8);
    std::set<uint32_t> allowed = {maxSamples};
    for (uint32_t k = 1; adaptiveStep(k) < maxSamples; ++k) allowed.insert(adaptiveStep(k));
    uint32_t maxSeen = 0;
    for (const PixelAccumulator& p : r.pixels) {
        EXPECT_GE(p.sampleCount, minSamples);
        EXPECT_LE(p.sampleCount, maxSamples);
        EXPECT_TRUE(allowed.count(p.sampleCount)) << p.sampleCount;
        maxSeen = std::max(maxSeen, p.sampleCount);
    }
    EXPECT_EQ(maxSeen, maxSamples);  // the noisy sphere hits the cap exactly
}

TEST(AdaptiveRender, ReportsAreConsistentPassByPass) {
    const Result r = render(adaptiveScene(16, 256, 5.0f), 2, 8);
    uint64_t previous = 0;
    for (size_t i = 0; i < r.reports.size(); ++i) {
        const ConvergenceReport& report = r.reports[i];
        EXPECT_EQ(report.pass, static_cast<int>(i));
        EXPECT_TRUE(report.adaptive);
        EXPECT_GT(report.samplesDone, previous);
        previous = report.samplesDone;
        EXPECT_LE(report.minSpp, report.maxSpp);
        EXPECT_GE(report.fractionConverged, 0.0);
        EXPECT_LE(report.fractionConverged, 1.0);
        EXPECT_EQ(report.finished, i + 1 == r.reports.size());
    }
    uint64_t total = 0;
    for (const PixelAccumulator& p : r.pixels) total += p.sampleCount;
    EXPECT_EQ(r.reports.back().samplesDone, total);
}

TEST(AdaptiveRender, ThreadsAndTileSizeDoNotChangePixelsOrSampleCounts) {
    const Scene scene = adaptiveScene(16, 256, 5.0f);
    const Result a = render(scene, 1, 8);
    const Result b = render(scene, 2, 8);
    const Result c = render(scene, 2, 5);
    EXPECT_TRUE(test::identicalPixels(a.pixels, b.pixels));
    EXPECT_TRUE(test::identicalPixels(a.pixels, c.pixels));
    EXPECT_EQ(a.reports.size(), c.reports.size());
}

TEST(UniformRender, ReportsExactRemainingSamples) {
    Scene scene = adaptiveScene(16, 256, 5.0f);
    scene.vars.extra.erase("sampling_mode");
    scene.vars.pixelSamples = 3;  // 9 spp: passes 1, 2, 4, 8, 9
    const Result r = render(scene, 2, 8);
    ASSERT_EQ(r.reports.size(), 5u);
    const uint64_t pixels = 24 * 24;
    EXPECT_EQ(r.reports[0].samplesRemaining, 8 * pixels);
    EXPECT_EQ(r.reports[2].samplesDone, 4 * pixels);
    EXPECT_EQ(r.reports[2].samplesRemaining, 5 * pixels);
    EXPECT_TRUE(r.reports.back().finished);
    EXPECT_FALSE(r.reports.back().adaptive);
    EXPECT_DOUBLE_EQ(r.reports.back().progress(), 1.0);
}

}  // namespace
}  // namespace rt
