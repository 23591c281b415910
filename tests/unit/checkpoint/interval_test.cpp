// RenderMan's interval syntax, value by value.
#include <gtest/gtest.h>

#include "checkpoint/Interval.h"

namespace rt {
namespace {

using Unit = CheckpointInterval::Unit;

CheckpointInterval parse(const std::string& text) {
    CheckpointInterval out;
    std::string error;
    EXPECT_TRUE(parseCheckpointInterval(text, out, error)) << text << ": " << error;
    return out;
}

std::string failure(const std::string& text) {
    CheckpointInterval out;
    std::string error;
    EXPECT_FALSE(parseCheckpointInterval(text, out, error)) << text << " was accepted";
    return error;
}

TEST(CheckpointInterval, TimeUnitsCombineAndTakeDecimals) {
    EXPECT_EQ(parse("60s"), (CheckpointInterval{Unit::Seconds, 60.0, 0}));
    EXPECT_EQ(parse("60m").seconds, 3600.0);
    EXPECT_EQ(parse("2h").seconds, 7200.0);
    EXPECT_EQ(parse("1d").seconds, 86400.0);
    EXPECT_EQ(parse("1h30m").seconds, 5400.0);
    EXPECT_EQ(parse("5m60s").seconds, 360.0);
    EXPECT_DOUBLE_EQ(parse("0.1h").seconds, 360.0);
    EXPECT_DOUBLE_EQ(parse("1.5m").seconds, 90.0);
    EXPECT_EQ(parse("1H").seconds, 3600.0);  // case-insensitive units
}

TEST(CheckpointInterval, BareNumbersAreSecondsAndNegativesIncrements) {
    EXPECT_EQ(parse("90"), (CheckpointInterval{Unit::Seconds, 90.0, 0}));
    EXPECT_DOUBLE_EQ(parse("2.5").seconds, 2.5);
    EXPECT_EQ(parse("-4"), (CheckpointInterval{Unit::Increments, 0.0, 4}));
    EXPECT_EQ(parse("100i"), (CheckpointInterval{Unit::Increments, 0.0, 100}));
    EXPECT_EQ(parse("60i").increments, 60);
}

TEST(CheckpointInterval, MalformedValuesAreRefusedWithAReason) {
    EXPECT_NE(failure("").find("empty"), std::string::npos);
    EXPECT_NE(failure("5x").find("unknown unit"), std::string::npos);
    EXPECT_NE(failure("5m10i").find("cannot be combined"), std::string::npos);
    EXPECT_NE(failure("-5m").find("negative"), std::string::npos);
    EXPECT_NE(failure("0").find("longer than zero"), std::string::npos);
    EXPECT_NE(failure("0s").find("longer than zero"), std::string::npos);
    EXPECT_NE(failure("1.5i").find("whole number"), std::string::npos);
    EXPECT_NE(failure("0i").find("whole number"), std::string::npos);
    EXPECT_NE(failure("1m30").find("without a unit"), std::string::npos);
    failure("m");
    failure("abc");
    failure("inf");
    failure("nan");
    failure("0x10s");
    failure(" 5m");
    failure("5 m");
    failure("+5m");
}

TEST(CheckpointSpec, IntervalAndExitAt) {
    CheckpointSpec spec;
    std::string error;
    ASSERT_TRUE(parseCheckpointSpec("100i,15m", spec, error)) << error;
    EXPECT_EQ(spec.interval->increments, 100);
    EXPECT_EQ(spec.exitAt->seconds, 900.0);

    ASSERT_TRUE(parseCheckpointSpec(",30m", spec, error)) << error;
    EXPECT_FALSE(spec.interval.has_value());
    EXPECT_EQ(spec.exitAt->seconds, 1800.0);

    ASSERT_TRUE(parseCheckpointSpec("5m", spec, error)) << error;
    EXPECT_EQ(spec.interval->seconds, 300.0);
    EXPECT_FALSE(spec.exitAt.has_value());

    EXPECT_FALSE(parseCheckpointSpec(",", spec, error));
    EXPECT_FALSE(parseCheckpointSpec("5m,10m,15m", spec, error));
    EXPECT_FALSE(parseCheckpointSpec("5m,bad", spec, error));
    EXPECT_NE(error.find("bad"), std::string::npos) << error;
}

}  // namespace
}  // namespace rt
