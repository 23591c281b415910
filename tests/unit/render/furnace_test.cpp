// Furnace tests: a convex sphere under a uniform environment of radiance 1. With no
// self-occlusion, every point of a Lambert sphere of albedo a reflects exactly a; a
// clear dielectric or a white perfect mirror loses no energy, so it shows exactly 1.
#include <gtest/gtest.h>

#include "session/RenderSession.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

// Mean beauty over the pixels whose every sample hit the sphere.
double meanOverSphere(const Film& film, int channel) {
    double sum = 0.0;
    int count = 0;
    for (int y = 0; y < film.height(); ++y) {
        for (int x = 0; x < film.width(); ++x) {
            if (film.alpha(x, y) < 1.0f) continue;
            sum += film.beauty(x, y)[channel];
            ++count;
        }
    }
    EXPECT_GT(count, 50) << "the sphere must cover a good part of the image";
    return sum / count;
}

Film renderFurnace(const Material& material, int maxDepth) {
    Scene scene = test::sphereScene(material, 32, 16);
    scene.vars.maxDepth = maxDepth;
    scene.lights.push_back(test::constantEnvironment(Color(1.0f)));
    RenderOptions options;
    options.threads = 2;
    RenderSession session(scene, options);
    session.render();
    return session.film();
}

TEST(Furnace, LambertSphereReflectsItsAlbedo) {
    for (float albedo : {0.2f, 0.5f, 0.9f}) {
        const Film film = renderFurnace(test::lambert(Color(albedo)), 5);
        for (int c = 0; c < 3; ++c) {
            EXPECT_NEAR(meanOverSphere(film, c), albedo, 0.01 * albedo) << "albedo " << albedo;
        }
    }
}

TEST(Furnace, ColouredLambertKeepsChannelsApart) {
    const Film film = renderFurnace(test::lambert(Color(0.8f, 0.4f, 0.1f)), 5);
    EXPECT_NEAR(meanOverSphere(film, 0), 0.8, 0.008);
    EXPECT_NEAR(meanOverSphere(film, 1), 0.4, 0.004);
    EXPECT_NEAR(meanOverSphere(film, 2), 0.1, 0.001);
}

TEST(Furnace, ClearGlassSphereConservesEnergy) {
    Material glass;
    glass.diffuseColor = Color(1.0f);
    glass.transmission = 1.0f;
    glass.roughness = 0.0f;
    glass.refractiveIndex = 1.5f;
    const Film film = renderFurnace(glass, 64);
    EXPECT_NEAR(meanOverSphere(film, 1), 1.0, 0.01);
}

TEST(Furnace, WhiteMirrorSphereConservesEnergy) {
    Material mirror;
    mirror.diffuseColor = Color(1.0f);
    mirror.metallic = 1.0f;
    mirror.roughness = 0.0f;
    const Film film = renderFurnace(mirror, 5);
    EXPECT_NEAR(meanOverSphere(film, 1), 1.0, 0.01);
}

TEST(Furnace, DirectlyVisibleEnvironmentIsExact) {
    const Film film = renderFurnace(test::lambert(Color(0.5f)), 5);
    // Corner pixels see only the environment.
    EXPECT_EQ(film.alpha(0, 0), 0.0f);
    EXPECT_FLOAT_EQ(film.beauty(0, 0)[0], 1.0f);
}

}  // namespace
}  // namespace rt
