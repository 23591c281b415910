// Adaptive sampling, progress, -stats and -stats_plot through renderer_cmd.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "RunCommand.h"
#include "io/ExrFile.h"
#include "io/ImageReader.h"

namespace rt {
namespace {

using test::freshDir;
using test::runRenderer;
using test::scenePath;

const std::string kAdaptive =
    " -size 32 24 -scene_var sampling_mode adaptive"
    " -scene_var min_adaptive_samples 4 -scene_var max_adaptive_samples 64"
    " -scene_var target_adaptive_error 200";

std::vector<nlohmann::json> readJsonLines(const std::string& path) {
    std::vector<nlohmann::json> lines;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line));
    return lines;
}

TEST(AdaptiveCli, StatsPlotProgressAndDiagnosticOutputs) {
    const auto dir = freshDir("adaptive_cli");
    const std::string scene = test::writeFile(
        dir / "diag.rdla", "RenderOutput(\"/err\") { result = \"error\", file_name = \"" +
                               (dir / "diag.exr").string() +
                               "\", channel_format = \"float\" }\n"
                               "RenderOutput(\"/spp\") { result = \"samples\", file_name = \"" +
                               (dir / "diag.exr").string() + "\", channel_format = \"float\" }\n");
    const std::string stats = (dir / "stats.jsonl").string();
    const std::string plot = (dir / "plot.png").string();
    const auto r = runRenderer("-in " + scenePath("caustic_room.rdla") + " -in " + scene +
                               " -out " + (dir / "beauty.exr").string() + kAdaptive + " -stats " +
                               stats + " -stats_plot " + plot);
    ASSERT_EQ(r.exitCode, 0) << r.output;

    // Farm-log progress: plain lines with percentage and ETA, ending at 100%.
    EXPECT_NE(r.output.find("progress"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("100.0%"), std::string::npos) << r.output;

    const std::vector<nlohmann::json> lines = readJsonLines(stats);
    ASSERT_GE(lines.size(), 3u);
    for (size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ(lines[i]["pass"].get<int>(), static_cast<int>(i));
        EXPECT_TRUE(lines[i]["adaptive"].get<bool>());
        EXPECT_EQ(lines[i]["finished"].get<bool>(), i + 1 == lines.size());
    }
    EXPECT_EQ(lines.back()["activePixels"].get<int>(), 0);
    EXPECT_LE(lines.back()["maxSpp"].get<int>(), 64);
    EXPECT_GE(lines.back()["minSpp"].get<int>(), 4);

    RgbImage plotImage;
    std::string error;
    ASSERT_TRUE(readRgbImage(plot, plotImage, error)) << error;
    EXPECT_GT(plotImage.width, 100);

    // The diagnostic outputs agree with the statistics.
    ImageBuffer diag;
    Metadata metadata;
    ASSERT_TRUE(readExr((dir / "diag.exr").string(), diag, metadata, error)) << error;
    const ImageChannel* samples = diag.find("samples");
    const ImageChannel* errors = diag.find("error");
    ASSERT_NE(samples, nullptr);
    ASSERT_NE(errors, nullptr);
    double total = 0.0;
    for (float s : samples->floats) total += s;
    EXPECT_NEAR(total / samples->floats.size(), lines.back()["meanSpp"].get<double>(), 1e-3);
    const float maxSamples = *std::max_element(samples->floats.begin(), samples->floats.end());
    EXPECT_EQ(maxSamples, static_cast<float>(lines.back()["maxSpp"].get<int>()));
    for (size_t i = 0; i < errors->floats.size(); ++i) {
        // Every pixel stopped because it met the target or hit the cap.
        EXPECT_TRUE(errors->floats[i] <= 200.0f / 10000.0f || samples->floats[i] == 64.0f) << i;
    }
}

TEST(AdaptiveCli, InvalidAdaptiveSettingsAreBadInput) {
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") +
                               " -scene_var sampling_mode adaptive"
                               " -scene_var min_adaptive_samples 64"
                               " -scene_var max_adaptive_samples 16");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("max_adaptive_samples"), std::string::npos) << r.output;
}

TEST(AdaptiveCli, UnwritableStatsFileIsAUsageError) {
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") +
                               " -size 8 8 -stats /nonexistent_dir/s.jsonl");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("-stats"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("Rendering"), std::string::npos) << r.output;
}

TEST(AdaptiveCli, AdaptiveFilesAreIdenticalForOneAndTwoThreads) {
    const auto dir = freshDir("adaptive_threads");
    const std::string base = "-in " + scenePath("glossy_glass.rdla") + kAdaptive + " -out ";
    ASSERT_EQ(runRenderer(base + (dir / "a.exr").string() + " -threads 1").exitCode, 0);
    ASSERT_EQ(runRenderer(base + (dir / "b.exr").string() + " -threads 2").exitCode, 0);
    ImageBuffer a, b;
    Metadata ma, mb;
    std::string error;
    ASSERT_TRUE(readExr((dir / "a.exr").string(), a, ma, error)) << error;
    ASSERT_TRUE(readExr((dir / "b.exr").string(), b, mb, error)) << error;
    ASSERT_EQ(a.channels.size(), b.channels.size());
    for (size_t c = 0; c < a.channels.size(); ++c) {
        EXPECT_EQ(a.channels[c].floats, b.channels[c].floats) << a.channels[c].name;
    }
    EXPECT_EQ(ma.get<double>("samplesPerPixelMean"), mb.get<double>("samplesPerPixelMean"));
}

}  // namespace
}  // namespace rt
