// St, dPds and dPdt worked out by hand for a triangle and a sphere.
#include <gtest/gtest.h>

#include "geometry/SurfaceParameters.h"

namespace rt {
namespace {

TEST(SurfaceParameters, ATriangleInterpolatesItsUvsAndDifferentiatesAlongThem) {
    TriangleMesh mesh;
    mesh.positions = {Vec3f(0, 0, 0), Vec3f(2, 0, 0), Vec3f(0, 4, 0)};
    mesh.indices = {0, 1, 2};
    mesh.uvs = {Vec2f(0, 0), Vec2f(1, 0), Vec2f(0, 1)};
    const SurfaceParameters sp = meshSurfaceParameters(mesh, 0, Vec2f(0.25f, 0.5f));
    EXPECT_FLOAT_EQ(sp.st.x, 0.25f);
    EXPECT_FLOAT_EQ(sp.st.y, 0.5f);
    // s runs along x over 2 units, t along y over 4.
    EXPECT_EQ(sp.dPds, Vec3f(2, 0, 0));
    EXPECT_EQ(sp.dPdt, Vec3f(0, 4, 0));
    mesh.uvs.clear();
    const SurfaceParameters none = meshSurfaceParameters(mesh, 0, Vec2f(0.25f, 0.5f));
    EXPECT_EQ(none.st, Vec2f(0, 0));
    EXPECT_EQ(none.dPds, Vec3f(0, 0, 0));
}

TEST(SurfaceParameters, ASphereUsesSphericalCoordinatesAboutItsOwnPole) {
    Sphere sphere;
    sphere.center = Vec3f(1, 1, 1);
    sphere.radius = 2.0f;
    // On the equator at +y: phi = pi/2, theta = pi/2.
    const SurfaceParameters sp = sphereSurfaceParameters(sphere, Vec3f(1, 3, 1));
    EXPECT_NEAR(sp.st.x, 0.25f, 1e-6f);
    EXPECT_NEAR(sp.st.y, 0.5f, 1e-6f);
    const float pi = 3.14159265f;
    EXPECT_NEAR(sp.dPds.x, -2 * pi * 2, 1e-4f);  // (-2 pi y, 2 pi x, 0)
    EXPECT_NEAR(sp.dPds.y, 0.0f, 1e-4f);
    EXPECT_NEAR(sp.dPdt.z, pi * 2, 1e-4f);  // t grows toward +z
    // Rotated so that its pole is world +x: the world +x point is its t = 1 pole.
    sphere.xAxis = Vec3f(0, 1, 0);
    sphere.yAxis = Vec3f(0, 0, 1);
    sphere.zAxis = Vec3f(1, 0, 0);
    EXPECT_NEAR(sphereSurfaceParameters(sphere, Vec3f(3, 1, 1)).st.y, 1.0f, 1e-6f);
}

}  // namespace
}  // namespace rt
