// -stats JSON lines and the convergence plot.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>

#include "io/ImageReader.h"
#include "report/ConvergencePlot.h"
#include "report/StatsLog.h"

namespace rt {
namespace {

ConvergenceReport reportAt(int pass, double elapsed, double meanError, uint32_t active) {
    ConvergenceReport r;
    r.pass = pass;
    r.adaptive = true;
    r.elapsedSeconds = elapsed;
    r.samplesDone = 1000u * (pass + 1);
    r.samplesRemaining = 500;
    r.pixelCount = 1000;
    r.activePixels = active;
    r.fractionConverged = 1.0 - active / 1000.0;
    r.minSpp = 1;
    r.maxSpp = 5 + pass;
    r.meanSpp = 2.5;
    r.meanError = meanError;
    r.maxError = 10 * meanError;
    r.targetError = 0.001;
    return r;
}

std::filesystem::path tempDir(const std::string& name) {
    const auto dir = std::filesystem::path(RT_BINARY_DIR) / "stats_tmp" / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

TEST(StatsLine, IsOneJsonObjectWithTheReportValues) {
    const std::string line = statsLine(reportAt(3, 1.5, 0.02, 250));
    EXPECT_EQ(line.find('\n'), std::string::npos);
    const nlohmann::json j = nlohmann::json::parse(line);
    EXPECT_EQ(j["pass"].get<int>(), 3);
    EXPECT_DOUBLE_EQ(j["elapsed"].get<double>(), 1.5);
    EXPECT_EQ(j["samples"].get<uint64_t>(), 4000u);
    EXPECT_EQ(j["samplesRemaining"].get<uint64_t>(), 500u);
    EXPECT_EQ(j["activePixels"].get<int>(), 250);
    EXPECT_DOUBLE_EQ(j["fractionConverged"].get<double>(), 0.75);
    EXPECT_DOUBLE_EQ(j["meanError"].get<double>(), 0.02);
    EXPECT_EQ(j["maxSpp"].get<int>(), 8);
    EXPECT_TRUE(j["adaptive"].get<bool>());
    EXPECT_FALSE(j["finished"].get<bool>());
}

TEST(StatsLine, NonFiniteNumbersAreNull) {
    ConvergenceReport r = reportAt(0, 0.1, std::numeric_limits<double>::infinity(), 1000);
    r.maxError = std::numeric_limits<double>::quiet_NaN();
    const nlohmann::json j = nlohmann::json::parse(statsLine(r));
    EXPECT_TRUE(j["meanError"].is_null());
    EXPECT_TRUE(j["maxError"].is_null());
}

TEST(StatsLog, WritesOneLinePerPassAsItGoes) {
    const auto path = (tempDir("log") / "stats.jsonl").string();
    std::string error;
    std::unique_ptr<StatsLog> log = StatsLog::open(path, error);
    ASSERT_TRUE(log) << error;
    auto lineCount = [&] {
        std::ifstream in(path);
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            EXPECT_NO_THROW(nlohmann::json::parse(line)) << line;
            ++n;
        }
        return n;
    };
    for (int pass = 0; pass < 3; ++pass) {
        log->onPass(reportAt(pass, pass + 1.0, 0.1 / (pass + 1), 1000));
        EXPECT_EQ(lineCount(), pass + 1);  // visible before the next pass: farm tools tail it
    }
    EXPECT_FALSE(log->failed());
}

TEST(StatsLog, UnwritablePathFailsUpFrontNamingIt) {
    std::string error;
    EXPECT_FALSE(StatsLog::open("/nonexistent_dir/stats.jsonl", error));
    EXPECT_NE(error.find("/nonexistent_dir/stats.jsonl"), std::string::npos) << error;
}

// Mean row of the pixels drawn in `colour` within columns [x0, x1); -1 if none.
double meanRowOf(const ImageBuffer& image, const Color& colour, int x0, int x1) {
    const ImageChannel* r = image.find("R");
    const ImageChannel* g = image.find("G");
    const ImageChannel* b = image.find("B");
    double sum = 0.0;
    int count = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = x0; x < x1; ++x) {
            const size_t i = image.index(x, y);
            if (std::abs(r->floats[i] - colour.x) < 0.02f &&
                std::abs(g->floats[i] - colour.y) < 0.02f &&
                std::abs(b->floats[i] - colour.z) < 0.02f) {
                sum += y;
                ++count;
            }
        }
    }
    return count > 0 ? sum / count : -1.0;
}

TEST(ConvergencePlot, FallingErrorIsDrawnFallingOnAWhiteBackground) {
    ConvergencePlot plot;
    for (int pass = 0; pass < 20; ++pass) {
        plot.onPass(reportAt(pass, 0.5 * (pass + 1), 0.1 / std::pow(pass + 1.0, 1.5),
                             pass < 10 ? 1000u : 1000u - 90u * (pass - 9)));
    }
    const ImageBuffer image = plot.render(800, 500);
    ASSERT_EQ(image.width, 800);
    ASSERT_EQ(image.height, 500);
    EXPECT_NEAR(image.find("R")->floats[image.index(2, 2)], 1.0f, 1e-3f);  // background

    const ConvergencePlot::Frame f = ConvergencePlot::frame(800, 500);
    const int mid = f.x + f.width / 2;
    const double early = meanRowOf(image, ConvergencePlot::meanErrorColor(), f.x, mid);
    const double late = meanRowOf(image, ConvergencePlot::meanErrorColor(), mid, f.x + f.width);
    ASSERT_GE(early, 0.0) << "no mean-error curve drawn in the first half";
    ASSERT_GE(late, 0.0) << "no mean-error curve drawn in the second half";
    EXPECT_GT(late, early) << "a falling error must go down the image (rows grow downward)";
    EXPECT_GE(meanRowOf(image, ConvergencePlot::activePixelsColor(), f.x, f.x + f.width), 0.0);
}

TEST(ConvergencePlot, DegenerateSeriesStillGiveAValidImage) {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<ConvergenceReport>> series = {
        {},                                                    // no pass at all
        {reportAt(0, 0.0, 0.01, 1000)},                        // one pass, zero elapsed time
        {reportAt(0, 0.0, 0.0, 0), reportAt(1, 0.0, 0.0, 0)},  // zero errors and time
        {reportAt(0, 1.0, inf, 1000), reportAt(1, 2.0, nan, 500), reportAt(2, 3.0, 0.01, 0)},
    };
    for (const auto& reports : series) {
        ConvergencePlot plot;
        for (const ConvergenceReport& r : reports) plot.onPass(r);
        const ImageBuffer image = plot.render(400, 300);
        EXPECT_EQ(image.width, 400);
        EXPECT_EQ(image.height, 300);
        std::string error;
        EXPECT_TRUE(image.validate(error)) << error;
        for (float v : image.find("G")->floats) ASSERT_TRUE(std::isfinite(v));
    }
}

TEST(ConvergencePlot, WritesAPngThatReadsBack) {
    ConvergencePlot plot;
    for (int pass = 0; pass < 5; ++pass)
        plot.onPass(reportAt(pass, pass + 1.0, 0.1 / (pass + 1), 1000));
    const auto path = (tempDir("plot") / "plot.png").string();
    std::string error;
    ASSERT_TRUE(plot.write(path, error)) << error;
    RgbImage image;
    ASSERT_TRUE(readRgbImage(path, image, error)) << error;
    EXPECT_EQ(image.width, 800);
    EXPECT_EQ(image.height, 500);
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

// Pixels of `image` inside [x0, x1) x [y0, y1) darker than the white background.
int inkIn(const ImageBuffer& image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            const size_t i = image.index(x, y);
            n += image.find("R")->floats[i] + image.find("G")->floats[i] +
                             image.find("B")->floats[i] <
                         2.9f
                     ? 1
                     : 0;
        }
    }
    return n;
}

TEST(ConvergencePlot, TitleAndAxisTitlesAreTextOfTheFont) {
    std::vector<ConvergenceReport> reports;
    for (int pass = 0; pass < 5; ++pass)
        reports.push_back(reportAt(pass, pass + 1.0, 0.1 / (pass + 1), 1000 - 100 * pass));
    ConvergencePlot withFont, withoutFont("NoSuchFontAnywhere");
    for (const ConvergenceReport& r : reports) {
        withFont.onPass(r);
        withoutFont.onPass(r);
    }
    const ImageBuffer a = withFont.render(800, 500), b = withoutFont.render(800, 500);
    const ConvergencePlot::Frame f = ConvergencePlot::frame(800, 500);
    // The top band holds the title (6 px down, 18 px text); the outer 20 columns, the
    // vertical axis titles. Only text is drawn there, so without the font they stay white.
    EXPECT_GT(inkIn(a, 0, 0, 800, 24), 300);
    EXPECT_EQ(inkIn(b, 0, 0, 800, 24), 0);
    EXPECT_GT(inkIn(a, 0, f.y, 20, f.y + f.height), 100);
    EXPECT_EQ(inkIn(b, 0, f.y, 20, f.y + f.height), 0);
    EXPECT_GT(inkIn(a, 800 - 20, f.y, 800, f.y + f.height), 100);
}

TEST(ConvergencePlot, WithoutItsFontWriteFailsNamingItAndWritesNothing) {
    ConvergencePlot plot("NoSuchFontAnywhere");
    plot.onPass(reportAt(0, 1.0, 0.1, 1000));
    const auto path = (tempDir("nofont") / "plot.png").string();
    std::string error;
    EXPECT_FALSE(plot.write(path, error));
    EXPECT_NE(error.find("'NoSuchFontAnywhere'"), std::string::npos) << error;
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

}  // namespace
}  // namespace rt
