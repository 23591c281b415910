// The files of one frame: scene and option names per frame, and two frames never
// sharing a file (FrameFiles.h).
#include <gtest/gtest.h>

#include "core/Error.h"
#include "sequence/FrameFiles.h"

namespace rt {
namespace {

RenderOutput output(const std::string& name, const std::string& file, bool given) {
    RenderOutput o;
    o.name = name;
    o.fileName = file;
    o.fileNameGiven = given;
    return o;
}

TEST(FrameFiles, SceneNamesGetTheFrameTokensReplacedAndDefaultsNumbered) {
    Scene scene;
    scene.outputs.push_back(output("/beauty", "shot.####.exr", true));
    scene.outputs.back().extra["checkpoint_file_name"] = "cp.%04d.exr";
    scene.outputs.back().extra["resume_file_name"] = "keep.%d.exr";
    scene.outputs.push_back(output("/depth", "scene.exr", false));
    scene.outputs.push_back(output("/lua", "computed_12.exr", true));
    nameSceneFiles(scene, 12);
    EXPECT_EQ(scene.outputs[0].fileName, "shot.0012.exr");
    EXPECT_EQ(scene.outputs[0].extra.at("checkpoint_file_name"), "cp.0012.exr");
    EXPECT_EQ(scene.outputs[0].extra.at("resume_file_name"), "keep.12.exr");
    EXPECT_EQ(scene.outputs[1].fileName, "scene.0012.exr");
    EXPECT_EQ(scene.outputs[1].extra.at("checkpoint_file_name"), "checkpoint.0012.exr");
    EXPECT_EQ(scene.outputs[1].extra.count("resume_file_name"), 0u);
    EXPECT_EQ(scene.outputs[2].fileName, "computed_12.exr") << "a name Lua computed stays";
}

TEST(FrameFiles, OptionNames) {
    const OptionFileNames typed{"out.####.exr", "stats.jsonl", "plot.%03d.png"};
    const OptionFileNames named = nameOptionFiles(typed, 7, true);
    EXPECT_EQ(named.out, "out.0007.exr");
    EXPECT_EQ(named.stats, "stats.0007.jsonl");
    EXPECT_EQ(named.statsPlot, "plot.007.png");
    EXPECT_THROW(nameOptionFiles({"out.exr", "", ""}, 7, true), UsageError);
    // One frame cannot collide with another: -out may be a plain name.
    EXPECT_EQ(nameOptionFiles({"out.exr", "", ""}, 7, false).out, "out.exr");
    EXPECT_EQ(nameOptionFiles({}, 7, true).stats, "");
}

TEST(FrameFiles, ClaimsRefuseAFileOfAnotherFrame) {
    FrameFileClaims claims;
    claims.claim(1, {{"a.0001.exr", "x"}, {"same.exr", "RenderOutput '/b' file_name"}});
    claims.claim(1, {{"same.exr", "again, same frame"}});
    claims.claim(2, {{"a.0002.exr", "x"}});
    try {
        claims.claim(2, {{"./same.exr", "RenderOutput '/b' file_name"}});
        FAIL() << "no error";
    } catch (const UsageError& e) {
        const std::string text = e.what();
        EXPECT_NE(text.find("RenderOutput '/b' file_name: './same.exr' is the same file for "
                            "frames 1 and 2"),
                  std::string::npos)
            << text;
    }
}

TEST(FrameFiles, FramePathsListOutputsCheckpointsAndOptionFiles) {
    Scene scene;
    scene.outputs.push_back(output("/beauty", "b.0003.exr", true));
    scene.outputs.back().extra["checkpoint_file_name"] = "c.0003.exr";
    const OptionFileNames none;
    std::vector<FramePath> paths = framePaths(scene, none);
    ASSERT_EQ(paths.size(), 1u) << "checkpoint files only when checkpointing or resuming";
    EXPECT_EQ(paths[0].path, "b.0003.exr");
    EXPECT_EQ(paths[0].what, "RenderOutput '/beauty' file_name");
    scene.vars.extra["checkpoint_active"] = "true";
    paths = framePaths(scene, {"o.0003.exr", "s.0003.jsonl", ""});
    ASSERT_EQ(paths.size(), 3u);
    EXPECT_EQ(paths[0].path, "o.0003.exr");
    EXPECT_EQ(paths[0].what, "option '-out'");
    EXPECT_EQ(paths[1].path, "c.0003.exr");
    EXPECT_EQ(paths[2].what, "option '-stats'");
}

}  // namespace
}  // namespace rt
