// The post-checkpoint hook variables (render/PostCheckpointHooks.h): defaults, bad
// values named, and the system command refused unless -allow_system_commands.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "session/PostCheckpointHooks.h"

namespace rt {
namespace {

SceneVariables vars(std::map<std::string, std::string> extra) {
    SceneVariables v;
    v.extra = std::move(extra);
    return v;
}

TEST(PostCheckpointConfig, Defaults) {
    const PostCheckpointConfig c = postCheckpointConfig(vars({}), false);
    EXPECT_EQ(c.script, "");
    EXPECT_EQ(c.scriptTimeout, 60.0);
    EXPECT_EQ(c.command, "");
}

TEST(PostCheckpointConfig, ReadsTheVariables) {
    const PostCheckpointConfig c =
        postCheckpointConfig(vars({{"checkpoint_post_script", "lua/preview.lua"},
                                   {"checkpoint_script_timeout", "2.5"},
                                   {"checkpoint_command", "cp checkpoint.exr /farm/%i.exr"}}),
                             true);
    EXPECT_EQ(c.script, "lua/preview.lua");
    EXPECT_EQ(c.scriptTimeout, 2.5);
    EXPECT_EQ(c.command, "cp checkpoint.exr /farm/%i.exr");
    EXPECT_EQ(postCheckpointConfig(vars({{"checkpoint_script_timeout", "0"}}), false).scriptTimeout,
              0.0)
        << "0 = no limit";
}

TEST(PostCheckpointConfig, NegativeTimeoutIsNamed) {
    try {
        postCheckpointConfig(vars({{"checkpoint_script_timeout", "-1"}}), false);
        FAIL() << "accepted";
    } catch (const SceneError& e) {
        EXPECT_NE(std::string(e.what()).find("checkpoint_script_timeout"), std::string::npos);
    }
}

TEST(PostCheckpointConfig, CommandNeedsAllowSystemCommands) {
    try {
        postCheckpointConfig(vars({{"checkpoint_command", "echo %i"}}), false);
        FAIL() << "accepted";
    } catch (const UsageError& e) {
        EXPECT_NE(std::string(e.what()).find("-allow_system_commands"), std::string::npos);
    }
}

TEST(PostCheckpointConfig, BadCommandTemplateIsNamed) {
    try {
        postCheckpointConfig(vars({{"checkpoint_command", "echo %q"}}), true);
        FAIL() << "accepted";
    } catch (const SceneError& e) {
        EXPECT_NE(std::string(e.what()).find("checkpoint_command"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("%q"), std::string::npos);
    }
}

}  // namespace
}  // namespace rt
