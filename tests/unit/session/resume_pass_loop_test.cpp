// A render stopped anywhere (a sample cap off the adaptive table, a pause in the middle of
// a pass, several stops in a row) and continued from a copy of its film and pass targets
// must end with a film identical, accumulator for accumulator and bit for bit, to the same
// render run without interruption (PassLoop.h, passTargets). Without the pass targets the
// continuation differs: that is what makes these tests able to fail.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "integrator/PathTracer.h"
#include "integrator/RenderScene.h"
#include "render/AdaptiveSchedule.h"
#include "render/PassLoop.h"
#include "render/TileRenderer.h"
#include "session/FilmState.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

constexpr int kWidth = 24;
constexpr int kHeight = 16;
constexpr int kTileSize = 4;  // 6 x 4 = 24 tiles per pass
constexpr int kTilesPerPass = (kWidth / kTileSize) * (kHeight / kTileSize);

// A noisy Lambert sphere lit by a rect light in front of a constant environment: the
// environment pixels converge at the first step at or above min, the sphere's pixels at
// many different steps (a loose target), over some 15 passes.
Scene makeScene(bool adaptive) {
    Scene scene = test::sphereScene(test::lambert(Color(0.6f)), kWidth, 2);
    scene.vars.imageHeight = kHeight;
    scene.vars.seed = 11;
    scene.lights.push_back(test::constantEnvironment(Color(1.0f)));
    LightDesc rect;
    rect.type = LightType::Rect;
    rect.nodeXform = translateMatrix(Vec3f(0.0f, 0.0f, 3.0f));
    rect.color = Color(3.0f);
    scene.lights.push_back(rect);
    if (adaptive) {
        scene.vars.extra["sampling_mode"] = "2";
        scene.vars.extra["min_adaptive_samples"] = "4";
        scene.vars.extra["max_adaptive_samples"] = "256";
        scene.vars.extra["target_adaptive_error"] = "1000";
    } else {
        scene.vars.pixelSamples = 3;  // 9 spp: passes 1, 2, 4, 8, 9
    }
    return scene;
}

// A film and the targets of the pass in progress: what a checkpoint file holds.
struct State {
    Film film{kWidth, kHeight};
    std::vector<uint32_t> passTargets = std::vector<uint32_t>(kWidth * kHeight, 0);
    PassLoopResult result;
};

// Every double of an accumulator, as bits (with sampleCount, every field: a new field
// changes the size and must be compared here too).
static_assert(sizeof(PixelAccumulator) == 15 * sizeof(double) + 8,
              "PixelAccumulator changed: compare the new field below");
std::array<uint64_t, 15> bitsOf(const PixelAccumulator& p) {
    const double values[] = {
        p.radianceSum.x,    p.radianceSum.y,    p.radianceSum.z, p.alphaSum,    p.oddRadianceSum.x,
        p.oddRadianceSum.y, p.oddRadianceSum.z, p.oddAlphaSum,   p.depthSum,    p.normalSum.x,
        p.normalSum.y,      p.normalSum.z,      p.albedoSum.x,   p.albedoSum.y, p.albedoSum.z};
    std::array<uint64_t, 15> bits{};
    for (size_t i = 0; i < bits.size(); ++i) bits[i] = std::bit_cast<uint64_t>(values[i]);
    return bits;
}

// How many pixels differ in any accumulator or count.
size_t differingPixels(const Film& a, const Film& b) {
    size_t differ = 0;
    for (size_t i = 0; i < a.pixelCount(); ++i) {
        const PixelAccumulator &p = a.pixels()[i], &q = b.pixels()[i];
        if (p.sampleCount != q.sampleCount || bitsOf(p) != bitsOf(q)) ++differ;
    }
    return differ;
}

void expectIdentical(const Film& actual, const Film& expected) {
    ASSERT_EQ(actual.width(), expected.width());
    ASSERT_EQ(actual.height(), expected.height());
    size_t reported = 0;
    for (size_t i = 0; i < actual.pixelCount(); ++i) {
        const PixelAccumulator &p = actual.pixels()[i], &q = expected.pixels()[i];
        if (p.sampleCount == q.sampleCount && bitsOf(p) == bitsOf(q)) continue;
        if (++reported <= 5) {
            ADD_FAILURE() << "pixel " << i % kWidth << "," << i / kWidth << ": " << p.sampleCount
                          << " spp, expected " << q.sampleCount
                          << (p.sampleCount == q.sampleCount ? " (sums differ)" : "");
        }
    }
    EXPECT_EQ(reported, 0u) << "pixels that differ";
}

std::set<uint32_t> countsOf(const Film& film) {
    std::set<uint32_t> counts;
    for (const PixelAccumulator& p : film.pixels()) counts.insert(p.sampleCount);
    return counts;
}

// Pixels still owed samples by the pass in progress.
size_t owedPixels(const State& s) {
    size_t owed = 0;
    for (size_t i = 0; i < s.passTargets.size(); ++i) {
        if (s.passTargets[i] > s.film.pixels()[i].sampleCount) ++owed;
    }
    return owed;
}

// Pixels that already reached a target of the pass in progress above their count at
// the previous pass end: the pass really was under way.
size_t pixelsAtRaisedTarget(const State& s, const State& before) {
    size_t n = 0;
    for (size_t i = 0; i < s.passTargets.size(); ++i) {
        const uint32_t count = s.film.pixels()[i].sampleCount;
        if (count == s.passTargets[i] && count > before.film.pixels()[i].sampleCount) ++n;
    }
    return n;
}

// Where a run stops: a pause after `tiles` tile checks of the pass that starts once
// `passesDone` passes ended in this run; the boundary then stops sampling.
struct StopAt {
    int passesDone = 0;
    int tiles = 0;
};

class ResumePassLoop : public testing::TestWithParam<bool> {
  protected:
    explicit ResumePassLoop(bool adaptive = true)
        : m_scene(makeScene(adaptive)),
          m_prepared(m_scene),
          m_tracer(m_prepared, m_scene.vars.maxDepth),
          m_sampling(samplingSettings(m_scene.vars)) {}

    // Runs the pass loop on `state` with `threads`, optionally stopping, and returns it.
    State run(State state, const PassLoopHooks& extra = {}, const StopAt* stop = nullptr,
              int threads = 2) const {
        TileRendererSettings settings;
        settings.seed = m_scene.vars.seed;
        settings.tileSize = kTileSize;
        settings.threads = threads;
        TileRenderer renderer(m_prepared, m_tracer, state.film, settings);
        PassLoopHooks hooks = extra;
        std::atomic<int> passesDone{0}, calls{0};
        int pauses = 0;
        if (stop) {
            hooks.publish = [&](ConvergenceReport&) { ++passesDone; };
            hooks.pause = [&, stop] {
                return passesDone.load() >= stop->passesDone && ++calls > stop->tiles;
            };
            hooks.boundary = [&](bool passEnded, uint32_t) {
                if (!passEnded) ++pauses;
                return passEnded;  // continue at pass ends, stop at the first pause
            };
        }
        std::vector<float> errors;
        state.result = m_sampling.adaptive() ? runAdaptivePasses(renderer, state.film, m_sampling,
                                                                 errors, state.passTargets, hooks)
                                             : runUniformPasses(renderer, state.film, m_sampling,
                                                                errors, state.passTargets, hooks);
        if (stop) {
            EXPECT_EQ(pauses, 1);
            EXPECT_TRUE(state.result.stopped);
        }
        return state;
    }

    State runStopped(State state, StopAt stop, int threads = 2) const {
        return run(std::move(state), {}, &stop, threads);
    }

    State uninterrupted() const {
        State s = run(State{});
        EXPECT_FALSE(s.result.stopped);
        EXPECT_FALSE(s.result.capped);
        return s;
    }

    Scene m_scene;
    RenderScene m_prepared;
    PathTracer m_tracer;
    SamplingSettings m_sampling;
};

// What a resumed run starts from: a fresh film and vector holding the saved values,
// either copied or written to state channels and read back (FilmState.h).
State reload(const State& saved, bool throughFilmState) {
    State loaded;
    if (!throughFilmState) {
        loaded.film = saved.film;
        loaded.passTargets = saved.passTargets;
        return loaded;
    }
    ImageBuffer image(kWidth, kHeight);
    const uint64_t hash = writeFilmState(image, saved.film, saved.passTargets);
    std::string error;
    EXPECT_TRUE(readFilmState(image, hash, loaded.film, loaded.passTargets, error)) << error;
    return loaded;
}

// ---- adaptive ----

class AdaptiveResume : public ResumePassLoop {
  protected:
    AdaptiveResume() : ResumePassLoop(true) {}
};

// The reference itself must exercise what the tests rely on.
TEST_F(AdaptiveResume, ReferenceHasEarlyStoppingAndSeveralPasses) {
    const State full = uninterrupted();
    const std::set<uint32_t> counts = countsOf(full.film);
    EXPECT_EQ(*counts.begin(), 5u) << "the environment stops at the first step >= min";
    EXPECT_GT(*counts.rbegin(), 11u) << "the sphere goes beyond the step after 5";
    EXPECT_GE(counts.size(), 6u) << "pixels stop at many different steps";
    EXPECT_GE(full.result.passes, 6);
    for (uint32_t count : counts) {
        EXPECT_TRUE(count == 256u || count == adaptiveStepAtLeast(count)) << count;
    }
    EXPECT_EQ(owedPixels(full), 0u);
    // Another thread count gives the same film: the comparisons below are meaningful.
    expectIdentical(run(State{}, {}, nullptr, 1).film, full.film);
}

// (a) A sample cap off the table, between the steps 5 and 11, cuts the third pass; the
// continuation without the cap finishes that pass and the render.
TEST_P(AdaptiveResume, CapOffTheTableThenContinue) {
    const State full = uninterrupted();
    for (uint32_t limit : {7u, 10u}) {
        SCOPED_TRACE("cap " + std::to_string(limit));
        PassLoopHooks capped;
        capped.sampleLimit = limit;
        const State cut = run(State{}, capped);
        EXPECT_TRUE(cut.result.capped);
        EXPECT_FALSE(cut.result.stopped);
        EXPECT_EQ(cut.result.passes, 3);
        EXPECT_EQ(countsOf(cut.film), (std::set<uint32_t>{5u, limit}))
            << "converged pixels stayed at 5, the others hit the cap exactly";
        EXPECT_GT(owedPixels(cut), 0u) << "the pass targets keep the uncut 11";
        for (size_t i = 0; i < cut.passTargets.size(); ++i) {
            const uint32_t count = cut.film.pixels()[i].sampleCount;
            EXPECT_EQ(cut.passTargets[i], count == 5u ? 5u : 11u) << "pixel " << i;
        }

        const State resumed = run(reload(cut, GetParam()));
        EXPECT_FALSE(resumed.result.stopped);
        EXPECT_FALSE(resumed.result.capped);
        expectIdentical(resumed.film, full.film);
        EXPECT_EQ(owedPixels(resumed), 0u);
    }
}

// The same cap again adds nothing; a higher cap, then none, still ends identical.
TEST_P(AdaptiveResume, CapRaisedStepByStep) {
    const State full = uninterrupted();
    PassLoopHooks cap;
    cap.sampleLimit = 7;
    const State first = run(State{}, cap);
    const State again = run(reload(first, GetParam()), cap);
    EXPECT_TRUE(again.result.capped);
    EXPECT_EQ(differingPixels(again.film, first.film), 0u);
    cap.sampleLimit = 23;  // between 19 and 29
    const State second = run(reload(again, GetParam()), cap);
    EXPECT_TRUE(second.result.capped);
    EXPECT_EQ(*countsOf(second.film).rbegin(), 23u);
    expectIdentical(run(reload(second, GetParam())).film, full.film);
}

// (b) A pause in the middle of the third pass, the boundary stopping there.
TEST_P(AdaptiveResume, StopMidPassThenContinue) {
    const State full = uninterrupted();
    const State atPassEnd = runStopped(State{}, {2, 0});  // stops as pass 3 starts
    const State cut = runStopped(State{}, {2, 5});
    ASSERT_TRUE(cut.result.stopped);
    EXPECT_EQ(cut.result.passes, 2);
    EXPECT_GT(owedPixels(cut), 0u) << "pixels still owed samples by the interrupted pass";
    EXPECT_GT(pixelsAtRaisedTarget(cut, atPassEnd), 0u) << "the pass was under way";
    const State resumed = run(reload(cut, GetParam()));
    EXPECT_FALSE(resumed.result.stopped);
    expectIdentical(resumed.film, full.film);
}

// Stops at many places, each continued to the end.
TEST_P(AdaptiveResume, EveryStopPlaceContinuesIdentically) {
    const State full = uninterrupted();
    for (int pass = 1; pass <= 4; ++pass) {
        for (int tiles : {0, 1, kTilesPerPass / 2, kTilesPerPass - 1}) {
            SCOPED_TRACE("pass " + std::to_string(pass) + " tiles " + std::to_string(tiles));
            const State cut = runStopped(State{}, {pass, tiles}, 1);
            expectIdentical(run(reload(cut, GetParam())).film, full.film);
        }
    }
}

// Several stops in a row, on other thread counts, each run continuing the last.
TEST_P(AdaptiveResume, SeveralStopsInARow) {
    const State full = uninterrupted();
    State state = runStopped(State{}, {2, 7}, 2);
    ASSERT_GT(owedPixels(state), 0u);
    // The resumed run's first pass is the rest of the interrupted one.
    state = runStopped(reload(state, GetParam()), {0, 3}, 1);
    ASSERT_GT(owedPixels(state), 0u);
    state = runStopped(reload(state, GetParam()), {2, 11}, 2);
    ASSERT_GT(owedPixels(state), 0u);
    PassLoopHooks cap;
    cap.sampleLimit = 30;
    state = run(reload(state, GetParam()), cap);
    EXPECT_TRUE(state.result.capped);
    state = run(reload(state, GetParam()));
    expectIdentical(state.film, full.film);
}

// (d) The continuation needs the pass targets: planning afresh from a film part way
// through a pass takes other decisions, and the film ends different.
TEST_F(AdaptiveResume, WithoutPassTargetsTheContinuationDiffers) {
    const State full = uninterrupted();
    const State cut = runStopped(State{}, {2, 5});
    ASSERT_GT(owedPixels(cut), 0u);
    State lost = reload(cut, false);
    std::fill(lost.passTargets.begin(), lost.passTargets.end(), 0u);
    const State resumed = run(lost);
    EXPECT_GT(differingPixels(resumed.film, full.film), 0u);
    // The same film with its targets does end identical.
    EXPECT_EQ(differingPixels(run(reload(cut, false)).film, full.film), 0u);
}

// The cap case too: at a cap of 10 pixels are measured (and some found done) at 10
// instead of 11.
TEST_F(AdaptiveResume, WithoutPassTargetsTheCappedContinuationDiffers) {
    const State full = uninterrupted();
    PassLoopHooks cap;
    cap.sampleLimit = 10;
    const State cut = run(State{}, cap);
    State lost = reload(cut, false);
    std::fill(lost.passTargets.begin(), lost.passTargets.end(), 0u);
    EXPECT_GT(differingPixels(run(lost).film, full.film), 0u);
    EXPECT_EQ(differingPixels(run(reload(cut, false)).film, full.film), 0u);
}

INSTANTIATE_TEST_SUITE_P(ResumePassLoop, AdaptiveResume, testing::Bool(),
                         [](const testing::TestParamInfo<bool>& info) {
                             return info.param ? "ThroughFilmState" : "Copied";
                         });

// ---- uniform ----

class UniformResume : public ResumePassLoop {
  protected:
    UniformResume() : ResumePassLoop(false) {}
};

// (c) A uniform pass stopped part way: some pixels hold the pass's target, others the
// previous one.
TEST_P(UniformResume, StopMidPassThenContinue) {
    const State full = uninterrupted();
    EXPECT_EQ(countsOf(full.film), (std::set<uint32_t>{9u}));
    EXPECT_EQ(full.result.passes, 5);
    const State cut = runStopped(State{}, {2, 10});  // in the pass to 4 spp
    EXPECT_EQ(cut.result.passes, 2);
    EXPECT_EQ(countsOf(cut.film), (std::set<uint32_t>{2u, 4u}));
    EXPECT_EQ(cut.passTargets, std::vector<uint32_t>(kWidth * kHeight, 4u));
    EXPECT_GT(owedPixels(cut), 0u);
    const State resumed = run(reload(cut, GetParam()));
    EXPECT_FALSE(resumed.result.stopped);
    expectIdentical(resumed.film, full.film);
}

TEST_P(UniformResume, EveryStopPlaceContinuesIdentically) {
    const State full = uninterrupted();
    for (int pass = 0; pass <= 4; ++pass) {
        for (int tiles : {0, 3, kTilesPerPass - 1}) {
            SCOPED_TRACE("pass " + std::to_string(pass) + " tiles " + std::to_string(tiles));
            const State cut = runStopped(State{}, {pass, tiles}, 1);
            expectIdentical(run(reload(cut, GetParam())).film, full.film);
        }
    }
}

// A cap off the doubling schedule (3) ends a shortened schedule; continuing without it
// takes the remaining passes.
TEST_P(UniformResume, CapOffTheScheduleThenContinue) {
    const State full = uninterrupted();
    PassLoopHooks cap;
    cap.sampleLimit = 3;
    const State cut = run(State{}, cap);
    EXPECT_TRUE(cut.result.capped);
    EXPECT_EQ(countsOf(cut.film), (std::set<uint32_t>{3u}));
    const State resumed = run(reload(cut, GetParam()));
    EXPECT_FALSE(resumed.result.capped);
    EXPECT_EQ(resumed.result.passes, 3);  // 4, 8, 9
    expectIdentical(resumed.film, full.film);
}

// Quality-mode checkpoint counts add pass ends; they do not change the film, before or
// after a resume.
TEST_P(UniformResume, ExtraPassEndsDoNotChangeTheContinuation) {
    const State full = uninterrupted();
    PassLoopHooks extra;
    extra.extraUniformTargets = {3, 5, 7};  // passes 1, 2, 3, 4, 5, 7, 8, 9
    const StopAt stop{4, 6};                // in the pass to 5 spp
    const State cut = run(State{}, extra, &stop);
    EXPECT_EQ(countsOf(cut.film), (std::set<uint32_t>{4u, 5u}));
    ASSERT_GT(owedPixels(cut), 0u);
    const State resumed = run(reload(cut, GetParam()), extra);
    expectIdentical(resumed.film, full.film);
}

INSTANTIATE_TEST_SUITE_P(ResumePassLoop, UniformResume, testing::Bool(),
                         [](const testing::TestParamInfo<bool>& info) {
                             return info.param ? "ThroughFilmState" : "Copied";
                         });

}  // namespace
}  // namespace rt
