// The checkpoint options as users and farm scripts meet them: malformed values are usage
// errors that name the option and exit 2, before any scene is read.
#include <gtest/gtest.h>

#include <filesystem>

#include "RunCommand.h"

namespace rt {
namespace {

using test::freshDir;
using test::runRenderer;
using test::scenePath;

TEST(CheckpointCli, HelpListsTheCheckpointOptions) {
    const auto r = runRenderer("-h");
    EXPECT_EQ(r.exitCode, 0);
    for (const char* option :
         {"-checkpoint ", "-checkpoint_mode", "-checkpoint_interval", "-checkpoint_quality_steps",
          "-checkpoint_time_cap", "-checkpoint_sample_cap", "-checkpoint_overwrite"}) {
        EXPECT_NE(r.output.find(option), std::string::npos) << option << "\n" << r.output;
    }
}

TEST(CheckpointCli, BadValuesNameTheOptionAndExitTwo) {
    struct Case {
        const char* args;
        const char* mentions;
    };
    for (const Case& c :
         {Case{"-checkpoint 5x", "'-checkpoint'"}, Case{"-checkpoint 5m10i", "'-checkpoint'"},
          Case{"-checkpoint_mode fast", "'-checkpoint_mode'"},
          Case{"-checkpoint_interval 0", "'-checkpoint_interval'"},
          Case{"-checkpoint_interval 100i", "'-checkpoint_interval'"},
          Case{"-checkpoint_time_cap -1", "'-checkpoint_time_cap'"},
          Case{"-checkpoint_quality_steps 0", "'-checkpoint_quality_steps'"},
          Case{"-checkpoint_sample_cap many", "'-checkpoint_sample_cap'"},
          Case{"-checkpoint_overwrite maybe", "'-checkpoint_overwrite'"},
          Case{"-checkpoint_mode", "checkpoint_mode"}}) {
        const auto r = runRenderer(std::string("-in /nonexistent/scene.rdla ") + c.args);
        EXPECT_EQ(r.exitCode, 2) << c.args << "\n" << r.output;
        EXPECT_NE(r.output.find(c.mentions), std::string::npos) << c.args << "\n" << r.output;
        EXPECT_NE(r.output.find("Usage"), std::string::npos) << c.args << "\n" << r.output;
    }
}

TEST(CheckpointCli, GoodValuesGetPastTheCommandLine) {
    // The scene does not exist, so each run fails on it: proof the options were accepted.
    for (const char* args :
         {"-checkpoint", "-checkpoint 5m", "-checkpoint -100", "-checkpoint 100i,15m",
          "-checkpoint ,30m", "-checkpoint_mode quality -checkpoint_quality_steps 4",
          "-checkpoint_interval 0.5 -checkpoint_time_cap 1h30m",
          "-checkpoint_sample_cap 0 -checkpoint_overwrite off"}) {
        const auto r = runRenderer(std::string(args) + " -in /nonexistent/scene.rdla");
        EXPECT_EQ(r.exitCode, 2) << args << "\n" << r.output;
        EXPECT_NE(r.output.find("/nonexistent/scene.rdla"), std::string::npos) << args << "\n"
                                                                               << r.output;
        EXPECT_EQ(r.output.find("Usage"), std::string::npos) << args << "\n" << r.output;
    }
}

TEST(CheckpointCli, MoonRaysDocumentedCommandLineRenders) {
    const auto dir = freshDir("checkpoint_cli");
    const std::string out = (dir / "cornell.exr").string();
    const auto r = runRenderer("-in " + scenePath("cornell_box.rdla") + " -out " + out +
                               " -checkpoint -scene_var checkpoint_mode 1"
                               " -scene_var checkpoint_quality_steps 2"
                               " -scene_var checkpoint_time_cap 120"
                               " -size 32 32 -scene_var pixel_samples 2 -threads 2");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(out)) << r.output;
}

}  // namespace
}  // namespace rt
