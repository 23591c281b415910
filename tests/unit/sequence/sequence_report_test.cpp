// The sequence report's log lines and JSON (SequenceReport.h).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "sequence/SequenceReport.h"

namespace rt {
namespace {

TEST(SequenceReport, OneLinePerFrameWithStateSppErrorAndTime) {
    SequenceReport report({12, 13, 14});
    FrameRecord& done = report.frame(0);
    done.state = FrameState::Final;
    done.sppMean = 64;
    done.meanError = 0.0123;
    done.sampleSeconds = 12.34;
    done.image = "shot.0012.exr";
    EXPECT_EQ(SequenceReport::line(done),
              "frame 0012  final          64.0 spp  error 0.0123   sampled    12.3 s  "
              "shot.0012.exr");
    FrameRecord& skipped = report.frame(1);
    skipped.state = FrameState::Draft;
    skipped.skipped = true;
    skipped.sppMean = 16;
    EXPECT_EQ(SequenceReport::line(skipped),
              "frame 0013  draft          16.0 spp  error --       sampled     0.0 s  (skipped)");
    const std::string table = report.table();
    EXPECT_NE(table.find("1 final, 1 draft, 0 interrupted, 0 failed, 1 not rendered"),
              std::string::npos)
        << table;
}

TEST(SequenceReport, JsonHasEveryFrameAndTotals) {
    SequenceReport report({1, 2});
    report.frame(0).state = FrameState::Failed;
    report.frame(0).note = "scene.rdla:3: boom";
    report.frame(0).wallSeconds = 1.5;
    report.frame(1).state = FrameState::Interrupted;
    report.frame(1).meanError = 0.5;
    report.frame(1).wallSeconds = 2.0;
    const nlohmann::json doc = nlohmann::json::parse(report.json());
    ASSERT_EQ(doc["frames"].size(), 2u);
    EXPECT_EQ(doc["frames"][0]["state"], "failed");
    EXPECT_TRUE(doc["frames"][0]["mean_error"].is_null());
    EXPECT_EQ(doc["frames"][0]["note"], "scene.rdla:3: boom");
    EXPECT_EQ(doc["frames"][1]["state"], "interrupted");
    EXPECT_EQ(doc["frames"][1]["mean_error"], 0.5);
    EXPECT_EQ(doc["totals"]["frames"], 2);
    EXPECT_DOUBLE_EQ(doc["totals"]["wall_seconds"].get<double>(), 3.5);
}

}  // namespace
}  // namespace rt
