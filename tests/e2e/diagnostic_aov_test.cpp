// Visibility, variance, wireframe and time per pixel outputs end to end (doc/OUTPUT.md).
// One quad wall faces the camera, its border at half-pixel positions; a DistantLight
// shines along -Z, and a board behind the camera (which it never sees) shadows the
// wall's right half. So every value follows from the layout by hand: a sample on the
// left half reaches the light, one on the right half does not; a pixel straddling the
// wall's border is on its wireframe wherever it is on the wall; a sample's alpha is 0
// or 1, so the alpha's variance is a(1 - a) n / (n - 1) of its own mean a.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt {
namespace {

namespace fs = std::filesystem;

constexpr int kWidth = 16, kHeight = 12;

// At distance 5 the 35 mm lens on 35 mm film sees x in [-2.5, 2.5] over 16 pixels
// (0.3125 a pixel) and y in [-1.875, 1.875] over 12. The wall spans film x 3.5 .. 12.5
// and film y 2.5 .. 9.5: world x +-1.40625, y +-1.09375.
const char* kScene = R"(
SceneVariables { image_width = 16, image_height = 12, pixel_samples = 4, max_depth = 1,
                 camera = PerspectiveCamera("/cam"), layer = Layer("/layer") }
PerspectiveCamera("/cam") { focal = 35, film_width_aperture = 35 }
DwaBaseMaterial("/paint") { diffuse_color = Rgb(0.5, 0.5, 0.5), specular = 0 }
RdlMeshGeometry("/wall") {
    face_vertex_count = {4}, vertices_by_index = {0, 1, 2, 3},
    vertex_list_0 = {Vec3(-1.40625, -1.09375, -5), Vec3(1.40625, -1.09375, -5),
                     Vec3(1.40625, 1.09375, -5), Vec3(-1.40625, 1.09375, -5)} }
BoxGeometry("/board") { size = Vec3(100, 100, 0.1), node_xform = translate(50.2, 0, 1) }
DistantLight("/sun") { angular_extent = 0.001 }
Layer("/layer") { {RdlMeshGeometry("/wall"), "", DwaBaseMaterial("/paint")},
                  {BoxGeometry("/board"), "", DwaBaseMaterial("/paint")} }
RenderOutput("/beauty") { result = "beauty", file_name = "out.exr", channel_format = "float" }
RenderOutput("/alpha") { result = "alpha", file_name = "out.exr", channel_format = "float" }
RenderOutput("/vis") { result = "visibility aov", file_name = "out.exr", channel_format = "float" }
RenderOutput("/alphaVar") { result = "variance aov", reference_render_output = RenderOutput("/alpha"),
                            file_name = "out.exr", channel_format = "float" }
RenderOutput("/beautyVar") { result = "variance aov", reference_render_output = "/beauty",
                             file_name = "out.exr", channel_format = "float" }
RenderOutput("/wire") { result = "wireframe", file_name = "out.exr", channel_format = "float" }
RenderOutput("/time") { result = "time per pixel", file_name = "out.exr", channel_format = "float" }
)";

class DiagnosticAovs : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        // ctest runs each case as its own process, two at once: one directory each.
        const fs::path dir = test::freshDir("diagnostic_aovs_" + std::to_string(::getpid()));
        const test::CommandResult r = test::runRenderer(
            "-in " + test::writeFile(dir / "scene.rdla", kScene) + " -threads 2", dir.string());
        ASSERT_EQ(r.exitCode, 0) << r.output;
        s_exr = new test::Exr(test::readFile(dir / "out.exr"));
        fs::remove_all(dir);
    }
    static void TearDownTestSuite() {
        delete s_exr;
        s_exr = nullptr;
    }
    void SetUp() override { ASSERT_NE(s_exr, nullptr) << "the render failed"; }

    static float at(const std::string& channel, int x, int y) {
        const ImageChannel* c = s_exr->image.find(channel);
        EXPECT_NE(c, nullptr) << channel;
        return c ? c->floats[static_cast<size_t>(y) * kWidth + x] : NAN;
    }

    static test::Exr* s_exr;
};

test::Exr* DiagnosticAovs::s_exr = nullptr;

TEST_F(DiagnosticAovs, VisibilityIsTheShareOfLightSamplesThatReachTheLight) {
    for (int y = 3; y <= 8; ++y) {
        for (int x = 4; x <= 7; ++x) EXPECT_EQ(at("vis", x, y), 1.0f) << x << "," << y;
        for (int x = 9; x <= 11; ++x) EXPECT_EQ(at("vis", x, y), 0.0f) << x << "," << y;
    }
    // Off the wall no light sample is taken: 0, not NaN.
    for (int y = 0; y < kHeight; ++y) EXPECT_EQ(at("vis", 0, y), 0.0f);
    EXPECT_GT(at("R", 5, 5), 0.0f);  // the lit half is lit
    EXPECT_EQ(at("R", 10, 5), 0.0f);
}

TEST_F(DiagnosticAovs, AlphaVarianceFollowsFromTheAlphaByHand) {
    const int n = 16;  // pixel_samples 4 squared, uniform
    int straddling = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            const float a = at("A", x, y);
            EXPECT_NEAR(at("alphaVar", x, y), a * (1.0f - a) * n / (n - 1), 1e-6f) << x << "," << y;
            if (a > 0.0f && a < 1.0f) ++straddling;
        }
    }
    EXPECT_GT(straddling, 0);  // the check saw partly covered pixels
}

TEST_F(DiagnosticAovs, BeautyVarianceIsZeroWhereEverySampleSeesTheSame) {
    // Inside each half every sample gives the same radiance (one direct light, no
    // bounce, a light of 0.001 degrees): no variance. At the border samples differ.
    for (int y = 3; y <= 8; ++y) {
        for (int x : {4, 5, 6, 7, 9, 10, 11}) EXPECT_NEAR(at("beautyVar", x, y), 0.0f, 1e-9f);
    }
    EXPECT_GT(at("beautyVar", 3, 5), 0.0f);
}

TEST_F(DiagnosticAovs, WireframeDrawsTheAuthoredEdgesOnly) {
    for (int y = 3; y <= 8; ++y) {
        // The pixel column across the left edge: every sample on the wall there is within
        // half a pixel of the edge, so the wireframe equals the coverage.
        EXPECT_EQ(at("wire", 3, y), at("A", 3, y)) << y;
        EXPECT_GT(at("wire", 3, y), 0.0f) << y;
        // Inside: at least 1.5 pixels from every border; the quad's diagonal, which
        // triangulation added, crosses here and is not drawn.
        for (int x = 5; x <= 10; ++x)
            if (y >= 4 && y <= 7) EXPECT_EQ(at("wire", x, y), 0.0f) << x << "," << y;
    }
    for (int x = 0; x < kWidth; ++x) EXPECT_EQ(at("wire", x, 0), 0.0f);  // off the wall
}

TEST_F(DiagnosticAovs, TimePerPixelIsPositiveSeconds) {
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            const float t = at("time", x, y);
            EXPECT_GT(t, 0.0f) << x << "," << y;
            EXPECT_LT(t, 10.0f) << x << "," << y;
        }
    }
}

}  // namespace
}  // namespace rt
