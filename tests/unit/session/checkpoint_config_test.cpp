// The checkpoint scene variables read into settings (MoonRay units and defaults), and
// which files a checkpoint writes.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "session/CheckpointConfig.h"
#include "session/CheckpointFiles.h"

namespace rt {
namespace {

CheckpointConfig configOf(std::map<std::string, std::string> extra) {
    SceneVariables vars;
    vars.extra = std::move(extra);
    return checkpointConfig(vars, samplingSettings(vars));
}

TEST(CheckpointConfig, MoonRayDefaults) {
    const CheckpointConfig c = configOf({});
    EXPECT_FALSE(c.active);
    EXPECT_EQ(c.policy.mode, CheckpointMode::Time);
    EXPECT_EQ(c.policy.intervalSeconds, 15.0 * 60.0);
    EXPECT_EQ(c.policy.qualitySteps, 2u);
    EXPECT_EQ(c.policy.totalFiles, 0u);
    EXPECT_EQ(c.policy.startSample, 1u);
    EXPECT_EQ(c.policy.timeCapSeconds, 0.0);
    EXPECT_EQ(c.policy.sampleCap, 0u);
    EXPECT_EQ(c.policy.finalSamples, 64u);  // pixel_samples 8
    EXPECT_FALSE(c.policy.adaptive);
    EXPECT_TRUE(c.overwrite);
    EXPECT_TRUE(c.backgroundWrite);
    EXPECT_EQ(c.maxBgCache, 2u);
}

TEST(CheckpointConfig, MinutesBecomeSecondsAndAdaptiveUsesMaxSamples) {
    const CheckpointConfig c = configOf({{"checkpoint_active", "true"},
                                         {"checkpoint_mode", "1"},
                                         {"checkpoint_interval", "0.5"},
                                         {"checkpoint_time_cap", "120"},
                                         {"checkpoint_sample_cap", "256"},
                                         {"checkpoint_overwrite", "false"},
                                         {"checkpoint_bg_write", "false"},
                                         {"checkpoint_max_bgcache", "4"},
                                         {"sampling_mode", "2"},
                                         {"max_adaptive_samples", "1024"}});
    EXPECT_TRUE(c.active);
    EXPECT_EQ(c.policy.mode, CheckpointMode::Quality);
    EXPECT_EQ(c.policy.intervalSeconds, 30.0);
    EXPECT_EQ(c.policy.timeCapSeconds, 7200.0);
    EXPECT_EQ(c.policy.sampleCap, 256u);
    EXPECT_TRUE(c.policy.adaptive);
    EXPECT_EQ(c.policy.finalSamples, 1024u);
    EXPECT_FALSE(c.overwrite);
    EXPECT_FALSE(c.backgroundWrite);
    EXPECT_EQ(c.maxBgCache, 4u);
}

TEST(CheckpointConfig, OutOfRangeValuesNameTheVariable) {
    const std::pair<const char*, const char*> bad[] = {
        {"checkpoint_mode", "3"},          {"checkpoint_interval", "0"},
        {"checkpoint_interval", "-1"},     {"checkpoint_time_cap", "-2"},
        {"checkpoint_quality_steps", "0"}, {"checkpoint_total_files", "-1"},
        {"checkpoint_start_sample", "0"},  {"checkpoint_sample_cap", "-5"},
        {"checkpoint_max_bgcache", "0"}};
    for (const auto& [name, value] : bad) {
        try {
            configOf({{name, value}});
            ADD_FAILURE() << name << " = " << value << " was accepted";
        } catch (const SceneError& e) {
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
        }
    }
}

RenderOutput output(const std::string& name, OutputResult result, const std::string& file) {
    RenderOutput o;
    o.name = name;
    o.result = result;
    o.fileName = file;
    return o;
}

TEST(CheckpointFiles, OutputsShareTheDefaultCheckpointFileUnlessNamedOtherwise) {
    RenderOutput beauty = output("/beauty", OutputResult::Beauty, "beauty.png");
    RenderOutput depth = output("/depth", OutputResult::Depth, "aov.exr");
    RenderOutput normal = output("/normal", OutputResult::Normal, "aov.exr");
    normal.extra["checkpoint_file_name"] = "cp/normal.exr";
    normal.extra["checkpoint_multi_version_file_name"] = "cp/versions/normal.exr";
    const std::vector<CheckpointFile> files =
        planCheckpointFiles(planOutputs({beauty, depth, normal}, ""));
    ASSERT_EQ(files.size(), 2u);
    EXPECT_EQ(files[0].file.path, "checkpoint.exr");
    ASSERT_EQ(files[0].file.outputs.size(), 2u);  // the 8-bit beauty in EXR, and depth
    EXPECT_EQ(files[0].multiVersionBase, "checkpoint.exr");
    EXPECT_EQ(files[1].file.path, "cp/normal.exr");
    EXPECT_EQ(files[1].multiVersionBase, "cp/versions/normal.exr");
}

TEST(CheckpointFiles, CollidingChannelsAndOutputNamesAreSceneErrors) {
    // Two beauty outputs in different files meet in one checkpoint file.
    const RenderOutput a = output("/a", OutputResult::Beauty, "a.exr");
    const RenderOutput b = output("/b", OutputResult::Beauty, "b.exr");
    EXPECT_THROW(planCheckpointFiles(planOutputs({a, b}, "")), SceneError);
    // A checkpoint file that is an output file would be overwritten by each checkpoint.
    RenderOutput c = output("/c", OutputResult::Beauty, "c.exr");
    c.extra["checkpoint_file_name"] = "c.exr";
    EXPECT_THROW(planCheckpointFiles(planOutputs({c}, "")), SceneError);
}

}  // namespace
}  // namespace rt
