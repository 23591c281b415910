// Material aov and primitive attribute outputs end to end (doc/OUTPUT.md): two walls
// side by side, a diffuse one and a metal one, each filling half the picture, so every
// pixel away from the seam sees one material and its values follow from the material's
// parameters by hand.
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

// Left wall: DwaBaseMaterial diffuse (0.2, 0.4, 0.6) without a coat, label "paint",
// a constant float attribute "mask" = 0.25. Right wall: a metal of colour
// (0.9, 0.6, 0.3) and roughness 0.3, label "chrome", geometry label "hero", a constant
// colour attribute "tint".
std::string wallsScene(const fs::path& dir, const std::string& outputs) {
    return test::writeFile(dir / "walls.rdla", R"(
SceneVariables { image_width = 16, image_height = 12, pixel_samples = 2,
                 camera = PerspectiveCamera("/cam"), layer = Layer("/layer") }
PerspectiveCamera("/cam") { focal = 35, film_width_aperture = 35 }
DwaBaseMaterial("/paint") { diffuse_color = Rgb(0.2, 0.4, 0.6), specular = 0, label = "paint" }
DwaBaseMaterial("/chrome") { diffuse_color = Rgb(0.9, 0.6, 0.3), metallic = 1, roughness = 0.3,
                             label = "chrome" }
UserData("/maskData") { float_key = "mask", float_values_0 = {0.25} }
UserData("/tintData") { color_key = "tint", color_values_0 = {Rgb(0.1, 0.2, 0.3)} }
BoxGeometry("/left") { size = Vec3(50, 100, 1), node_xform = translate(-25, 0, -5.5),
                       primitive_attributes = {UserData("/maskData")} }
BoxGeometry("/right") { size = Vec3(50, 100, 1), node_xform = translate(25, 0, -5.5),
                        label = "hero", primitive_attributes = {UserData("/tintData")} }
DistantLight("/sun") {}
Layer("/layer") { {BoxGeometry("/left"), "", DwaBaseMaterial("/paint")},
                  {BoxGeometry("/right"), "", DwaBaseMaterial("/chrome")} }
)" + outputs);
}

std::string materialAov(const std::string& name, const std::string& expression,
                        const std::string& extra = "") {
    return "RenderOutput(\"/" + name + "\") { result = \"material aov\", material_aov = \"" +
           expression + "\", file_name = \"out.exr\", channel_format = \"float\"" + extra + " }\n";
}

class MaterialAovs : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        // ctest runs each case as its own process, two at once: one directory each.
        const fs::path dir = test::freshDir("material_aovs_" + std::to_string(::getpid()));
        std::string outputs;
        for (const auto& [name, expression] : std::vector<std::pair<std::string, std::string>>{
                 {"albedo", "albedo"},
                 {"dAlbedo", "D.albedo"},
                 {"gAlbedo", "G.albedo"},
                 {"color", "color"},
                 {"rough", "roughness"},
                 {"specRough", "'specular'.roughness"},
                 {"paintDiffuse", "'paint'.'diffuse'.color"},
                 {"heroMatte", "'hero'.'chrome'.'specular'.matte"},
                 {"tMatte", "T.matte"},
                 {"normal", "normal"},
                 {"emission", "emission"},
                 {"dDepth", "D.depth"},
                 {"tint", "rgb:tint"}}) {
            outputs += materialAov(name, expression);
        }
        outputs += materialAov("dDepthMin", "D.depth", ", math_filter = \"min\"");
        outputs +=
            "RenderOutput(\"/mask\") { result = \"primitive attribute\", primitive_attribute = "
            "\"mask\", primitive_attribute_type = \"FLOAT\", file_name = \"out.exr\", "
            "channel_format = \"float\" }\n";
        const test::CommandResult r =
            test::runRenderer("-in " + wallsScene(dir, outputs), dir.string());
        ASSERT_EQ(r.exitCode, 0) << r.output;
        s_exr = new test::Exr(test::readFile(dir / "out.exr"));
        fs::remove_all(dir);
    }
    static void TearDownTestSuite() {
        delete s_exr;
        s_exr = nullptr;
    }

    // Channel `name` at every pixel of one wall (the two columns at the seam left out).
    static void expectOnWall(bool right, const std::string& name, float expected,
                             float tolerance = 1e-6f) {
        const ImageChannel* c = s_exr->image.find(name);
        ASSERT_NE(c, nullptr) << name;
        for (int y = 0; y < kHeight; ++y) {
            for (int x = right ? kWidth / 2 + 1 : 0; x < (right ? kWidth : kWidth / 2 - 1); ++x) {
                EXPECT_NEAR(c->floats[static_cast<size_t>(y) * kWidth + x], expected, tolerance)
                    << name << " at " << x << "," << y;
            }
        }
    }
    static void expectRgbOnWall(bool right, const std::string& name, const Color& expected) {
        expectOnWall(right, name + ".R", expected.x);
        expectOnWall(right, name + ".G", expected.y);
        expectOnWall(right, name + ".B", expected.z);
    }

    static test::Exr* s_exr;
};

test::Exr* MaterialAovs::s_exr = nullptr;
constexpr bool kLeft = false, kRight = true;
const Color kPaint(0.2f, 0.4f, 0.6f), kChrome(0.9f, 0.6f, 0.3f), kBlack(0.0f);

TEST_F(MaterialAovs, AnUncoatedDiffuseLobeHasItsColourAsAlbedo) {
    expectRgbOnWall(kLeft, "albedo", kPaint);
    expectRgbOnWall(kLeft, "dAlbedo", kPaint);
    expectRgbOnWall(kLeft, "gAlbedo", kBlack);
    expectRgbOnWall(kLeft, "color", kPaint);
}

TEST_F(MaterialAovs, AMetalIsOneGlossyLobeOfItsColour) {
    expectRgbOnWall(kRight, "dAlbedo", kBlack);
    expectRgbOnWall(kRight, "color", kChrome);
    // Its albedo is all glossy, and a rough conductor reflects less than its colour.
    const ImageChannel* all = s_exr->image.find("albedo.R");
    const ImageChannel* glossy = s_exr->image.find("gAlbedo.R");
    ASSERT_TRUE(all && glossy);
    const size_t i = 5 * kWidth + 12;
    EXPECT_EQ(all->floats[i], glossy->floats[i]);
    EXPECT_GT(all->floats[i], 0.8f * kChrome.x);
    EXPECT_LE(all->floats[i], kChrome.x);
}

TEST_F(MaterialAovs, RoughnessAveragesTheSelectedLobes) {
    // A diffuse lobe's roughness is 1 (MoonRay's), the metal's its own; no lobe: 0.
    expectOnWall(kLeft, "rough.X", 1.0f);
    expectOnWall(kLeft, "rough.Y", 1.0f);
    expectOnWall(kRight, "rough.X", 0.3f);
    expectOnWall(kLeft, "specRough.X", 0.0f);
    expectOnWall(kRight, "specRough.Y", 0.3f);
}

TEST_F(MaterialAovs, LabelsSelectGeometryMaterialAndLobe) {
    expectRgbOnWall(kLeft, "paintDiffuse", kPaint);
    expectRgbOnWall(kRight, "paintDiffuse", kBlack);
    expectOnWall(kLeft, "heroMatte", 0.0f);
    expectOnWall(kRight, "heroMatte", 1.0f);
    expectOnWall(kLeft, "tMatte", 0.0f);  // nothing transmits
    expectOnWall(kRight, "tMatte", 0.0f);
}

TEST_F(MaterialAovs, NormalEmissionAndSelectedStateVariables) {
    for (bool wall : {kLeft, kRight}) {
        expectOnWall(wall, "normal.Z", 1.0f);
        expectOnWall(wall, "normal.X", 0.0f);
        expectRgbOnWall(wall, "emission", kBlack);
    }
    expectOnWall(kLeft, "dDepth", 5.0f, 1e-4f);
    expectOnWall(kRight, "dDepth", 0.0f);  // a glossy lobe only: not selected
    // With min, unselected samples do not count: the pixel still resolves to 0.
    expectOnWall(kLeft, "dDepthMin", 5.0f, 1e-4f);
    expectOnWall(kRight, "dDepthMin", 0.0f);
}

TEST_F(MaterialAovs, PrimitiveAttributesOfTheGeometryHit) {
    expectOnWall(kLeft, "mask", 0.25f);
    expectOnWall(kRight, "mask", 0.0f);  // the right wall has no "mask"
    expectRgbOnWall(kLeft, "tint", kBlack);
    expectRgbOnWall(kRight, "tint", Color(0.1f, 0.2f, 0.3f));
}

TEST(MaterialAovErrors, BadExpressionsAreSceneErrorsAtTheirLine) {
    const fs::path dir = test::freshDir("material_aov_errors");
    const std::string scene = wallsScene(dir, "\n" + materialAov("bad", "R.emission"));
    const test::CommandResult r = test::runRenderer("-in " + scene, dir.string());
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("walls.rdla:18: RenderOutput '/bad': material_aov 'R.emission': "
                            "emission takes no lobe selector"),
              std::string::npos)
        << r.output;
    const std::string missing =
        wallsScene(dir,
                   "RenderOutput(\"/v\") { result = \"primitive attribute\", primitive_attribute = "
                   "\"uv\", primitive_attribute_type = \"VEC2F\", file_name = \"out.exr\" }\n");
    const test::CommandResult warned = test::runRenderer("-in " + missing, dir.string());
    EXPECT_EQ(warned.exitCode, 0) << warned.output;
    EXPECT_NE(warned.output.find("no geometry has a vec2 primitive attribute 'uv'"),
              std::string::npos)
        << warned.output;
}

}  // namespace
}  // namespace rt
