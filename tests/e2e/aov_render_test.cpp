// AOV outputs end to end (doc/OUTPUT.md): light path expressions that partition the
// paths sum to the beauty pixel by pixel; state variables agree with the camera rays
// worked out by hand; math filters bound each other as they must; every AOV resumes bit
// for bit and the last checkpoint equals the final image; what we cannot write exits 2.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "ExrFiles.h"
#include "RunCommand.h"
#include "lua/SceneLoader.h"

namespace rt {
namespace {

namespace fs = std::filesystem;
using test::freshDir;
using test::readFile;
using test::runRenderer;
using test::scenePath;

test::CommandResult runOk(const std::string& args, const fs::path& dir) {
    const test::CommandResult r = runRenderer(args, dir.string());
    EXPECT_EQ(r.exitCode, 0) << args << "\n" << r.output;
    return r;
}

const ImageChannel& channel(const test::Exr& exr, const std::string& name) {
    const ImageChannel* c = exr.image.find(name);
    if (!c) {
        ADD_FAILURE() << "no channel " << name;
        static const ImageChannel none{};
        return none;
    }
    return *c;
}

// Light aov outputs named /<prefix><i> for each expression, float channels.
std::string lightAovs(const std::string& prefix, const std::vector<std::string>& expressions) {
    std::string text;
    for (size_t i = 0; i < expressions.size(); ++i) {
        text += "RenderOutput(\"/" + prefix + std::to_string(i) +
                "\") { result = \"light aov\", lpe = \"" + expressions[i] +
                "\", file_name = \"out.exr\", channel_format = \"float\" }\n";
    }
    return text;
}

// Each partition: every path is matched by exactly one of its expressions.
const std::vector<std::vector<std::string>> kPartitions = {
    {"CL", "C<RD>.*L", "C<RG>.*L", "C<RS>.*L", "C<TD>.*L", "C<TG>.*L", "C<TS>.*L"},
    {"CL", "C.L", "C..L", "C...+L"},
    {"C.*D.*L", "C[^D]*L"},
    {"C[^S]*L", "C[^S]*S.*L"},
};

std::string partitionScene(const fs::path& dir) {
    std::string text =
        "RenderOutput(\"/beauty\") { result = \"beauty\", file_name = \"out.exr\","
        " channel_format = \"float\" }\n";
    for (size_t p = 0; p < kPartitions.size(); ++p)
        text += lightAovs("p" + std::to_string(p) + "_", kPartitions[p]);
    return test::writeFile(dir / "aovs.rdla", text);
}

void expectPartitionsSumToBeauty(const fs::path& out) {
    const test::Exr exr = readFile(out);
    for (size_t p = 0; p < kPartitions.size(); ++p) {
        size_t nonZeroMembers = 0;
        for (int c = 0; c < 3; ++c) {
            const std::string rgb(1, "RGB"[c]);
            const std::vector<float>& beauty = channel(exr, rgb).floats;
            std::vector<double> sum(beauty.size(), 0.0);
            for (size_t i = 0; i < kPartitions[p].size(); ++i) {
                const std::vector<float>& part =
                    channel(exr, "p" + std::to_string(p) + "_" + std::to_string(i) + "." + rgb)
                        .floats;
                double total = 0.0;
                for (size_t k = 0; k < part.size(); ++k) {
                    sum[k] += part[k];
                    total += part[k];
                }
                if (c == 0 && total > 0.0) ++nonZeroMembers;
            }
            size_t bad = 0;
            for (size_t k = 0; k < beauty.size(); ++k) {
                if (std::abs(sum[k] - beauty[k]) >
                    1e-5 * std::max(1.0, std::abs(double(beauty[k]))))
                    ++bad;
            }
            EXPECT_EQ(bad, 0u) << "partition " << p << " channel " << rgb;
        }
        EXPECT_GE(nonZeroMembers, 2u) << "partition " << p << " is trivial in this scene";
    }
}

TEST(LightAovs, PartitionsSumToTheBeautyInAGlassAndMetalScene) {
    const fs::path dir = freshDir("aov_partitions_glass");
    runOk("-in " + scenePath("glossy_glass.rdla") + " -in " + partitionScene(dir) +
              " -size 40 30 -scene_var pixel_samples 3",
          dir);
    expectPartitionsSumToBeauty(dir / "out.exr");
}

TEST(LightAovs, PartitionsSumToTheBeautyInTheCornellBox) {
    const fs::path dir = freshDir("aov_partitions_cornell");
    // Diffuse walls only: the specular members stay black, the others split the light.
    const std::string scene =
        test::writeFile(dir / "aovs.rdla",
                        "RenderOutput(\"/beauty\") { file_name = \"out.exr\", channel_format = "
                        "\"float\" }\n" +
                            lightAovs("p0_", {"CL", "C<RD>L", "C<RD><RD>L", "C<RD><RD>.+L"}) +
                            lightAovs("p1_", {"C[^D]*L", "C.*D.*L"}));
    runOk("-in " + scenePath("cornell_box.rdla") + " -in " + scene +
              " -size 24 24 -scene_var pixel_samples 3",
          dir);
    const test::Exr exr = readFile(dir / "out.exr");
    for (int c = 0; c < 3; ++c) {
        const std::string rgb(1, "RGB"[c]);
        const auto& beauty = channel(exr, rgb).floats;
        for (const char* p : {"p0_", "p1_"}) {
            const int members = std::string(p) == "p0_" ? 4 : 2;
            size_t bad = 0;
            for (size_t k = 0; k < beauty.size(); ++k) {
                double sum = 0.0;
                for (int i = 0; i < members; ++i)
                    sum += channel(exr, p + std::to_string(i) + "." + rgb).floats[k];
                if (std::abs(sum - beauty[k]) > 1e-5 * std::max(1.0, std::abs(double(beauty[k]))))
                    ++bad;
            }
            EXPECT_EQ(bad, 0u) << p << rgb;
        }
    }
    // Direct diffuse light is a real share of the picture, not everything or nothing.
    double direct = 0.0, all = 0.0;
    for (size_t k = 0; k < channel(exr, "R").floats.size(); ++k) {
        direct += channel(exr, "p0_1.R").floats[k];
        all += channel(exr, "R").floats[k];
    }
    EXPECT_GT(direct, 0.2 * all);
    EXPECT_LT(direct, 0.95 * all);
}

// A wall facing the camera at distance 5: P, Ng and depth follow from the camera rays.
constexpr int kWallWidth = 16, kWallHeight = 12;
constexpr float kHalfWidth = 0.5f;  // film_width_aperture / 2 / focal

std::string wallScene(const fs::path& dir, const std::string& outputs) {
    return test::writeFile(dir / "wall.rdla", R"(
SceneVariables { image_width = 16, image_height = 12, pixel_samples = 4,
                 camera = PerspectiveCamera("/cam"), layer = Layer("/layer") }
PerspectiveCamera("/cam") { focal = 35, film_width_aperture = 35 }
DwaBaseMaterial("/grey") { diffuse_color = Rgb(0.5, 0.5, 0.5) }
BoxGeometry("/wall") { size = Vec3(100, 100, 1), node_xform = translate(0, 0, -5.5) }
DistantLight("/sun") {}
Layer("/layer") { {BoxGeometry("/wall"), "", DwaBaseMaterial("/grey")} }
)" + outputs);
}

TEST(StateVariables, PositionNormalAndDepthOfAWallFollowTheCameraRays) {
    const fs::path dir = freshDir("aov_state_variables");
    const std::string scene = wallScene(dir, R"(
RenderOutput("/P") { result = "state variable", state_variable = "P", file_name = "out.exr", channel_format = "float" }
RenderOutput("/Pmin") { result = "state variable", state_variable = "P", math_filter = "min", channel_name = "Pmin", file_name = "out.exr", channel_format = "float" }
RenderOutput("/Pmax") { result = "state variable", state_variable = "P", math_filter = "max", channel_name = "Pmax", file_name = "out.exr", channel_format = "float" }
RenderOutput("/Ng") { result = "state variable", state_variable = "Ng", file_name = "out.exr", channel_format = "float" }
RenderOutput("/d") { result = "state variable", state_variable = "depth", file_name = "out.exr", channel_format = "float" }
RenderOutput("/mv") { result = "state variable", state_variable = "motionvec", file_name = "out.exr" }
)");
    runOk("-in " + scene, dir);
    const test::Exr exr = readFile(dir / "out.exr");
    const float pixel = 5.0f * 2.0f * kHalfWidth / kWallWidth;  // a pixel's width on the wall
    for (int y = 0; y < kWallHeight; ++y) {
        for (int x = 0; x < kWallWidth; ++x) {
            const size_t i = static_cast<size_t>(y) * kWallWidth + x;
            const float centreX = 5.0f * (2.0f * (x + 0.5f) / kWallWidth - 1.0f) * kHalfWidth;
            const float centreY = 5.0f * (1.0f - 2.0f * (y + 0.5f) / kWallHeight) * kHalfWidth *
                                  kWallHeight / kWallWidth;
            EXPECT_NEAR(channel(exr, "P.Z").floats[i], -5.0f, 1e-4f);
            EXPECT_NEAR(channel(exr, "P.X").floats[i], centreX, 0.15f * pixel) << x << "," << y;
            EXPECT_NEAR(channel(exr, "P.Y").floats[i], centreY, 0.15f * pixel) << x << "," << y;
            EXPECT_NEAR(channel(exr, "depth").floats[i], 5.0f, 1e-4f);
            EXPECT_NEAR(channel(exr, "Ng.Z").floats[i], 1.0f, 1e-6f);
            EXPECT_EQ(channel(exr, "motionvec.X").floats[i], 0.0f);
            // The extremes of the samples' positions lie inside the pixel's footprint,
            // around the mean, and 16 stratified samples spread over most of it.
            const float lo = channel(exr, "Pmin.X").floats[i],
                        hi = channel(exr, "Pmax.X").floats[i];
            EXPECT_GE(lo, centreX - 0.5f * pixel - 1e-4f);
            EXPECT_LE(hi, centreX + 0.5f * pixel + 1e-4f);
            EXPECT_LE(lo, channel(exr, "P.X").floats[i]);
            EXPECT_GE(hi, channel(exr, "P.X").floats[i]);
            EXPECT_GT(hi - lo, 0.5f * pixel);
        }
    }
}

AovLayout layoutOf(const std::vector<std::string>& files) {
    SceneLoadOptions options;
    options.files = files;
    return aovLayoutFor(loadScene(options).outputs);
}

// Light, state variable and material AOVs with every filter that keeps state of its own,
// and a Cryptomatte.
std::string resumableAovs(const fs::path& dir) {
    return test::writeFile(dir / "aovs.rdla", R"(
RenderOutput("/beauty") { file_name = "out.exr", channel_format = "float" }
RenderOutput("/diffuse") { result = "light aov", lpe = "C<RD>.*L", file_name = "out.exr", channel_format = "float" }
RenderOutput("/direct") { result = "light aov", lpe = "C.L", math_filter = "max", file_name = "out.exr", channel_format = "float" }
RenderOutput("/P") { result = "state variable", state_variable = "P", math_filter = "closest", file_name = "out.exr", channel_format = "float" }
RenderOutput("/Pmin") { result = "state variable", state_variable = "P", math_filter = "min", channel_name = "Pmin", file_name = "out.exr", channel_format = "float" }
RenderOutput("/Nsum") { result = "state variable", state_variable = "N", math_filter = "sum", channel_name = "Nsum", file_name = "out.exr", channel_format = "float" }
RenderOutput("/crypto") { result = "cryptomatte", cryptomatte_depth = 3, file_name = "out.exr" }
RenderOutput("/dAlbedo") { result = "material aov", material_aov = "D.albedo", math_filter = "max", file_name = "out.exr", channel_format = "float" }
RenderOutput("/rDepth") { result = "material aov", material_aov = "R.depth", math_filter = "closest", file_name = "out.exr", channel_format = "float" }
)");
}

void expectResumeEqualsUninterrupted(const std::string& base, const std::string& name) {
    const fs::path dir = freshDir(name);
    const std::string aovs = resumableAovs(dir);
    const std::string args = base + " -in " + aovs + " -out out.exr -checkpoint_asfinal";
    const fs::path full = dir / "full";
    fs::create_directories(full);
    runOk(args + " -checkpoint", full);
    runOk(args + " -threads 1 -checkpoint_sample_cap 3", dir);
    runOk(args + " -threads 2 -checkpoint_sample_cap 7 -resume_render", dir);
    runOk(args + " -resume_render", dir);
    const AovLayout layout = layoutOf({scenePath("cornell_box.rdla"), aovs});
    ASSERT_EQ(layout.slots().size(), 8u);
    test::expectIdentical(full / "out.exr", dir / "out.exr", layout);
    // The last checkpoint is the final image, every AOV included (it also holds the
    // scene's other file, cornell_box.exr: one checkpoint file for all outputs).
    const test::Exr checkpoint = readFile(full / "checkpoint.exr"),
                    final = readFile(full / "out.exr");
    for (const ImageChannel& c : final.image.channels) {
        EXPECT_EQ(channel(checkpoint, c.name).floats, c.floats) << c.name;
    }
    test::expectSameState(test::readState(full / "checkpoint.exr", layout),
                          test::readState(full / "out.exr", layout));
}

TEST(AovResume, UniformCappedTwiceEqualsUninterrupted) {
    expectResumeEqualsUninterrupted(
        "-in " + scenePath("cornell_box.rdla") + " -size 24 18 -scene_var pixel_samples 3",
        "aov_resume_uniform");
}

TEST(AovResume, AdaptiveCappedTwiceEqualsUninterrupted) {
    expectResumeEqualsUninterrupted("-in " + scenePath("cornell_box.rdla") +
                                        " -size 24 18 -scene_var sampling_mode 2"
                                        " -scene_var min_adaptive_samples 4"
                                        " -scene_var max_adaptive_samples 24"
                                        " -scene_var target_adaptive_error 1000",
                                    "aov_resume_adaptive");
}

TEST(AovResume, AStateWithoutTheAovsStartsFresh) {
    const fs::path dir = freshDir("aov_resume_other_outputs");
    const std::string base = "-in " + scenePath("cornell_box.rdla") +
                             " -size 16 12 -scene_var pixel_samples 2 -out out.exr";
    runOk(base + " -checkpoint_sample_cap 2", dir);
    const test::CommandResult r = runRenderer(
        base + " -in " + resumableAovs(dir) + " -resume_render -resume_strict", dir.string());
    EXPECT_EQ(r.exitCode, 3) << r.output;
    EXPECT_NE(r.output.find("holds the state of no AOV outputs, this render writes AOVs [lpe "),
              std::string::npos)
        << r.output;
}

TEST(AovOutputs, FormatOneStateCannotHoldAovs) {
    const fs::path dir = freshDir("aov_format_one");
    const test::CommandResult r =
        runRenderer("-in " + scenePath("cornell_box.rdla") + " -in " + resumableAovs(dir) +
                        " -size 8 8 -checkpoint -scene_var checkpoint_state_format 1",
                    dir.string());
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("checkpoint_state_format 1 cannot hold"), std::string::npos)
        << r.output;
}

TEST(AovOutputs, UnsupportedOutputsExitTwoUnlessIgnored) {
    const fs::path dir = freshDir("aov_unsupported");
    const std::string scene = test::writeFile(
        dir / "filter.rdla", "\nRenderOutput(\"/filter\") { result = \"display filter\" }\n");
    const std::string args =
        "-in " + scenePath("cornell_box.rdla") + " -in " + scene + " -size 8 8 -out out.exr";
    const test::CommandResult refused = runRenderer(args, dir.string());
    EXPECT_EQ(refused.exitCode, 2) << refused.output;
    EXPECT_NE(refused.output.find("filter.rdla:2: RenderOutput '/filter': result 'display "
                                  "filter' is not supported"),
              std::string::npos)
        << refused.output;
    EXPECT_FALSE(fs::exists(dir / "out.exr"));
    const test::CommandResult ignored =
        runRenderer(args + " -ignore_unsupported_outputs", dir.string());
    EXPECT_EQ(ignored.exitCode, 0) << ignored.output;
    EXPECT_NE(ignored.output.find("ignored (-ignore_unsupported_outputs)"), std::string::npos);
    EXPECT_TRUE(fs::exists(dir / "out.exr"));
}

}  // namespace
}  // namespace rt
