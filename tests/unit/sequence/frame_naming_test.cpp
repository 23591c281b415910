// Per-frame file names: #### and printf tokens, default names, names without a token.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "sequence/FrameNaming.h"

namespace rt {
namespace {

TEST(FrameNaming, HashesAndPrintfTokensArePaddedToTheirWidth) {
    EXPECT_EQ(expandFrameToken("shot.####.exr", 12), "shot.0012.exr");
    EXPECT_EQ(expandFrameToken("shot.#.exr", 12), "shot.12.exr");
    EXPECT_EQ(expandFrameToken("shot.##.exr", 123), "shot.123.exr") << "never cut";
    EXPECT_EQ(expandFrameToken("shot.%04d.exr", 12), "shot.0012.exr");
    EXPECT_EQ(expandFrameToken("shot.%d.exr", 12), "shot.12.exr");
    EXPECT_EQ(expandFrameToken("shot.%06d.exr", 7), "shot.000007.exr");
    EXPECT_EQ(expandFrameToken("f####/beauty.####.exr", 3), "f0003/beauty.0003.exr");
    EXPECT_EQ(expandFrameToken(std::string(40, '#'), 7), std::string(39, '0') + "7");
    EXPECT_EQ(expandFrameToken("plain.exr", 3), "plain.exr");
    EXPECT_EQ(expandFrameToken("100%.exr", 3), "100%.exr") << "a lone % is text";
    EXPECT_EQ(expandFrameToken("a%s.exr", 3), "a%s.exr");
    EXPECT_EQ(expandFrameToken("a%0d.exr", 3), "a%0d.exr");
}

TEST(FrameNaming, TokensAreFound) {
    EXPECT_TRUE(hasFrameToken("shot.####.exr"));
    EXPECT_TRUE(hasFrameToken("shot.%04d.exr"));
    EXPECT_TRUE(hasFrameToken("shot.%d.exr"));
    EXPECT_FALSE(hasFrameToken("shot.exr"));
    EXPECT_FALSE(hasFrameToken("50%.exr"));
}

TEST(FrameNaming, DefaultNamesGetTheFrameBeforeTheExtension) {
    EXPECT_EQ(insertFrameBeforeExtension("checkpoint.exr", 12), "checkpoint.0012.exr");
    EXPECT_EQ(insertFrameBeforeExtension("dir.v2/checkpoint.exr", 12),
              "dir.v2/checkpoint.0012.exr");
    EXPECT_EQ(insertFrameBeforeExtension("dir.v2/checkpoint", 12), "dir.v2/checkpoint.0012");
    EXPECT_EQ(insertFrameBeforeExtension("out", 5), "out.0005");
    EXPECT_EQ(insertFrameBeforeExtension("a.b.exr", 5), "a.b.0005.exr");
}

TEST(FrameNaming, AUserNameWithoutATokenIsAnErrorNamingIt) {
    EXPECT_EQ(frameFileName("shot.####.exr", 4, true, "option '-out'"), "shot.0004.exr");
    EXPECT_EQ(frameFileName("checkpoint.exr", 4, false, "checkpoint_file_name"),
              "checkpoint.0004.exr");
    EXPECT_EQ(frameFileName("cp.%03d.exr", 4, false, "checkpoint_file_name"), "cp.004.exr");
    try {
        (void)frameFileName("shot.exr", 4, true, "option '-out'");
        FAIL() << "no error";
    } catch (const UsageError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("option '-out'"), std::string::npos) << what;
        EXPECT_NE(what.find("'shot.exr'"), std::string::npos) << what;
        EXPECT_NE(what.find("####"), std::string::npos) << what;
    }
}

}  // namespace
}  // namespace rt
