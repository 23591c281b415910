// The command line as users and farm scripts meet it: usage errors name the option and
// exit 2; help exits 0.
#include <gtest/gtest.h>

#include "RunCommand.h"

namespace rt {
namespace {

using test::runRenderer;

TEST(CommandLine, HelpExitsZeroAndListsOptions) {
    for (const char* flag : {"-h", "-help", "--help"}) {
        const auto r = runRenderer(flag);
        EXPECT_EQ(r.exitCode, 0) << flag;
        EXPECT_NE(r.output.find("-scene_var"), std::string::npos) << r.output;
    }
    // MoonRay's style: one dash and the value names, switches without any.
    const auto r = runRenderer("-help");
    for (const char* form : {"\n  -in FILE ", "\n  -size W H ", "\n  -scene_var NAME VALUE ",
                             "\n  -checkpoint [INTERVAL[,EXITAT]]", "\n  -resume_render  "}) {
        EXPECT_NE(r.output.find(form), std::string::npos) << form << "\n" << r.output;
    }
    EXPECT_EQ(r.output.find("--"), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find(" arg"), std::string::npos) << r.output;
}

TEST(CommandLine, UnknownOptionIsAUsageError) {
    const auto r = runRenderer("-in x.rdla -bogus_option 3");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("bogus_option"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << r.output;
}

TEST(CommandLine, BadValuesNameTheOption) {
    struct Case {
        const char* args;
        const char* mentions;
    };
    for (const Case& c :
         {Case{"-in x.rdla -threads many", "threads"}, Case{"-in x.rdla -threads 0", "threads"},
          Case{"-in x.rdla -size 64", "size"}, Case{"-in x.rdla -size 64 wide", "size"},
          Case{"-in x.rdla -res -2", "res"},
          Case{"-in x.rdla -scene_var pixel_samples", "scene_var"}, Case{"-in", "in"}}) {
        const auto r = runRenderer(c.args);
        EXPECT_EQ(r.exitCode, 2) << c.args << "\n" << r.output;
        EXPECT_NE(r.output.find(c.mentions), std::string::npos) << c.args << "\n" << r.output;
    }
}

TEST(CommandLine, ARepeatedSizeSaysItWasGivenTwice) {
    const auto r = runRenderer("-in x.rdla -size 10 10 -size 20 20");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("option '-size' was given 2 times"), std::string::npos) << r.output;
}

TEST(CommandLine, NoSceneIsAUsageError) {
    const auto r = runRenderer("-threads 2");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("-in"), std::string::npos) << r.output;
}

TEST(CommandLine, MissingSceneFileIsExitTwoNamingTheFile) {
    const auto r = runRenderer("-in /nonexistent/scene.rdla");
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("/nonexistent/scene.rdla"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace rt
