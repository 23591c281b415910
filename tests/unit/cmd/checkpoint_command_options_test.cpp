// -checkpoint_command CMD and -allow_system_commands, parsed from argv arrays as main()
// would: the command becomes the checkpoint_command scene variable, checked at parse time.
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

TEST(CheckpointCommandLine, CommandBecomesItsSceneVariable) {
    EXPECT_EQ(varsOf({"-checkpoint_command", "cp out.exr /farm/%i_%e_%r.exr"}),
              (Vars{{"checkpoint_command", "cp out.exr /farm/%i_%e_%r.exr"}}));
    EXPECT_EQ(varsOf({"-checkpoint_command", "echo 100%%"}),
              (Vars{{"checkpoint_command", "echo 100%%"}}));
    // A hook, like checkpoint_post_script: it does not turn checkpoints on.
    EXPECT_EQ(varsOf({"-checkpoint_command", ""}), (Vars{{"checkpoint_command", ""}}));
}

TEST(CheckpointCommandLine, CommandMayBeginWithADash) {
    EXPECT_EQ(varsOf({"-checkpoint_command", "-x"}), (Vars{{"checkpoint_command", "-x"}}));
}

TEST(CheckpointCommandLine, CommandComesAfterSceneVarsAndCheckpointOptions) {
    EXPECT_EQ(varsOf({"-checkpoint_command", "b %i", "-scene_var", "checkpoint_command", "a"}),
              (Vars{{"checkpoint_command", "a"}, {"checkpoint_command", "b %i"}}));
    EXPECT_EQ(varsOf({"-resume_render", "-checkpoint_command", "c", "-checkpoint", "5m"}),
              (Vars{{"checkpoint_active", "true"},
                    {"checkpoint_mode", "0"},
                    {"checkpoint_interval", "5"},
                    {"checkpoint_command", "c"},
                    {"resume_render", "true"}}));
}

TEST(CheckpointCommandLine, BadTemplateIsAUsageErrorNamingTheOption) {
    const std::string unknown = usageError({"-checkpoint_command", "echo %x"});
    EXPECT_NE(unknown.find("-checkpoint_command"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("'%x'"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("position 5"), std::string::npos) << unknown;
    const std::string lone = usageError({"-checkpoint_command", "echo 100%"});
    EXPECT_NE(lone.find("-checkpoint_command"), std::string::npos) << lone;
    EXPECT_NE(lone.find("lone '%'"), std::string::npos) << lone;
    const std::string missing = usageError({"-checkpoint_command"});
    EXPECT_NE(missing.find("-checkpoint_command"), std::string::npos) << missing;
}

TEST(CheckpointCommandLine, AllowSystemCommandsIsAnOffByDefaultSwitch) {
    EXPECT_FALSE(parse({}).allowSystemCommands);
    EXPECT_FALSE(parse({"-checkpoint_command", "true"}).allowSystemCommands);
    const CommandLine cl = parse({"-allow_system_commands", "-in", "more.rdla"});
    EXPECT_TRUE(cl.allowSystemCommands);
    EXPECT_EQ(cl.inputs, (std::vector<std::string>{"scene.rdla", "more.rdla"}));
    EXPECT_TRUE(cl.sceneVars.empty());
}

TEST(CheckpointCommandLine, UsageListsTheOptionsAndTheSignalExitCodes) {
    const std::string usage = usageText();
    EXPECT_NE(usage.find("checkpoint_command"), std::string::npos);
    EXPECT_NE(usage.find("allow_system_commands"), std::string::npos);
    const size_t codes = usage.find("Exit codes");
    ASSERT_NE(codes, std::string::npos);
    EXPECT_NE(usage.find("4 interrupted by a signal", codes), std::string::npos)
        << usage.substr(codes);
    EXPECT_NE(usage.find("5 interrupted by a signal with no new checkpoint", codes),
              std::string::npos)
        << usage.substr(codes);
    EXPECT_NE(usage.find("-resume_render", codes), std::string::npos);
}

}  // namespace
}  // namespace rt
