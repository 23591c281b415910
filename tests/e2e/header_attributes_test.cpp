// exr_header_attributes end to end (doc/OUTPUT.md, "Metadata"): the attributes a scene's
// Metadata objects ask for are in the output file and in its checkpoint, typed; an
// output's own win over SceneVariables', and the render's own keys win over both.
#include <gtest/gtest.h>

#include <filesystem>

#include "ExrFiles.h"
#include "RunCommand.h"

namespace rt {
namespace {

namespace fs = std::filesystem;

TEST(HeaderAttributes, ReachTheOutputAndItsCheckpoint) {
    const fs::path dir = test::freshDir("header_attributes");
    const std::string scene = test::writeFile(dir / "meta.rdla", R"(
Metadata("/shot") { {"shot", "string", "sq010_sh020"}, {"fps", "float", "24"},
                    {"take", "int", "3"}, {"renderId", "string", "mine"} }
Metadata("/studio") { {"studio", "string", "us"}, {"shot", "string", "overridden"} }
SceneVariables { exr_header_attributes = Metadata("/studio") }
RenderOutput("/beauty") { file_name = "out.exr", exr_header_attributes = Metadata("/shot") }
)");
    const test::CommandResult r = test::runRenderer(
        "-in " + test::scenePath("cornell_box.rdla") + " -in " + scene +
            " -size 8 8 -scene_var pixel_samples 1 -checkpoint_sample_cap 1 -checkpoint",
        dir.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    for (const char* file : {"out.exr", "checkpoint.exr"}) {
        const test::Exr exr = test::readFile(dir / file);
        EXPECT_EQ(test::textOf(exr, "shot"), "sq010_sh020") << file;
        EXPECT_EQ(test::textOf(exr, "studio"), "us") << file;
        EXPECT_EQ(exr.metadata.get<float>("fps"), 24.0f) << file;
        EXPECT_EQ(test::intOf(exr, "take"), 3) << file;
        EXPECT_NE(test::textOf(exr, "renderId"), "mine") << file;  // ours: the set's identity
    }
}

}  // namespace
}  // namespace rt
