// End-to-end renders through renderer_cmd: files, channels, metadata, overrides, and
// scene errors reported with file:line.
#include <gtest/gtest.h>

#include <cmath>

#include "RunCommand.h"
#include "io/ExrFile.h"
#include "io/ImageReader.h"

namespace rt {
namespace {

using test::freshDir;
using test::runRenderer;
using test::scenePath;

const char* kSmall = " -size 32 32 -scene_var pixel_samples 2 -threads 2";

TEST(RenderCli, CornellBoxWritesEveryChannelAndMetadata) {
    const auto dir = freshDir("cornell");
    const std::string out = (dir / "cornell.exr").string();
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") + " -out " + out + kSmall);
    ASSERT_EQ(r.exitCode, 0) << r.output;

    ImageBuffer image;
    Metadata metadata;
    std::string error;
    ASSERT_TRUE(readExr(out, image, metadata, error)) << error;
    EXPECT_EQ(image.width, 32);
    EXPECT_EQ(image.height, 32);
    for (const char* name : {"R", "G", "B", "A", "Z", "N.X", "N.Y", "N.Z", "albedo.R"}) {
        EXPECT_NE(image.find(name), nullptr) << name;
    }
    EXPECT_EQ(metadata.get<int>("samplesPerPixelMin"), 4);
    EXPECT_EQ(metadata.get<int>("samplesPerPixelMax"), 4);
    EXPECT_TRUE(metadata.get<double>("renderTime").has_value());
    EXPECT_TRUE(metadata.get<std::string>("rendererVersion").has_value());
    EXPECT_NE(metadata.get<std::string>("scenePath").value_or("").find("cornell_box.rdla"),
              std::string::npos);

    // The box fills the frame except where its open front shows the void at the
    // image border: the centre is fully covered, every value is finite, the image lit.
    const ImageChannel* red = image.find("R");
    const ImageChannel* alpha = image.find("A");
    double sum = 0.0, coverage = 0.0;
    for (size_t i = 0; i < image.pixelCount(); ++i) {
        ASSERT_TRUE(std::isfinite(red->floats[i]));
        sum += red->floats[i];
        coverage += alpha->floats[i];
    }
    EXPECT_EQ(alpha->floats[image.index(16, 16)], 1.0f);
    EXPECT_GT(coverage / image.pixelCount(), 0.9);
    EXPECT_GT(sum / image.pixelCount(), 0.05);
    EXPECT_FALSE(std::filesystem::exists(out + ".part"));
}

TEST(RenderCli, PngOutputIsToneMapped) {
    const auto dir = freshDir("png");
    const std::string out = (dir / "cornell.png").string();
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") + " -out " + out + kSmall);
    ASSERT_EQ(r.exitCode, 0) << r.output;
    RgbImage image;
    std::string error;
    ASSERT_TRUE(readRgbImage(out, image, error)) << error;
    EXPECT_EQ(image.width, 32);
}

TEST(RenderCli, EveryBundledSceneRenders) {
    const auto dir = freshDir("bundled");
    for (const char* scene :
         {"cornell_box.rdla", "glossy_glass.rdla", "caustic_room.rdla", "animated_shot.rdla"}) {
        const std::string out = (dir / (std::string(scene) + ".exr")).string();
        const auto r = runRenderer("-in " + scenePath(scene) + " -out " + out + kSmall);
        EXPECT_EQ(r.exitCode, 0) << scene << "\n" << r.output;
        EXPECT_EQ(r.output.find("warning"), std::string::npos) << scene << "\n" << r.output;
        EXPECT_TRUE(std::filesystem::exists(out)) << scene;
    }
}

TEST(RenderCli, SceneErrorsNameFileAndLine) {
    const auto dir = freshDir("scene_errors");
    const std::string scene = test::writeFile(dir / "broken.rdla",
                                              "SceneVariables {\n"
                                              "  image_width = 16,\n"
                                              "  image_height = = 16,\n"
                                              "}\n");
    const auto r = runRenderer("-in " + scene);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("broken.rdla:3"), std::string::npos) << r.output;
}

TEST(RenderCli, UnwritableOutputDirectoryFailsBeforeRendering) {
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") +
                               " -out /nonexistent_dir/x.exr" + kSmall);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("/nonexistent_dir"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Rendering"), std::string::npos) << r.output;
}

TEST(RenderCli, LaterSceneFilesAndSceneVarsOverride) {
    const auto dir = freshDir("override");
    const std::string extra =
        test::writeFile(dir / "override.rdla", "SceneVariables { image_width = 20 }\n");
    const std::string out = (dir / "o.exr").string();
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") + " -in " + extra + " -out " +
                               out + " -scene_var image_height 10 -scene_var pixel_samples 1");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    ImageBuffer image;
    Metadata metadata;
    std::string error;
    ASSERT_TRUE(readExr(out, image, metadata, error)) << error;
    EXPECT_EQ(image.width, 20);
    EXPECT_EQ(image.height, 10);
}

TEST(RenderCli, ThreadCountDoesNotChangeTheFile) {
    const auto dir = freshDir("threads");
    const std::string base =
        "-in " + scenePath("glossy_glass.rdla") + " -size 24 24 -scene_var pixel_samples 2 -out ";
    ASSERT_EQ(runRenderer(base + (dir / "t1.exr").string() + " -threads 1").exitCode, 0);
    ASSERT_EQ(runRenderer(base + (dir / "t2.exr").string() + " -threads 2").exitCode, 0);
    ImageBuffer a, b;
    Metadata ma, mb;
    std::string error;
    ASSERT_TRUE(readExr((dir / "t1.exr").string(), a, ma, error)) << error;
    ASSERT_TRUE(readExr((dir / "t2.exr").string(), b, mb, error)) << error;
    ASSERT_EQ(a.channels.size(), b.channels.size());
    for (size_t c = 0; c < a.channels.size(); ++c) {
        EXPECT_EQ(a.channels[c].floats, b.channels[c].floats) << a.channels[c].name;
    }
}

}  // namespace
}  // namespace rt
