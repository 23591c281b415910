// The checkpoint command-line forms, parsed from argv arrays as main() would, checked
// through the scene-variable overrides they become.
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

Vars active(Vars more) {
    more.insert(more.begin(), {"checkpoint_active", "true"});
    return more;
}

TEST(CheckpointCommandLine, NoCheckpointOptionAddsNothing) {
    EXPECT_TRUE(varsOf({}).empty());
    EXPECT_EQ(varsOf({"-scene_var", "checkpoint_interval", "3"}),
              (Vars{{"checkpoint_interval", "3"}}));
}

TEST(CheckpointCommandLine, BareCheckpointTurnsCheckpointsOn) {
    EXPECT_EQ(varsOf({"-checkpoint"}), active({}));
    EXPECT_EQ(varsOf({"--checkpoint"}), active({}));
}

TEST(CheckpointCommandLine, SpecSelectsModeAndInterval) {
    EXPECT_EQ(varsOf({"-checkpoint", "5m"}),
              active({{"checkpoint_mode", "0"}, {"checkpoint_interval", "5"}}));
    EXPECT_EQ(varsOf({"-checkpoint", "90"}),
              active({{"checkpoint_mode", "0"}, {"checkpoint_interval", "1.5"}}));
    EXPECT_EQ(varsOf({"-checkpoint", "1h30m"}),
              active({{"checkpoint_mode", "0"}, {"checkpoint_interval", "90"}}));
    EXPECT_EQ(varsOf({"-checkpoint", "100i"}),
              active({{"checkpoint_mode", "1"}, {"checkpoint_quality_steps", "100"}}));
    EXPECT_EQ(varsOf({"-checkpoint", "-100"}),
              active({{"checkpoint_mode", "1"}, {"checkpoint_quality_steps", "100"}}));
}

TEST(CheckpointCommandLine, SpecExitAtCapsTimeOrSamples) {
    EXPECT_EQ(varsOf({"-checkpoint", "100i,15m"}), active({{"checkpoint_mode", "1"},
                                                           {"checkpoint_quality_steps", "100"},
                                                           {"checkpoint_time_cap", "15"}}));
    EXPECT_EQ(varsOf({"-checkpoint", ",30m"}), active({{"checkpoint_time_cap", "30"}}));
    EXPECT_EQ(varsOf({"-checkpoint", ",256i"}), active({{"checkpoint_sample_cap", "256"}}));
    EXPECT_EQ(varsOf({"-checkpoint", "5m,90s"}), active({{"checkpoint_mode", "0"},
                                                         {"checkpoint_interval", "5"},
                                                         {"checkpoint_time_cap", "1.5"}}));
}

TEST(CheckpointCommandLine, SecondsBecomeMinutesThatReadBackExactly) {
    const Vars vars = varsOf({"-checkpoint", "20s"});
    ASSERT_EQ(vars.size(), 3u);
    EXPECT_EQ(vars[2].first, "checkpoint_interval");
    EXPECT_EQ(std::stod(vars[2].second), 20.0 / 60.0);
}

TEST(CheckpointCommandLine, SpecIsTakenOnlyWhenTheNextTokenIsNoOption) {
    // A negative number is a SPEC (increments), an option is not.
    EXPECT_EQ(varsOf({"-checkpoint", "-4"}),
              active({{"checkpoint_mode", "1"}, {"checkpoint_quality_steps", "4"}}));
    const CommandLine cl = parse({"-checkpoint", "-in", "more.rdla"});
    EXPECT_EQ(cl.inputs, (std::vector<std::string>{"scene.rdla", "more.rdla"}));
    EXPECT_EQ(cl.sceneVars, active({}));
    EXPECT_EQ(varsOf({"-checkpoint", "-info"}), active({}));
    // Repeated, each SPEC applies in order.
    EXPECT_EQ(varsOf({"-checkpoint", "5m", "-checkpoint", "-checkpoint", ",1h"}),
              active({{"checkpoint_mode", "0"},
                      {"checkpoint_interval", "5"},
                      {"checkpoint_time_cap", "60"}}));
    // "-4.5" looks like a number, so it is taken, and refused as fractional increments.
    EXPECT_NE(usageError({"-checkpoint", "-4.5"}).find("'-checkpoint'"), std::string::npos);
}

TEST(CheckpointCommandLine, MoonRaysDocumentedFormKeepsWorking) {
    const CommandLine cl =
        parse({"-checkpoint", "-scene_var", "checkpoint_mode", "1", "-scene_var",
               "checkpoint_quality_steps", "2", "-scene_var", "checkpoint_time_cap", "120"});
    EXPECT_EQ(cl.sceneVars, (Vars{{"checkpoint_mode", "1"},
                                  {"checkpoint_quality_steps", "2"},
                                  {"checkpoint_time_cap", "120"},
                                  {"checkpoint_active", "true"}}));
}

TEST(CheckpointCommandLine, DirectFormsComeAfterSceneVarsSoTheyWin) {
    const Vars vars =
        varsOf({"-checkpoint_mode", "quality", "-scene_var", "checkpoint_mode", "time"});
    EXPECT_EQ(vars, (Vars{{"checkpoint_mode", "time"},
                          {"checkpoint_active", "true"},
                          {"checkpoint_mode", "1"}}));
    // And the single-variable options come after a SPEC.
    EXPECT_EQ(varsOf({"-checkpoint_interval", "2", "-checkpoint", "5m"}),
              active({{"checkpoint_mode", "0"},
                      {"checkpoint_interval", "5"},
                      {"checkpoint_interval", "2"}}));
}

TEST(CheckpointCommandLine, ModeAcceptsNamesAndNumbers) {
    EXPECT_EQ(varsOf({"-checkpoint_mode", "quality"}), active({{"checkpoint_mode", "1"}}));
    EXPECT_EQ(varsOf({"-checkpoint_mode", "1"}), active({{"checkpoint_mode", "1"}}));
    EXPECT_EQ(varsOf({"-checkpoint_mode", "time"}), active({{"checkpoint_mode", "0"}}));
    EXPECT_EQ(varsOf({"-checkpoint_mode", "0"}), active({{"checkpoint_mode", "0"}}));
}

TEST(CheckpointCommandLine, DurationsAreMinutesOrCarryUnits) {
    EXPECT_EQ(varsOf({"-checkpoint_interval", "0.5"}), active({{"checkpoint_interval", "0.5"}}));
    EXPECT_EQ(varsOf({"-checkpoint_interval", "30s"}), active({{"checkpoint_interval", "0.5"}}));
    EXPECT_EQ(varsOf({"-checkpoint_interval", "1h30m"}), active({{"checkpoint_interval", "90"}}));
    EXPECT_EQ(varsOf({"-checkpoint_time_cap", "120"}), active({{"checkpoint_time_cap", "120"}}));
    EXPECT_EQ(varsOf({"-checkpoint_time_cap", "2h"}), active({{"checkpoint_time_cap", "120"}}));
    EXPECT_EQ(varsOf({"-checkpoint_time_cap", "0"}), active({{"checkpoint_time_cap", "0"}}));
}

TEST(CheckpointCommandLine, CountsAndOverwrite) {
    EXPECT_EQ(varsOf({"-checkpoint_quality_steps", "3"}),
              active({{"checkpoint_quality_steps", "3"}}));
    EXPECT_EQ(varsOf({"-checkpoint_sample_cap", "0"}), active({{"checkpoint_sample_cap", "0"}}));
    EXPECT_EQ(varsOf({"-checkpoint_sample_cap", "1024"}),
              active({{"checkpoint_sample_cap", "1024"}}));
    for (const char* yes : {"true", "1", "on", "yes", "TRUE"}) {
        EXPECT_EQ(varsOf({"-checkpoint_overwrite", yes}),
                  active({{"checkpoint_overwrite", "true"}}))
            << yes;
    }
    for (const char* no : {"false", "0", "off", "no"}) {
        EXPECT_EQ(varsOf({"-checkpoint_overwrite", no}),
                  active({{"checkpoint_overwrite", "false"}}))
            << no;
    }
}

TEST(CheckpointCommandLine, BadValuesNameTheOption) {
    struct Case {
        std::initializer_list<const char*> args;
        const char* option;
    };
    const Case cases[] = {
        {{"-checkpoint", "5x"}, "'-checkpoint'"},
        {{"-checkpoint", ""}, "'-checkpoint'"},
        {{"-checkpoint", "5m10i"}, "'-checkpoint'"},
        {{"-checkpoint", ","}, "'-checkpoint'"},
        {{"-checkpoint", "0"}, "'-checkpoint'"},
        {{"-checkpoint", "5m,1h,2h"}, "'-checkpoint'"},
        {{"-checkpoint_mode", "fast"}, "'-checkpoint_mode'"},
        {{"-checkpoint_mode", "2"}, "'-checkpoint_mode'"},
        {{"-checkpoint_interval", "0"}, "'-checkpoint_interval'"},
        {{"-checkpoint_interval", "-5"}, "'-checkpoint_interval'"},
        {{"-checkpoint_interval", "100i"}, "'-checkpoint_interval'"},
        {{"-checkpoint_interval", "soon"}, "'-checkpoint_interval'"},
        {{"-checkpoint_interval", "inf"}, "'-checkpoint_interval'"},
        {{"-checkpoint_time_cap", "-1"}, "'-checkpoint_time_cap'"},
        {{"-checkpoint_time_cap", "5i"}, "'-checkpoint_time_cap'"},
        {{"-checkpoint_time_cap", "2q"}, "'-checkpoint_time_cap'"},
        {{"-checkpoint_quality_steps", "0"}, "'-checkpoint_quality_steps'"},
        {{"-checkpoint_quality_steps", "2.5"}, "'-checkpoint_quality_steps'"},
        {{"-checkpoint_quality_steps", "many"}, "'-checkpoint_quality_steps'"},
        {{"-checkpoint_sample_cap", "-1"}, "'-checkpoint_sample_cap'"},
        {{"-checkpoint_sample_cap", "1e3"}, "'-checkpoint_sample_cap'"},
        {{"-checkpoint_overwrite", "maybe"}, "'-checkpoint_overwrite'"},
        {{"-checkpoint_overwrite", ""}, "'-checkpoint_overwrite'"},
    };
    for (const Case& c : cases) {
        const std::string message = usageError(c.args);
        EXPECT_NE(message.find(c.option), std::string::npos)
            << *c.args.begin() << " " << *(c.args.begin() + 1) << ": '" << message << "'";
    }
}

TEST(CheckpointCommandLine, MissingValuesNameTheOption) {
    for (const char* option :
         {"-checkpoint_mode", "-checkpoint_interval", "-checkpoint_time_cap",
          "-checkpoint_quality_steps", "-checkpoint_sample_cap", "-checkpoint_overwrite"}) {
        const std::string message = usageError({option});
        EXPECT_NE(message.find(option + 1), std::string::npos) << option << ": " << message;
    }
}

TEST(CheckpointCommandLine, HelpListsEveryForm) {
    const std::string usage = usageText();
    for (const char* option :
         {"-checkpoint ", "-checkpoint_mode", "-checkpoint_interval", "-checkpoint_time_cap",
          "-checkpoint_quality_steps", "-checkpoint_sample_cap", "-checkpoint_overwrite"}) {
        EXPECT_NE(usage.find(option), std::string::npos) << option << "\n" << usage;
    }
}

}  // namespace
}  // namespace rt
