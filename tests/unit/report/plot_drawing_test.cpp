// The drawing pieces under the convergence plot: font, canvas, axes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report/BitmapFont.h"
#include "report/PlotAxes.h"
#include "report/PlotCanvas.h"

namespace rt {
namespace {

const Color kWhite(1.0f);
const Color kInk(0.0f, 0.0f, 1.0f);

TEST(BitmapFont, OneIsAVerticalStrokeWithABase) {
    for (int row = 0; row < 7; ++row) EXPECT_TRUE(BitmapFont::pixel('1', 2, row)) << row;
    EXPECT_TRUE(BitmapFont::pixel('1', 1, 1));  // the flag
    EXPECT_FALSE(BitmapFont::pixel('1', 0, 0));
    EXPECT_FALSE(BitmapFont::pixel('1', 4, 3));
    for (int col = 1; col <= 3; ++col) EXPECT_TRUE(BitmapFont::pixel('1', col, 6)) << col;
    EXPECT_FALSE(BitmapFont::pixel('1', 2, 7));  // no descender
    EXPECT_TRUE(BitmapFont::pixel('g', 1, 7));   // descender row
    EXPECT_FALSE(BitmapFont::pixel('1', 5, 0));  // outside the cell
}

TEST(BitmapFont, CoversLabelCharactersAndFallsBackToQuestionMark) {
    for (char c : std::string("0123456789.%:-/ ,()abcdefghijklmnopqrstuvwxyzAZ")) {
        EXPECT_TRUE(BitmapFont::hasGlyph(c)) << c;
    }
    EXPECT_FALSE(BitmapFont::hasGlyph('~'));
    EXPECT_EQ(BitmapFont::rows('~'), BitmapFont::rows('?'));
    EXPECT_EQ(BitmapFont::textWidth("", 2), 0);
    EXPECT_EQ(BitmapFont::textWidth("ab", 2), 22);  // 2 * 6 - 1 columns, doubled
}

int inkCount(const PlotCanvas& canvas) {
    int n = 0;
    for (int y = 0; y < canvas.height(); ++y) {
        for (int x = 0; x < canvas.width(); ++x) n += canvas.pixel(x, y) == kInk ? 1 : 0;
    }
    return n;
}

TEST(PlotCanvas, LinesIncludeEndPointsAndDashesLeaveGaps) {
    PlotCanvas canvas(40, 20, kWhite);
    canvas.line(2, 3, 30, 15, kInk);
    EXPECT_EQ(canvas.pixel(2, 3), kInk);
    EXPECT_EQ(canvas.pixel(30, 15), kInk);
    EXPECT_EQ(inkCount(canvas), 29);  // one pixel per step along the major axis

    PlotCanvas dashed(40, 5, kWhite);
    dashed.dashedLine(0, 2, 39, 2, kInk, 4, 4);
    EXPECT_EQ(inkCount(dashed), 20);
    EXPECT_EQ(dashed.pixel(3, 2), kInk);
    EXPECT_EQ(dashed.pixel(4, 2), kWhite);
}

TEST(PlotCanvas, ClipsWhateverTheCoordinates) {
    PlotCanvas canvas(30, 30, kWhite);
    canvas.line(-2000000000, 15, 2000000000, 15, kInk, 3);  // returns quickly, clipped
    EXPECT_EQ(inkCount(canvas), 30 * 3);
    canvas.fillRect(-10, -10, 5, 5, kInk);
    canvas.text(25, 25, "888", kInk, 3);
    EXPECT_EQ(canvas.pixel(-1, 0), Color(0.0f));
}

TEST(PlotCanvas, TextAndVerticalTextDrawTheGlyphs) {
    PlotCanvas canvas(20, 20, kWhite);
    canvas.text(1, 1, "1", kInk, 2);  // column 2 of the glyph -> x 5..6
    EXPECT_EQ(canvas.pixel(5, 1), kInk);
    EXPECT_EQ(canvas.pixel(6, 14), kInk);
    EXPECT_EQ(canvas.pixel(1, 1), kWhite);

    PlotCanvas turned(20, 20, kWhite);
    turned.textVertical(0, 0, "-", kInk);  // the bar of '-' (row 3) becomes column 3
    for (int y = 0; y < 5; ++y) EXPECT_EQ(turned.pixel(3, y), kInk) << y;
    EXPECT_EQ(inkCount(turned), 5);

    const ImageBuffer image = canvas.toImage();
    std::string error;
    ASSERT_TRUE(image.validate(error)) << error;
    EXPECT_EQ(image.find("B")->floats[image.index(5, 1)], 1.0f);
    EXPECT_EQ(image.find("R")->floats[image.index(5, 1)], 0.0f);
}

TEST(PlotAxes, LinearAxisEndsOnANiceTickNearTheMaximum) {
    const LinearAxis seconds(11.8);
    EXPECT_DOUBLE_EQ(seconds.step(), 2.0);
    EXPECT_DOUBLE_EQ(seconds.hi(), 12.0);
    EXPECT_EQ(seconds.ticks().back().label, "12");
    const LinearAxis small(0.37);
    EXPECT_EQ(small.ticks()[1].label, "0.1");
    EXPECT_DOUBLE_EQ(LinearAxis(3.0, 1.0).step(), 1.0);  // whole passes
    for (double bad : {0.0, -1.0, std::numeric_limits<double>::infinity(),
                       std::numeric_limits<double>::quiet_NaN()}) {
        const LinearAxis axis(bad);
        EXPECT_GT(axis.hi(), 0.0);
        EXPECT_FALSE(axis.ticks().empty());
    }
}

TEST(PlotAxes, LogAxisCoversWholeDecades) {
    const LogAxis errors(2e-4, 0.05);
    EXPECT_EQ(errors.lowDecade(), -4);
    EXPECT_EQ(errors.highDecade(), -1);
    ASSERT_EQ(errors.ticks().size(), 4u);
    EXPECT_EQ(errors.ticks()[0].label, "1e-4");
    EXPECT_EQ(errors.ticks()[2].label, "0.01");
    EXPECT_NEAR(errors.position(1e-3), 1.0 / 3.0, 1e-12);
    EXPECT_EQ(errors.minorTicks().size(), 3u * 8u);

    const LogAxis one(0.01, 0.01);  // a single value still spans a decade
    EXPECT_EQ(one.highDecade() - one.lowDecade(), 1);
    const LogAxis wide(1e-200, 1e200);  // every k-th decade
    EXPECT_LE(wide.ticks().size(), 9u);
    EXPECT_TRUE(wide.minorTicks().empty());
    const LogAxis bad(0.0, std::numeric_limits<double>::infinity());
    EXPECT_LT(bad.lowDecade(), bad.highDecade());
}

TEST(PlotAxes, TimeAxisPicksUnitsAndFallsBackToPasses) {
    EXPECT_EQ(TimeAxis(59.0, 10).title(), "elapsed time (s)");
    EXPECT_EQ(TimeAxis(1200.0, 10).title(), "elapsed time (min)");
    EXPECT_DOUBLE_EQ(TimeAxis(1200.0, 10).x(600.0, 3), 10.0);
    const TimeAxis passes(0.0, 6);
    EXPECT_EQ(passes.title(), "pass (no elapsed time)");
    EXPECT_DOUBLE_EQ(passes.x(0.0, 2), 3.0);
    EXPECT_TRUE(std::isnan(TimeAxis(5.0, 2).x(std::numeric_limits<double>::quiet_NaN(), 0)));
    EXPECT_EQ(formatDuration(4.25), "4.25 s");
    EXPECT_EQ(formatDuration(725.0), "12m 05s");
    EXPECT_EQ(formatDuration(12000.0), "3h 20m");
}

}  // namespace
}  // namespace rt
