// Images must not depend on the thread count, the tile size or the order tiles run in:
// every sample is a pure function of (pixel, index, dimension, seed) and every pixel
// sums its samples in index order.
#include <gtest/gtest.h>

#include <atomic>

#include "render/TileRenderer.h"
#include "session/RenderSession.h"
#include "support/FilmCompare.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

Scene busyScene() {
    Material glossy;
    glossy.diffuseColor = Color(0.7f, 0.5f, 0.3f);
    glossy.metallic = 0.5f;
    glossy.roughness = 0.3f;
    Scene scene = test::sphereScene(glossy, 24, 3);
    scene.vars.seed = 7;
    scene.lights.push_back(test::constantEnvironment(Color(0.5f)));
    LightDesc rect;
    rect.type = LightType::Rect;
    // Rect lights emit toward local -Z: at z = 3 it faces the sphere.
    rect.nodeXform = translateMatrix(Vec3f(0.0f, 0.0f, 3.0f));
    rect.color = Color(4.0f);
    scene.lights.push_back(rect);
    return scene;
}

std::vector<PixelAccumulator> render(int threads, int tileSize) {
    const Scene scene = busyScene();
    RenderOptions options;
    options.threads = threads;
    options.tileSize = tileSize;
    RenderSession session(scene, options);
    session.render();
    return session.film().pixels();
}

TEST(Determinism, ThreadCountDoesNotChangePixels) {
    EXPECT_TRUE(test::identicalPixels(render(1, 8), render(2, 8)));
}

TEST(Determinism, TileSizeDoesNotChangePixels) {
    EXPECT_TRUE(test::identicalPixels(render(2, 8), render(2, 5)));
}

// Checkpoints pause passes between tiles and continue them: the film must not notice.
TEST(Determinism, PausingAndContinuingPassesDoesNotChangePixels) {
    const Scene scene = busyScene();
    const RenderScene prepared(scene);
    const PathTracer tracer(prepared, scene.vars.maxDepth);
    TileRendererSettings settings;
    settings.seed = scene.vars.seed;
    settings.threads = 2;
    auto renderPasses = [&](bool pause) {
        Film film(scene.vars.renderWidth(), scene.vars.renderHeight());
        TileRenderer renderer(prepared, tracer, film, settings);
        std::atomic<int> calls{0};
        int pauses = 0;
        for (uint32_t target : {1u, 3u, 9u}) {
            renderer.beginPass([target](int, int) { return target; });
            // Pause at every 5th tile boundary.
            while (!renderer.continuePass([&] { return pause && ++calls % 5 == 0; })) ++pauses;
        }
        EXPECT_EQ(pauses > 0, pause);
        return film.pixels();
    };
    EXPECT_TRUE(test::identicalPixels(renderPasses(false), renderPasses(true)));
}

TEST(Determinism, SeedChangesPixels) {
    Scene a = busyScene();
    Scene b = busyScene();
    b.vars.seed = 8;
    RenderOptions options;
    RenderSession sa(a, options), sb(b, options);
    sa.render();
    sb.render();
    EXPECT_FALSE(test::identicalPixels(sa.film().pixels(), sb.film().pixels()));
}

}  // namespace
}  // namespace rt
