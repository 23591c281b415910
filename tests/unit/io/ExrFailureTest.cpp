// EXR failures: unwritable places, a full disk, bad input, and damaged files. Every
// failure returns a message naming the file and leaves no file behind.
#include <signal.h>
#include <sys/resource.h>

#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

ImageBuffer makeImage(int width = 32, int height = 16) {
    ImageBuffer image(width, height);
    for (const char* name : {"R", "G", "B", "A"}) image.addChannel(name, PixelType::Float);
    for (ImageChannel& channel : image.channels) {
        for (size_t i = 0; i < channel.floats.size(); ++i) channel.floats[i] = 0.001f * i;
    }
    return image;
}

void expectWriteFails(const std::string& path, const ImageBuffer& image, const Metadata& metadata,
                      const std::string& expectedInMessage) {
    std::string error;
    EXPECT_FALSE(writeExr(path, image, metadata, ExrWriteOptions{}, error));
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find(expectedInMessage), std::string::npos) << error;
    EXPECT_FALSE(test::exists(path));
    EXPECT_FALSE(test::exists(partPath(path)));
}

TEST(ExrFailure, UnwritableDirectoryFailsAndLeavesNoFile) {
    test::TempDir dir;
    expectWriteFails(dir.file("missing/dir/out.exr"), makeImage(), Metadata{}, "No such file");
    // A regular file where a directory should be fails even for root.
    test::writeBytes(dir.file("plain"), "x");
    expectWriteFails(dir.file("plain/out.exr"), makeImage(), Metadata{}, "Not a directory");
    EXPECT_EQ(test::entryCount(dir.path()), 1u);
}

TEST(ExrFailure, FullDiskFailsAndRemovesThePart) {
    test::TempDir dir;
    const std::string path = dir.file("big.exr");
    // RLIMIT_FSIZE makes writes past 4 KiB fail with EFBIG, as ENOSPC would on a full disk.
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    auto previousHandler = signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 4096;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string error;
    const bool ok =
        writeExr(path, makeImage(256, 256), Metadata{}, ExrWriteOptions{Compression::None}, error);
    setrlimit(RLIMIT_FSIZE, &saved);
    signal(SIGXFSZ, previousHandler);
    EXPECT_FALSE(ok);
    EXPECT_NE(error.find(partPath(path)), std::string::npos) << error;
    EXPECT_NE(error.find("File too large"), std::string::npos) << error;
    EXPECT_EQ(test::entryCount(dir.path()), 0u);
}

TEST(ExrFailure, BadImagesAndReservedMetadataAreRejected) {
    test::TempDir dir;
    const std::string path = dir.file("bad.exr");
    expectWriteFails(path, ImageBuffer{}, Metadata{}, "not positive");
    ImageBuffer wrongSize = makeImage();
    wrongSize.channels[1].floats.pop_back();
    expectWriteFails(path, wrongSize, Metadata{}, "channel 'G'");
    ImageBuffer duplicate = makeImage();
    duplicate.addChannel("R", PixelType::Half);
    expectWriteFails(path, duplicate, Metadata{}, "two channels named 'R'");

    Metadata reserved;
    reserved.set("dataWindow", 3);
    expectWriteFails(path, makeImage(), reserved, "reserved");
    Metadata clash;  // chromaticities exists with its own type in an RGB image
    clash.set("chromaticities", "rec709");
    expectWriteFails(path, makeImage(), clash, "chromaticities");
    EXPECT_EQ(test::entryCount(dir.path()), 0u);
}

TEST(ExrFailure, WritePartLeavesOnlyThePartUntilCommit) {
    test::TempDir dir;
    const std::string path = dir.file("out.exr");
    std::string error;
    ImageBuffer first = makeImage();
    first.channels[0].floats[0] = 1.0f;
    ASSERT_TRUE(writeExr(path, first, Metadata{}, ExrWriteOptions{}, error)) << error;

    ImageBuffer second = makeImage();
    second.channels[0].floats[0] = 2.0f;
    ASSERT_TRUE(writeExrPart(path, second, Metadata{}, ExrWriteOptions{}, error)) << error;
    ASSERT_TRUE(test::exists(partPath(path)));
    ImageBuffer read;
    Metadata metadata;
    ASSERT_TRUE(readExr(path, read, metadata, error)) << error;
    EXPECT_EQ(read.find("R")->floats[0], 1.0f) << "the final name must still hold the old file";
    ASSERT_TRUE(readExr(partPath(path), read, metadata, error)) << error;
    EXPECT_EQ(read.find("R")->floats[0], 2.0f) << "the .part is a complete file";

    ASSERT_TRUE(commitPart(path, error)) << error;
    EXPECT_FALSE(test::exists(partPath(path)));
    ASSERT_TRUE(readExr(path, read, metadata, error)) << error;
    EXPECT_EQ(read.find("R")->floats[0], 2.0f);
    EXPECT_EQ(test::entryCount(dir.path()), 1u);
}

TEST(ExrFailure, TruncatedFilesFailToRead) {
    test::TempDir dir;
    for (Compression compression : {Compression::None, Compression::Zip}) {
        const std::string path = dir.file("whole.exr");
        std::string error;
        ASSERT_TRUE(
            writeExr(path, makeImage(64, 64), Metadata{}, ExrWriteOptions{compression}, error));
        const std::string bytes = test::readBytes(path);
        // Inside the header, inside the offset table, inside the pixels, one byte short.
        for (size_t cut : {size_t(20), size_t(400), bytes.size() / 2, bytes.size() - 1}) {
            const std::string truncated = dir.file("cut" + std::to_string(cut) + ".exr");
            test::writeBytes(truncated, bytes.substr(0, cut));
            ImageBuffer image;
            Metadata metadata;
            EXPECT_FALSE(readExr(truncated, image, metadata, error))
                << "cut at " << cut << " of " << bytes.size();
            EXPECT_NE(error.find(truncated), std::string::npos) << error;
            EXPECT_EQ(image.width, 0) << "outputs are untouched on failure";
        }
    }
}

TEST(ExrFailure, CorruptAndMissingFilesFailToRead) {
    test::TempDir dir;
    std::string error;
    ImageBuffer image;
    Metadata metadata;
    const std::string missing = dir.file("missing.exr");
    EXPECT_FALSE(readExr(missing, image, metadata, error));
    EXPECT_NE(error.find(missing), std::string::npos) << error;

    const std::string garbage = dir.file("garbage.exr");
    test::writeBytes(garbage, std::string(1000, 'x'));
    EXPECT_FALSE(readExr(garbage, image, metadata, error));
    EXPECT_NE(error.find(garbage), std::string::npos) << error;

    // Damaged compressed pixel data fails zlib's checksum.
    const std::string path = dir.file("damaged.exr");
    ASSERT_TRUE(writeExr(path, makeImage(64, 64), Metadata{}, ExrWriteOptions{}, error));
    std::string bytes = test::readBytes(path);
    for (size_t i = bytes.size() - 200; i < bytes.size() - 100; ++i) bytes[i] ^= 0x5a;
    test::writeBytes(path, bytes);
    EXPECT_FALSE(readExr(path, image, metadata, error));
    EXPECT_NE(error.find(path), std::string::npos) << error;
}

TEST(ExrFailure, OiiotoolRejectsATruncatedFile) {
    // Confirms the premise of the external check: --printstats fails on damage.
    ASSERT_TRUE(test::commandExists("oiiotool"));
    test::TempDir dir;
    const std::string path = dir.file("whole.exr");
    std::string error;
    ASSERT_TRUE(writeExr(path, makeImage(64, 64), Metadata{}, ExrWriteOptions{}, error)) << error;
    const std::string bytes = test::readBytes(path);
    test::writeBytes(path, bytes.substr(0, bytes.size() / 2));
    const std::string command = "oiiotool '" + path + "' --printstats >/dev/null 2>&1";
    EXPECT_NE(std::system(command.c_str()), 0);
}

}  // namespace
}  // namespace rt
