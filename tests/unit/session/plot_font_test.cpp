// -stats_plot without its font (doc/STATS.md): the plot is skipped with one warning that
// names the font and the file, and the render is otherwise exactly as it would be.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/Log.h"
#include "session/RenderSession.h"
#include "support/FilmCompare.h"
#include "support/TestFiles.h"
#include "support/TestScenes.h"

namespace rt {
namespace {

RenderOptions optionsFor(const test::TempDir& dir, const std::string& font) {
    RenderOptions options;
    options.beautyOverride = dir.file("out.exr");
    options.statsPlotPath = dir.file("plot.png");
    options.statsPlotFont = font;
    options.threads = 2;
    return options;
}

TEST(PlotFont, WithTheFontThePlotIsWritten) {
    test::TempDir dir;
    const Scene scene = test::smallLitScene();
    RenderSession session(scene, optionsFor(dir, kPlotFont));
    EXPECT_EQ(session.run(), ExitCode::Success);
    EXPECT_TRUE(std::filesystem::exists(dir.file("plot.png")));
}

TEST(PlotFont, AMissingFontCostsThePlotWithOneWarningAndNothingElse) {
    test::TempDir withDir, withoutDir;
    const Scene scene = test::smallLitScene();
    RenderSession with(scene, optionsFor(withDir, kPlotFont));
    ASSERT_EQ(with.run(), ExitCode::Success);

    const int warningsBefore = log::warningCount();
    testing::internal::CaptureStderr();
    RenderSession without(scene, optionsFor(withoutDir, "NoSuchFontAnywhere"));
    const ExitCode code = without.run();
    const std::string stderrText = testing::internal::GetCapturedStderr();
    EXPECT_EQ(code, ExitCode::Success);
    EXPECT_EQ(log::warningCount(), warningsBefore + 1) << stderrText;
    EXPECT_NE(stderrText.find("'-stats_plot'"), std::string::npos) << stderrText;
    EXPECT_NE(stderrText.find("'NoSuchFontAnywhere'"), std::string::npos) << stderrText;
    EXPECT_NE(stderrText.find(withoutDir.file("plot.png")), std::string::npos) << stderrText;
    EXPECT_FALSE(std::filesystem::exists(withoutDir.file("plot.png")));
    EXPECT_FALSE(std::filesystem::exists(withoutDir.file("plot.png.part")));

    EXPECT_TRUE(std::filesystem::exists(withoutDir.file("out.exr")));
    EXPECT_TRUE(test::identicalPixels(with.film().pixels(), without.film().pixels()));
}

}  // namespace
}  // namespace rt
