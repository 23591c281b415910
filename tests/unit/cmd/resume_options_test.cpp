// The resume command-line options (-checkpoint_asfinal, -resumable_output,
// -resume_render, -recover 0|1, -resume_strict), parsed from argv arrays as main() would,
// checked through the scene-variable overrides they become.
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "CommandLine.h"
#include "ParseArgs.h"
#include "core/Error.h"

namespace rt {
namespace {

using test::parse;
using test::usageError;
using test::Vars;
using test::varsOf;

TEST(ResumeCommandLine, NoResumeOptionAddsNothing) {
    EXPECT_TRUE(varsOf({}).empty());
    EXPECT_TRUE(varsOf({"-info"}).empty());
}

TEST(ResumeCommandLine, EachSwitchSetsItsSceneVariable) {
    EXPECT_EQ(varsOf({"-checkpoint_asfinal"}), (Vars{{"checkpoint_asfinal", "true"}}));
    EXPECT_EQ(varsOf({"-resumable_output"}), (Vars{{"resumable_output", "true"}}));
    EXPECT_EQ(varsOf({"-resume_render"}), (Vars{{"resume_render", "true"}}));
    EXPECT_EQ(varsOf({"-resume_strict"}), (Vars{{"resume_strict", "true"}}));
    EXPECT_EQ(varsOf({"--resume_render"}), (Vars{{"resume_render", "true"}}));
}

TEST(ResumeCommandLine, SwitchesTakeNoValue) {
    // The next token stays what it is: here another option.
    const CommandLine cl = parse({"-resume_render", "-in", "more.rdla"});
    EXPECT_EQ(cl.inputs, (std::vector<std::string>{"scene.rdla", "more.rdla"}));
    EXPECT_EQ(cl.sceneVars, (Vars{{"resume_render", "true"}}));
}

TEST(ResumeCommandLine, RecoverIsRenderMansResumeRender) {
    EXPECT_EQ(varsOf({"-recover", "1"}), (Vars{{"resume_render", "true"}}));
    EXPECT_EQ(varsOf({"-recover", "0"}), (Vars{{"resume_render", "false"}}));
    // With -resume_render too, -recover comes later and decides.
    EXPECT_EQ(varsOf({"-recover", "0", "-resume_render"}),
              (Vars{{"resume_render", "true"}, {"resume_render", "false"}}));
}

TEST(ResumeCommandLine, RecoverRefusesOtherValuesNamingTheOption) {
    for (const char* value : {"2", "-1", "true", "yes", "", "01", " 1"}) {
        const std::string message = usageError({"-recover", value});
        EXPECT_NE(message.find("-recover"), std::string::npos)
            << "'" << value << "': '" << message << "'";
    }
    const std::string missing = usageError({"-recover"});
    EXPECT_NE(missing.find("-recover"), std::string::npos) << missing;
    EXPECT_NE(missing.find("value"), std::string::npos) << missing;
    const std::string twice = usageError({"-recover", "1", "-recover", "0"});
    EXPECT_NE(twice.find("recover"), std::string::npos) << twice;
}

TEST(ResumeCommandLine, AllTogetherInAFixedOrder) {
    // The order of the overrides does not follow the command line: each has one meaning.
    EXPECT_EQ(
        varsOf({"-resume_strict", "-recover", "1", "-resumable_output", "-checkpoint_asfinal"}),
        (Vars{{"checkpoint_asfinal", "true"},
              {"resumable_output", "true"},
              {"resume_render", "true"},
              {"resume_strict", "true"}}));
}

TEST(ResumeCommandLine, SwitchesComeAfterSceneVarsSoTheyWin) {
    EXPECT_EQ(varsOf({"-resume_render", "-scene_var", "resume_render", "false"}),
              (Vars{{"resume_render", "false"}, {"resume_render", "true"}}));
    EXPECT_EQ(varsOf({"-recover", "0", "-scene_var", "resume_render", "true"}),
              (Vars{{"resume_render", "true"}, {"resume_render", "false"}}));
    EXPECT_EQ(varsOf({"-checkpoint_asfinal", "-resume_strict", "-scene_var", "resume_strict",
                      "false", "-scene_var", "checkpoint_asfinal", "false"}),
              (Vars{{"resume_strict", "false"},
                    {"checkpoint_asfinal", "false"},
                    {"checkpoint_asfinal", "true"},
                    {"resume_strict", "true"}}));
    EXPECT_EQ(varsOf({"-resumable_output", "-scene_var", "resumable_output", "false"}),
              (Vars{{"resumable_output", "false"}, {"resumable_output", "true"}}));
}

TEST(ResumeCommandLine, ComeAfterTheCheckpointOverrides) {
    EXPECT_EQ(varsOf({"-checkpoint_asfinal", "-checkpoint", "5m", "-resume_render"}),
              (Vars{{"checkpoint_active", "true"},
                    {"checkpoint_mode", "0"},
                    {"checkpoint_interval", "5"},
                    {"checkpoint_asfinal", "true"},
                    {"resume_render", "true"}}));
}

TEST(ResumeCommandLine, UsageListsTheOptions) {
    const std::string usage = usageText();
    for (const char* option :
         {"checkpoint_asfinal", "resumable_output", "resume_render", "recover", "resume_strict"}) {
        EXPECT_NE(usage.find(option), std::string::npos) << option;
    }
}

// -resume_strict exits with code 3 (doc/COMMAND_LINE.md, main.cpp): the usage says so.
TEST(ResumeCommandLine, UsageListsExitCodeThree) {
    const std::string usage = usageText();
    const size_t codes = usage.find("Exit codes");
    ASSERT_NE(codes, std::string::npos);
    EXPECT_NE(usage.find('3', codes), std::string::npos) << usage.substr(codes);
}

}  // namespace
}  // namespace rt
