// 8-bit output through OpenImageIO and reading images back with readRgbImage.
#include <cmath>
#include <limits>

#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "io/ImageFormat.h"
#include "io/ImageReader.h"
#include "io/LdrFile.h"
#include "io/Srgb.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

// One row of grey pixels with the given linear values.
ImageBuffer greyRow(const std::vector<float>& values, bool withAlpha = false) {
    ImageBuffer image(static_cast<int>(values.size()), 1);
    for (const char* name : {"R", "G", "B"}) {
        image.addChannel(name, PixelType::Float).floats = values;
    }
    if (withAlpha) image.addChannel("A", PixelType::Float).floats.assign(values.size(), 1.0f);
    return image;
}

int code(float stored) {
    return static_cast<int>(std::lround(stored * 255.0f));
}

TEST(LdrFile, PngStoresSrgbCodesOfLinearValuesAndClamps) {
    test::TempDir dir;
    const std::string path = dir.file("beauty.png");
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const ImageBuffer image = greyRow({0.0f, 1.0f, 0.214f, 2.5f, -1.0f, nan});
    std::string error;
    ASSERT_TRUE(writeLdr(path, image, error)) << error;
    EXPECT_FALSE(test::exists(partPath(path)));

    ImageBuffer raw;
    ASSERT_TRUE(readImage(path, raw, error)) << error;
    ASSERT_EQ(raw.channels.size(), 3u);
    const std::vector<float>& stored = raw.find("R")->floats;
    EXPECT_EQ(code(stored[0]), 0);
    EXPECT_EQ(code(stored[1]), 255);
    EXPECT_NEAR(code(stored[2]), 128, 1);  // sRGB(0.214) = 0.49996
    EXPECT_EQ(code(stored[3]), 255) << "values above 1 clamp";
    EXPECT_EQ(code(stored[4]), 0) << "negative values clamp";
    EXPECT_EQ(code(stored[5]), 0) << "NaN writes black";

    RgbImage rgb;
    ASSERT_TRUE(readRgbImage(path, rgb, error)) << error;
    ASSERT_EQ(rgb.width, 6);
    EXPECT_FLOAT_EQ(rgb.at(0, 0).x, 0.0f);
    EXPECT_FLOAT_EQ(rgb.at(1, 0).y, 1.0f);
    EXPECT_NEAR(rgb.at(2, 0).z, 0.214f, 0.002f) << "8-bit sRGB is linearized on read";
}

TEST(LdrFile, AlphaIsStoredStraight) {
    test::TempDir dir;
    const std::string path = dir.file("alpha.png");
    ImageBuffer image = greyRow({0.25f, 0.0f}, true);
    image.find("A")->floats = {0.5f, 0.0f};
    std::string error;
    ASSERT_TRUE(writeLdr(path, image, error)) << error;
    ImageBuffer raw;
    ASSERT_TRUE(readImage(path, raw, error)) << error;
    ASSERT_NE(raw.find("A"), nullptr);
    EXPECT_EQ(code(raw.find("A")->floats[0]), 128);
    EXPECT_EQ(code(raw.find("R")->floats[0]), linearToSrgb8(0.5f)) << "0.25 / alpha 0.5";
    EXPECT_EQ(code(raw.find("A")->floats[1]), 0);
}

TEST(LdrFile, JpegAndTiffAreWritten) {
    test::TempDir dir;
    const ImageBuffer image = greyRow(std::vector<float>(16, 0.214f), true);
    for (const char* name : {"out.jpg", "out.jpeg", "out.tif", "OUT.TIFF"}) {
        const std::string path = dir.file(name);
        std::string error;
        ASSERT_TRUE(writeLdr(path, image, error)) << error;
        RgbImage rgb;
        ASSERT_TRUE(readRgbImage(path, rgb, error)) << error;
        EXPECT_NEAR(rgb.at(5, 0).x, 0.214f, 0.01f) << name;
    }
    EXPECT_EQ(test::entryCount(dir.path()), 4u) << "no .part files left";
}

TEST(LdrFile, FailuresLeaveNoFile) {
    test::TempDir dir;
    std::string error;
    const std::string badExtension = dir.file("out.bmp");
    EXPECT_FALSE(writeLdr(badExtension, greyRow({0.5f}), error));
    EXPECT_NE(error.find(badExtension), std::string::npos) << error;

    const std::string unwritable = dir.file("missing/out.png");
    EXPECT_FALSE(writeLdr(unwritable, greyRow({0.5f}), error));
    EXPECT_NE(error.find(unwritable), std::string::npos) << error;

    ImageBuffer noBlue(1, 1);
    noBlue.addChannel("R", PixelType::Float);
    noBlue.addChannel("G", PixelType::Float);
    EXPECT_FALSE(writeLdr(dir.file("rg.png"), noBlue, error));
    EXPECT_EQ(test::entryCount(dir.path()), 0u);
}

TEST(LdrFile, PartIsWrittenButNotCommitted) {
    test::TempDir dir;
    std::string error;
    const std::string path = dir.file("out.png");
    test::writeBytes(path, "previous");
    ASSERT_TRUE(writeLdrPart(path, greyRow({0.5f}), error)) << error;
    EXPECT_EQ(test::readBytes(path), "previous");
    ASSERT_TRUE(test::exists(partPath(path)));

    ASSERT_TRUE(commitPart(path, error)) << error;
    RgbImage rgb;
    ASSERT_TRUE(readRgbImage(path, rgb, error)) << error;
    EXPECT_NEAR(rgb.at(0, 0).x, 0.5f, 0.01f);
    EXPECT_EQ(test::entryCount(dir.path()), 1u);

    EXPECT_FALSE(writeLdrPart(dir.file("missing/out.png"), greyRow({0.5f}), error));
    EXPECT_NE(error.find(dir.file("missing/out.png")), std::string::npos) << error;
    EXPECT_EQ(test::entryCount(dir.path()), 1u);
}

TEST(ImageReader, ReadsLinearExrUnchanged) {
    test::TempDir dir;
    const std::string path = dir.file("linear.exr");
    ImageBuffer image(2, 2);
    image.addChannel("A", PixelType::Float).floats.assign(4, 1.0f);
    image.addChannel("R", PixelType::Float).floats = {0.214f, 2.5f, 0.0f, 1.0f};
    image.addChannel("G", PixelType::Float).floats = {0.5f, 0.5f, 0.5f, 0.5f};
    image.addChannel("B", PixelType::Half).floats = {0.25f, 8.0f, 0.0f, 1.0f};
    std::string error;
    ASSERT_TRUE(writeExr(path, image, Metadata{}, ExrWriteOptions{}, error)) << error;
    RgbImage rgb;
    ASSERT_TRUE(readRgbImage(path, rgb, error)) << error;
    ASSERT_EQ(rgb.width, 2);
    ASSERT_EQ(rgb.height, 2);
    EXPECT_EQ(rgb.at(0, 0), Color(0.214f, 0.5f, 0.25f)) << "float data is linear";
    EXPECT_EQ(rgb.at(1, 0), Color(2.5f, 0.5f, 8.0f)) << "no clamping";
    EXPECT_EQ(rgb.at(1, 1), Color(1.0f, 0.5f, 1.0f)) << "row 1 is the second row";
}

TEST(ImageReader, MissingFileFailsWithItsName) {
    RgbImage rgb;
    std::string error;
    EXPECT_FALSE(readRgbImage("/nonexistent/texture.png", rgb, error));
    EXPECT_NE(error.find("/nonexistent/texture.png"), std::string::npos) << error;
}

TEST(ImageFormat, ExtensionsAreCaseInsensitive) {
    for (const char* name : {"a.png", "a.JPG", "a.jpeg", "dir.x/a.tif", "a.TIFF"}) {
        EXPECT_TRUE(isLdrExtension(name)) << name;
    }
    for (const char* name : {"a.exr", "a.png.part", "png", "a.bmp", ""}) {
        EXPECT_FALSE(isLdrExtension(name)) << name;
    }
    EXPECT_TRUE(isExrExtension("beauty.EXR"));
    EXPECT_EQ(imageFormatFromPath("x.jpeg"), ImageFormat::Jpeg);
}

}  // namespace
}  // namespace rt
