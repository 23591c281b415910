// The resume controls read from the scene variables, and which file sets a resume reads,
// in which order (ResumeConfig.h).
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "core/Error.h"
#include "session/ResumeConfig.h"

namespace rt {
namespace {

ResumeConfig configOf(std::map<std::string, std::string> extra) {
    SceneVariables vars;
    vars.extra = std::move(extra);
    return resumeConfig(vars);
}

TEST(ResumeConfig, DefaultsAreOff) {
    const ResumeConfig c = configOf({});
    EXPECT_FALSE(c.resume);
    EXPECT_FALSE(c.strict);
    EXPECT_FALSE(c.finalResumable);
    EXPECT_EQ(c.onResumeScript, "");
}

TEST(ResumeConfig, ReadsEveryVariable) {
    const ResumeConfig c = configOf({{"resume_render", "true"},
                                     {"resume_strict", "true"},
                                     {"resumable_output", "true"},
                                     {"on_resume_script", "scripts/on resume.lua"}});
    EXPECT_TRUE(c.resume);
    EXPECT_TRUE(c.strict);
    EXPECT_TRUE(c.finalResumable);
    EXPECT_EQ(c.onResumeScript, "scripts/on resume.lua");
}

TEST(ResumeConfig, EachVariableAlone) {
    EXPECT_TRUE(configOf({{"resume_render", "true"}}).resume);
    EXPECT_FALSE(configOf({{"resume_render", "true"}}).strict);
    EXPECT_FALSE(configOf({{"resume_render", "false"}}).resume);
    EXPECT_TRUE(configOf({{"resume_strict", "true"}}).strict);
    EXPECT_FALSE(configOf({{"resume_strict", "true"}}).resume);
}

TEST(ResumeConfig, ResumableOutputAndCheckpointAsFinalBothKeepTheState) {
    EXPECT_TRUE(configOf({{"resumable_output", "true"}}).finalResumable);
    EXPECT_TRUE(configOf({{"checkpoint_asfinal", "true"}}).finalResumable);
    EXPECT_TRUE(
        configOf({{"resumable_output", "false"}, {"checkpoint_asfinal", "true"}}).finalResumable);
    EXPECT_TRUE(
        configOf({{"resumable_output", "true"}, {"checkpoint_asfinal", "false"}}).finalResumable);
    EXPECT_FALSE(
        configOf({{"resumable_output", "false"}, {"checkpoint_asfinal", "false"}}).finalResumable);
}

TEST(ResumeConfig, NonBooleanValueNamesTheVariable) {
    for (const char* name :
         {"resume_render", "resume_strict", "resumable_output", "checkpoint_asfinal"}) {
        try {
            configOf({{name, "yes"}});
            ADD_FAILURE() << name << ": no error";
        } catch (const SceneError& e) {
            EXPECT_NE(std::string(e.what()).find(name), std::string::npos) << e.what();
        }
    }
}

RenderOutput output(OutputResult result, const std::string& fileName,
                    std::map<std::string, std::string> extra = {}) {
    RenderOutput o;
    o.name = "/" + fileName;
    o.result = result;
    o.fileName = fileName;
    o.extra = std::move(extra);
    return o;
}

OutputFile file(const std::string& path, std::vector<RenderOutput> outputs) {
    for (RenderOutput& o : outputs) o.fileName = path;
    return {path, Compression::Zip, std::move(outputs)};
}

CheckpointFile checkpoint(const std::string& path, std::vector<RenderOutput> outputs) {
    return {file(path, std::move(outputs)), path};
}

using Paths = std::vector<std::string>;

TEST(ResumeCandidates, CheckpointSetFirstThenOutputSetBeautyFileFirst) {
    const std::vector<OutputFile> outputs = {
        file("aov.exr", {output(OutputResult::Depth, "")}),
        file("preview.png", {output(OutputResult::Albedo, "")}),
        file("out.exr", {output(OutputResult::Alpha, ""), output(OutputResult::Beauty, "")}),
        file("normal.exr", {output(OutputResult::Normal, "")}),
    };
    const std::vector<CheckpointFile> checkpoints = {
        checkpoint("cp_aov.exr", {output(OutputResult::Depth, "")}),
        checkpoint("checkpoint.exr",
                   {output(OutputResult::Beauty, ""), output(OutputResult::Albedo, "")}),
    };
    const std::vector<ResumeCandidate> c = resumeCandidates(outputs, checkpoints);
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].kind, "checkpoint");
    EXPECT_EQ(c[0].paths, (Paths{"checkpoint.exr", "cp_aov.exr"}));
    EXPECT_EQ(c[1].kind, "output");
    // The beauty's file holds the state; the 8-bit preview cannot be part of the set.
    EXPECT_EQ(c[1].paths, (Paths{"out.exr", "aov.exr", "normal.exr"}));
}

TEST(ResumeCandidates, WithoutBeautyTheFirstExrHoldsTheState) {
    const std::vector<OutputFile> outputs = {
        file("albedo.png", {output(OutputResult::Albedo, "")}),
        file("depth.exr", {output(OutputResult::Depth, "")}),
        file("normal.exr", {output(OutputResult::Normal, "")}),
    };
    const std::vector<ResumeCandidate> c = resumeCandidates(outputs, {});
    ASSERT_EQ(c.size(), 1u);  // no checkpoint files planned: no checkpoint candidate
    EXPECT_EQ(c[0].kind, "output");
    EXPECT_EQ(c[0].paths, (Paths{"depth.exr", "normal.exr"}));
}

TEST(ResumeCandidates, LdrOnlyOutputsGiveOnlyTheCheckpointSet) {
    const std::vector<OutputFile> outputs = {
        file("out.png", {output(OutputResult::Beauty, "")}),
        file("out.JPG", {output(OutputResult::Albedo, "")}),
    };
    const std::vector<ResumeCandidate> c = resumeCandidates(
        outputs, {checkpoint("checkpoint.exr", {output(OutputResult::Beauty, "")})});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, "checkpoint");
    EXPECT_EQ(c[0].paths, (Paths{"checkpoint.exr"}));
    EXPECT_TRUE(resumeCandidates(outputs, {}).empty());
}

// The real planners: outputs grouped by file_name, checkpoints by checkpoint_file_name.
TEST(ResumeCandidates, FromPlannedOutputsAndCheckpoints) {
    const std::vector<RenderOutput> scene = {
        output(OutputResult::Depth, "aov.exr", {{"checkpoint_file_name", "cp_aov.exr"}}),
        output(OutputResult::Beauty, "out.exr"),
        output(OutputResult::Alpha, "out.exr"),
    };
    const std::vector<OutputFile> outputs = planOutputs(scene, "");
    const std::vector<ResumeCandidate> c = resumeCandidates(outputs, planCheckpointFiles(outputs));
    ASSERT_EQ(c.size(), 2u);
    EXPECT_EQ(c[0].kind, "checkpoint");
    EXPECT_EQ(c[0].paths, (Paths{"checkpoint.exr", "cp_aov.exr"}));
    EXPECT_EQ(c[1].kind, "output");
    EXPECT_EQ(c[1].paths, (Paths{"out.exr", "aov.exr"}));
}

TEST(ResumeCandidates, ResumeFileNameGivesOnlyThatSet) {
    const std::vector<OutputFile> outputs = {
        file("aov.exr", {output(OutputResult::Depth, "", {{"resume_file_name", "old_aov.exr"}})}),
        file("out.exr", {output(OutputResult::Beauty, "", {{"resume_file_name", "old.exr"}}),
                         output(OutputResult::Alpha, "")}),
        file("normal.exr", {output(OutputResult::Normal, "")}),  // no resume_file_name
    };
    const std::vector<CheckpointFile> checkpoints = {
        checkpoint("checkpoint.exr", {output(OutputResult::Beauty, "")}),
    };
    const std::vector<ResumeCandidate> c = resumeCandidates(outputs, checkpoints);
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, "resume_file_name");
    EXPECT_EQ(c[0].paths, (Paths{"old.exr", "old_aov.exr"}));
}

TEST(ResumeCandidates, EmptyResumeFileNameIsNotSet) {
    const std::vector<OutputFile> outputs = {
        file("out.exr", {output(OutputResult::Beauty, "", {{"resume_file_name", ""}})}),
    };
    const std::vector<ResumeCandidate> c = resumeCandidates(outputs, {});
    ASSERT_EQ(c.size(), 1u);
    EXPECT_EQ(c[0].kind, "output");
    EXPECT_EQ(c[0].paths, (Paths{"out.exr"}));
}

// When every output naming a resume_file_name is written to an 8-bit file there is no
// candidate at all (an empty one once crashed loadResume's "looked for" message).
TEST(ResumeCandidates, NoCandidateHasAnEmptyPathList) {
    const std::vector<OutputFile> outputs = {
        file("out.png", {output(OutputResult::Beauty, "", {{"resume_file_name", "old.exr"}})}),
    };
    for (const ResumeCandidate& c : resumeCandidates(outputs, {})) {
        EXPECT_FALSE(c.paths.empty()) << c.kind;
    }
}

}  // namespace
}  // namespace rt
