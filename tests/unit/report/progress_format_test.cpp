// The exact text of the progress line, and when a log line is due.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "report/ProgressFormat.h"

namespace rt {
namespace {

ProgressLine runningLine() {
    ProgressLine line;
    line.progressKnown = true;
    line.progress = 0.4525;
    line.sppKnown = true;
    line.meanSpp = 12.34;
    line.adaptive = true;
    line.fractionConverged = 0.61;
    line.elapsedSeconds = 62.0;
    line.etaKnown = true;
    line.etaSeconds = 75.0;
    return line;
}

TEST(ProgressFormat, CompactDurations) {
    EXPECT_EQ(formatCompactDuration(0.0), "0s");
    EXPECT_EQ(formatCompactDuration(5.0), "5s");
    EXPECT_EQ(formatCompactDuration(59.4), "59s");
    EXPECT_EQ(formatCompactDuration(59.6), "1m00s");  // rounds into the next unit
    EXPECT_EQ(formatCompactDuration(62.0), "1m02s");
    EXPECT_EQ(formatCompactDuration(3599.0), "59m59s");
    EXPECT_EQ(formatCompactDuration(3600.0), "1h00m");
    EXPECT_EQ(formatCompactDuration(2 * 3600.0 + 3 * 60.0 + 10.0), "2h03m");
    EXPECT_EQ(formatCompactDuration(100 * 3600.0), "100h00m");
    EXPECT_EQ(formatCompactDuration(-1.0), "--");
    EXPECT_EQ(formatCompactDuration(std::numeric_limits<double>::infinity()), "--");
    EXPECT_EQ(formatCompactDuration(std::nan("")), "--");
}

TEST(ProgressFormat, Bar) {
    EXPECT_EQ(formatBar(0.0), "[--------------------]");
    EXPECT_EQ(formatBar(0.45), "[#########-----------]");
    EXPECT_EQ(formatBar(0.999), "[###################-]");  // full only when done
    EXPECT_EQ(formatBar(1.0), "[####################]");
    EXPECT_EQ(formatBar(2.0, 4), "[####]");
    EXPECT_EQ(formatBar(-1.0, 4), "[----]");
    EXPECT_EQ(formatBar(std::nan(""), 4), "[----]");
}

TEST(ProgressFormat, TerminalLine) {
    EXPECT_EQ(formatTerminalLine(runningLine()),
              "[#########-----------]  45.2%  spp 12.3  conv 61.0%  elapsed 1m02s  ETA 1m15s");
}

TEST(ProgressFormat, InASequenceTheFrameLeadsAndTheShotEtaFollows) {
    ProgressLine line = runningLine();
    line.frameLabel = "frame 12 (3/48)";
    line.sequenceEtaKnown = true;
    line.sequenceEtaSeconds = 3480.0;
    EXPECT_EQ(formatTerminalLine(line),
              "frame 12 (3/48)  [#########-----------]  45.2%  spp 12.3  conv 61.0%  elapsed "
              "1m02s  ETA 1m15s  shot ETA 58m00s");
    EXPECT_EQ(formatPlainLine(line),
              "frame 12 (3/48)  progress  45.2%  spp 12.3  converged 61.0%  elapsed 62s  eta "
              "75s  shot eta 3480s");
    line.sequenceEtaKnown = false;
    EXPECT_EQ(formatPlainLine(line).substr(formatPlainLine(line).size() - 11), "shot eta --");
}

TEST(ProgressFormat, SequenceEta) {
    // Before any frame is done, each later frame is assumed to take as long as this one.
    SequencePosition position{"frame 1 (1/4)", 3, 0.0};
    EXPECT_DOUBLE_EQ(sequenceEtaSeconds(position, 10.0, 30.0), 30.0 + 3 * 40.0);
    // Then the measured mean of the frames done.
    position.secondsPerFrame = 20.0;
    EXPECT_DOUBLE_EQ(sequenceEtaSeconds(position, 10.0, 30.0), 30.0 + 3 * 20.0);
    position.framesAfter = 0;
    EXPECT_DOUBLE_EQ(sequenceEtaSeconds(position, 10.0, 30.0), 30.0);
}

TEST(ProgressFormat, TerminalLineUnknownValuesAndUniform) {
    ProgressLine line;
    line.elapsedSeconds = 3.0;
    EXPECT_EQ(formatTerminalLine(line),
              "[--------------------]  --.-%  spp --  elapsed 3s  ETA --");
}

TEST(ProgressFormat, TerminalLineEndings) {
    ProgressLine line = runningLine();
    line.state = ProgressLine::State::Done;
    EXPECT_EQ(formatTerminalLine(line),
              "[####################] 100.0%  spp 12.3  conv 61.0%  elapsed 1m02s  done");
    line.state = ProgressLine::State::Stopped;
    EXPECT_EQ(formatTerminalLine(line),
              "[#########-----------]  45.2%  spp 12.3  conv 61.0%  elapsed 1m02s  stopped");
}

TEST(ProgressFormat, PlainLine) {
    EXPECT_EQ(formatPlainLine(runningLine()),
              "progress  45.2%  spp 12.3  converged 61.0%  elapsed 62s  eta 75s");
    ProgressLine line = runningLine();
    line.adaptive = false;
    line.etaKnown = false;
    EXPECT_EQ(formatPlainLine(line), "progress  45.2%  spp 12.3  elapsed 62s  eta --");
    line.state = ProgressLine::State::Done;
    line.elapsedSeconds = 3725.4;
    EXPECT_EQ(formatPlainLine(line), "progress 100.0%  spp 12.3  elapsed 3725s  done");
}

TEST(ProgressFormat, PercentNeverRoundsUpToDone) {
    ProgressLine line = runningLine();
    line.progress = 0.9999;
    EXPECT_NE(formatPlainLine(line).find(" 99.9%"), std::string::npos);
}

TEST(ProgressFormat, PlainLineDueOnWholePercentOrInterval) {
    // Progress: the next whole percent, not 1% more than the last line.
    EXPECT_FALSE(plainLineDue(0.0199, 10.0, 0.0150, 5.0, 60.0));
    EXPECT_TRUE(plainLineDue(0.0200, 10.0, 0.0150, 5.0, 60.0));
    // Time: interval since the last line.
    EXPECT_FALSE(plainLineDue(0.0150, 64.9, 0.0150, 5.0, 60.0));
    EXPECT_TRUE(plainLineDue(0.0150, 65.0, 0.0150, 5.0, 60.0));
}

}  // namespace
}  // namespace rt
