// The axes of the convergence plot: tick placement and time units.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report/PlotAxes.h"

namespace rt {
namespace {

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
