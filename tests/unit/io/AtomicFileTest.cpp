// The .part protocol shared by every output and by multi-file checkpoints.
#include "io/AtomicFile.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

TEST(AtomicFile, PartThenCommitReplacesTheFinalFile) {
    test::TempDir dir;
    const std::string path = dir.file("state.json");
    EXPECT_EQ(partPath(path), path + ".part");
    std::string error;
    ASSERT_TRUE(writeFileAtomic(path, "old", error)) << error;
    ASSERT_TRUE(writeFilePart(path, "new", error)) << error;
    EXPECT_EQ(test::readBytes(path), "old");
    EXPECT_EQ(test::readBytes(partPath(path)), "new");
    ASSERT_TRUE(commitPart(path, error)) << error;
    EXPECT_EQ(test::readBytes(path), "new");
    EXPECT_EQ(test::entryCount(dir.path()), 1u);
}

TEST(AtomicFile, CommitPartsCommitsAllOrNothing) {
    test::TempDir dir;
    const std::vector<std::string> paths = {dir.file("a.exr"), dir.file("b.exr"),
                                            dir.file("c.json")};
    std::string error;
    ASSERT_TRUE(writeFilePart(paths[0], "a", error)) << error;
    ASSERT_TRUE(writeFilePart(paths[1], "b", error)) << error;
    EXPECT_FALSE(commitParts(paths, error)) << "c.json.part is missing";
    EXPECT_NE(error.find(paths[2]), std::string::npos) << error;
    EXPECT_FALSE(test::exists(paths[0]));
    EXPECT_FALSE(test::exists(paths[1]));

    ASSERT_TRUE(writeFilePart(paths[2], "c", error)) << error;
    ASSERT_TRUE(commitParts(paths, error)) << error;
    for (const std::string& path : paths) {
        EXPECT_TRUE(test::exists(path)) << path;
        EXPECT_FALSE(test::exists(partPath(path))) << path;
    }
}

TEST(AtomicFile, FailuresNameThePathAndDiscardCleansUp) {
    test::TempDir dir;
    std::string error;
    const std::string unwritable = dir.file("missing/x.txt");
    EXPECT_FALSE(writeFilePart(unwritable, "x", error));
    EXPECT_NE(error.find(partPath(unwritable)), std::string::npos) << error;
    EXPECT_FALSE(commitPart(dir.file("never-written.txt"), error));
    EXPECT_NE(error.find("never-written.txt"), std::string::npos) << error;
    EXPECT_FALSE(fsyncFile(dir.file("absent"), error));

    ASSERT_TRUE(writeFilePart(dir.file("x.txt"), "x", error)) << error;
    discardPart(dir.file("x.txt"));
    discardPart(dir.file("x.txt"));  // absent: still fine
    EXPECT_EQ(test::entryCount(dir.path()), 0u);
    EXPECT_TRUE(fsyncDirectory(dir.path().string(), error)) << error;
}

}  // namespace
}  // namespace rt
