// Previews for hook scripts (renderer.write_preview): exposure, area-average downscale,
// tone map, even sizes, and the written PNG/JPEG files.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "io/ImageReader.h"
#include "io/PreviewImage.h"
#include "io/Srgb.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

// A width x height image whose R, G and B are all `values` (row-major).
ImageBuffer greyImage(int width, int height, const std::vector<float>& values) {
    ImageBuffer image(width, height);
    for (const char* name : {"R", "G", "B"})
        image.addChannel(name, PixelType::Float).floats = values;
    return image;
}

std::vector<float> channel(const ImageBuffer& image, const char* name) {
    const ImageChannel* found = image.find(name);
    return found ? found->floats : std::vector<float>();
}

TEST(PreviewImage, SizeFitsKeepsAspectAndIsEven) {
    const auto size = [](int w, int h, int max) {
        const PreviewSize s = previewSize(w, h, max);
        return std::to_string(s.width) + "x" + std::to_string(s.height);
    };
    EXPECT_EQ(size(1920, 1080, 0), "1920x1080");  // no max_size: unchanged
    EXPECT_EQ(size(1921, 1081, 0), "1921x1081");  // ... even when odd
    EXPECT_EQ(size(1920, 1080, 640), "640x360");
    EXPECT_EQ(size(1080, 1920, 640), "360x640");
    EXPECT_EQ(size(1000, 333, 100), "100x32");  // 33.3 -> 33 -> even 32
    EXPECT_EQ(size(5, 3, 4), "4x2");            // 2.4 -> 2
    EXPECT_EQ(size(101, 51, 1000), "100x50");   // never grows; still even
    EXPECT_EQ(size(640, 1, 320), "320x1");      // a side of 1 stays 1
    EXPECT_EQ(size(3, 3, 1), "1x1");            // at least 1x1
    EXPECT_EQ(size(4000, 3, 10), "10x1");       // 0.0075 is raised to 1
}

TEST(PreviewImage, ClampIsTheDefaultAndExposureScales) {
    const ImageBuffer hdr = greyImage(4, 1, {0.25f, 0.5f, 2.0f, -1.0f});
    ImageBuffer out;
    std::string error;
    ASSERT_TRUE(previewImage(hdr, PreviewSettings{}, out, error)) << error;
    EXPECT_EQ(out.width, 4);
    EXPECT_EQ(out.channels.size(), 3u);
    EXPECT_EQ(channel(out, "G"), (std::vector<float>{0.25f, 0.5f, 1.0f, 0.0f}));

    PreviewSettings settings;
    settings.exposure = 1.0;  // twice as bright
    ASSERT_TRUE(previewImage(hdr, settings, out, error)) << error;
    EXPECT_EQ(channel(out, "R"), (std::vector<float>{0.5f, 1.0f, 1.0f, 0.0f}));
    settings.exposure = -2.0;
    ASSERT_TRUE(previewImage(hdr, settings, out, error)) << error;
    EXPECT_EQ(channel(out, "B"), (std::vector<float>{0.0625f, 0.125f, 0.5f, 0.0f}));
}

TEST(PreviewImage, ReinhardKeepsHighlights) {
    const float inf = std::numeric_limits<float>::infinity();
    const float nan = std::numeric_limits<float>::quiet_NaN();
    const ImageBuffer hdr = greyImage(6, 1, {0.0f, 0.5f, 1.0f, 3.0f, inf, nan});
    PreviewSettings settings;
    settings.toneMap = ToneMap::Reinhard;
    ImageBuffer out;
    std::string error;
    ASSERT_TRUE(previewImage(hdr, settings, out, error)) << error;
    const std::vector<float> r = channel(out, "R");
    ASSERT_EQ(r.size(), 6u);
    EXPECT_FLOAT_EQ(r[0], 0.0f);
    EXPECT_FLOAT_EQ(r[1], 0.5f / 1.5f);
    EXPECT_FLOAT_EQ(r[2], 0.5f);
    EXPECT_FLOAT_EQ(r[3], 0.75f);
    EXPECT_FLOAT_EQ(r[4], 1.0f);  // infinity: white, not NaN
    EXPECT_FLOAT_EQ(r[5], 0.0f);  // NaN: black
}

TEST(PreviewImage, DownscaleAveragesAreas) {
    // 4x2 to 2x1: each output pixel is the mean of a 2x2 block, before the tone map.
    const ImageBuffer hdr = greyImage(4, 2,
                                      {0.0f, 1.0f, 2.0f, 2.0f,  //
                                       1.0f, 2.0f, 4.0f, 0.0f});
    PreviewSettings settings;
    settings.maxSize = 2;
    settings.toneMap = ToneMap::Reinhard;
    ImageBuffer out;
    std::string error;
    ASSERT_TRUE(previewImage(hdr, settings, out, error)) << error;
    ASSERT_EQ(out.width, 2);
    ASSERT_EQ(out.height, 1);
    EXPECT_FLOAT_EQ(channel(out, "R")[0], 1.0f / 2.0f);  // mean 1
    EXPECT_FLOAT_EQ(channel(out, "R")[1], 2.0f / 3.0f);  // mean 2

    // 3 to 2 columns: the middle pixel is shared half and half.
    const ImageBuffer row = greyImage(3, 2, {0.3f, 0.6f, 0.9f, 0.3f, 0.6f, 0.9f});
    settings = PreviewSettings{};
    settings.maxSize = 2;
    ASSERT_TRUE(previewImage(row, settings, out, error)) << error;
    ASSERT_EQ(out.width, 2);
    ASSERT_EQ(out.height, 1);  // 1.33 -> 1
    EXPECT_NEAR(channel(out, "G")[0], (0.3f + 0.5f * 0.6f) / 1.5f, 1e-6);
    EXPECT_NEAR(channel(out, "G")[1], (0.9f + 0.5f * 0.6f) / 1.5f, 1e-6);
}

TEST(PreviewImage, AlphaIsAveragedAndColourStaysPremultiplied) {
    // Premultiplied colour 1.5 at alpha 0.5 is straight colour 3: Reinhard 0.75.
    ImageBuffer hdr = greyImage(2, 1, {1.5f, 0.0f});
    hdr.addChannel("A", PixelType::Float).floats = {0.5f, 0.0f};
    PreviewSettings settings;
    settings.toneMap = ToneMap::Reinhard;
    ImageBuffer out;
    std::string error;
    ASSERT_TRUE(previewImage(hdr, settings, out, error)) << error;
    EXPECT_EQ(channel(out, "A"), (std::vector<float>{0.5f, 0.0f}));
    EXPECT_FLOAT_EQ(channel(out, "R")[0], 0.75f * 0.5f);
    EXPECT_FLOAT_EQ(channel(out, "R")[1], 0.0f);
}

TEST(PreviewImage, OtherChannelsAreIgnoredAndRgbIsRequired) {
    ImageBuffer hdr = greyImage(2, 2, {0.1f, 0.2f, 0.3f, 0.4f});
    hdr.addChannel("diffuse.R", PixelType::Float).floats = {9, 9, 9, 9};
    hdr.addChannel("resume.samples", PixelType::Uint).uints = {1, 2, 3, 4};
    ImageBuffer out;
    std::string error;
    ASSERT_TRUE(previewImage(hdr, PreviewSettings{}, out, error)) << error;
    EXPECT_EQ(out.channels.size(), 3u);

    ImageBuffer noBlue(1, 1);
    noBlue.addChannel("R", PixelType::Float);
    noBlue.addChannel("G", PixelType::Float);
    EXPECT_FALSE(previewImage(noBlue, PreviewSettings{}, out, error));
    EXPECT_EQ(error, "the image has no float channel B");

    PreviewSettings bad;
    bad.jpegQuality = 0;
    EXPECT_FALSE(previewImage(hdr, bad, out, error));
    EXPECT_NE(error.find("quality"), std::string::npos) << error;
    bad = PreviewSettings{};
    bad.exposure = std::numeric_limits<double>::infinity();
    EXPECT_FALSE(previewImage(hdr, bad, out, error));
    EXPECT_NE(error.find("exposure"), std::string::npos) << error;
}

TEST(PreviewImage, WritesPngWithSrgbCodes) {
    test::TempDir dir;
    const std::string exr = dir.file("checkpoint.exr");
    ImageBuffer hdr = greyImage(4, 2, {0.0f, 1.0f, 2.0f, 2.0f, 1.0f, 2.0f, 4.0f, 0.0f});
    hdr.addChannel("resume.count", PixelType::Uint).uints = {5, 6, 7, 8, 9, 10, 11, 12};
    std::string error;
    ASSERT_TRUE(writeExr(exr, hdr, Metadata(), ExrWriteOptions{}, error)) << error;

    const std::string png = dir.file("preview.png");
    PreviewSettings settings;
    settings.maxSize = 2;
    settings.toneMap = ToneMap::Reinhard;
    ASSERT_TRUE(writePreview(exr, png, settings, error)) << error;
    EXPECT_FALSE(test::exists(partPath(png)));
    ImageBuffer stored;
    ASSERT_TRUE(readImage(png, stored, error)) << error;
    ASSERT_EQ(stored.width, 2);
    ASSERT_EQ(stored.height, 1);
    ASSERT_EQ(stored.channels.size(), 3u);
    const std::vector<float> g = channel(stored, "G");
    EXPECT_EQ(std::lround(g[0] * 255.0f), linearToSrgb8(0.5f));         // 188
    EXPECT_EQ(std::lround(g[1] * 255.0f), linearToSrgb8(2.0f / 3.0f));  // 213
}

TEST(PreviewImage, WriteFailuresLeaveNothing) {
    test::TempDir dir;
    const std::string exr = dir.file("beauty.exr");
    std::string error;
    ASSERT_TRUE(writeExr(exr, greyImage(2, 2, {1, 2, 3, 4}), Metadata(), {}, error)) << error;

    EXPECT_FALSE(writePreview(exr, dir.file("preview.tif"), PreviewSettings{}, error));
    EXPECT_NE(error.find(".png, .jpg or .jpeg"), std::string::npos) << error;
    EXPECT_FALSE(writePreview(dir.file("missing.exr"), dir.file("p.png"), {}, error));
    EXPECT_NE(error.find("missing.exr"), std::string::npos) << error;
    EXPECT_FALSE(writePreview(exr, dir.file("no/such/dir/p.png"), {}, error));
    EXPECT_EQ(test::entryCount(dir.path()), 1u);  // only the EXR
}

}  // namespace
}  // namespace rt
