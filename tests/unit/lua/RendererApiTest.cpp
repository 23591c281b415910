// The `renderer` table of hook scripts: log, write_preview (EXR checkpoint in, 8-bit
// preview out) and copy_file, each returning true or nil plus a message.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "SceneTestUtil.h"
#include "io/AtomicFile.h"
#include "io/ExrFile.h"
#include "io/ImageReader.h"
#include "io/Srgb.h"
#include "lua/HookScript.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

using test::readBytes;
using test::TempDir;
using test::writeBytes;

// Runs `body` with report(...) defined: it appends its arguments, through tostring and
// separated by spaces, as one line of the returned text.
std::string reportOf(const TempDir& dir, const std::string& body) {
    const std::string out = dir.file("report.txt");
    const std::string script = dir.file("api.lua");
    writeBytes(script, "local out = assert(io.open('" + out +
                           "', 'w'))\n"
                           "function report(...) local t = table.pack(...) "
                           "for i = 1, t.n do t[i] = tostring(t[i]) end "
                           "out:write(table.concat(t, ' ', 1, t.n), '\\n') end\n" +
                           body + "\nout:close()\n");
    const HookResult result = runHookScript(script, "checkpoint", ScriptValue());
    EXPECT_TRUE(result.ok) << result.error;
    return readBytes(out);
}

// A 4x2 checkpoint-like EXR: grey R, G, B (rows 0 1 2 2 / 1 2 4 0), plus a UINT channel
// and an AOV layer that the preview must ignore.
std::string writeCheckpoint(const TempDir& dir, bool withAlpha = false) {
    ImageBuffer image(4, 2);
    const std::vector<float> grey = {0, 1, 2, 2, 1, 2, 4, 0};
    for (const char* name : {"R", "G", "B"}) image.addChannel(name, PixelType::Half).floats = grey;
    if (withAlpha) image.addChannel("A", PixelType::Half).floats = {1, 1, 1, 1, 0.5, 0.5, 1, 1};
    image.addChannel("diffuse.R", PixelType::Float).floats.assign(8, 100.0f);
    image.addChannel("resume.samples", PixelType::Uint).uints.assign(8, 4000000000u);
    const std::string path = dir.file("checkpoint.exr");
    std::string error;
    EXPECT_TRUE(writeExr(path, image, Metadata(), ExrWriteOptions{}, error)) << error;
    return path;
}

// The 8-bit codes of `channel` of an image file.
std::vector<long> codes(const std::string& path, const char* channel, int& width, int& height) {
    ImageBuffer image;
    std::string error;
    EXPECT_TRUE(readImage(path, image, error)) << error;
    width = image.width;
    height = image.height;
    std::vector<long> result;
    if (const ImageChannel* found = image.find(channel)) {
        for (float value : found->floats) result.push_back(std::lround(value * 255.0f));
    }
    return result;
}

TEST(RendererApi, LogWritesTheScriptNameAndMessage) {
    TempDir dir;
    testing::internal::CaptureStderr();
    const std::string out = reportOf(dir, R"(
renderer.log("preview written")
renderer.log("copied", 3, nil)
report(require("renderer") == renderer, type(renderer.log))
report(pcall(renderer.copy_file, {}, "x"))
)");
    const std::string err = testing::internal::GetCapturedStderr();
    EXPECT_CONTAINS(err, "api.lua: preview written\n");
    EXPECT_CONTAINS(err, "api.lua: copied\t3\tnil\n");  // as print
    EXPECT_EQ(err.find(dir.path().string()), std::string::npos) << err;
    EXPECT_CONTAINS(out, "true function\n");
    EXPECT_CONTAINS(out,
                    "false bad argument #1 to 'renderer.copy_file' (string expected, got "
                    "table)\n");
}

TEST(RendererApi, WritePreviewPngHasToneMappedSrgbValues) {
    TempDir dir;
    const std::string exr = writeCheckpoint(dir);
    const std::string png = dir.file("preview.png");
    const std::string full = dir.file("full.png");
    const std::string out = reportOf(dir, "report(renderer.write_preview('" + exr + "', '" + png +
                                              "', {max_size = 2, tonemap = 'reinhard', "
                                              "exposure = 1}))\n"
                                              "report(renderer.write_preview('" +
                                              exr + "', '" + full + "'))\n");
    EXPECT_EQ(out, "true\ntrue\n");
    int width = 0, height = 0;
    // 2x2 block means 1 and 2, doubled by the exposure, then x / (1 + x).
    EXPECT_EQ(codes(png, "R", width, height),
              (std::vector<long>{linearToSrgb8(2.0f / 3.0f), linearToSrgb8(4.0f / 5.0f)}));
    EXPECT_EQ(width, 2);
    EXPECT_EQ(height, 1);
    // The defaults: full size, clamp.
    EXPECT_EQ(codes(full, "G", width, height),
              (std::vector<long>{0, 255, 255, 255, 255, 255, 255, 0}));
    EXPECT_EQ(width, 4);
    EXPECT_EQ(height, 2);
    EXPECT_FALSE(test::exists(partPath(png)));
}

TEST(RendererApi, WritePreviewKeepsAlphaInPng) {
    TempDir dir;
    const std::string exr = writeCheckpoint(dir, true);
    const std::string png = dir.file("alpha.png");
    EXPECT_EQ(reportOf(dir, "report(renderer.write_preview('" + exr + "', '" + png +
                                "', {exposure = -2}))"),
              "true\n");
    int width = 0, height = 0;
    EXPECT_EQ(codes(png, "A", width, height),
              (std::vector<long>{255, 255, 255, 255, 128, 128, 255, 255}));
    // Pixel (0, 1): premultiplied 1 at alpha 0.5, a quarter of it after -2 stops: straight
    // 0.5. Pixel (1, 1): premultiplied 2 -> straight 1.
    const std::vector<long> red = codes(png, "R", width, height);
    EXPECT_EQ(red[4], linearToSrgb8(0.5f));
    EXPECT_EQ(red[5], 255);
    EXPECT_EQ(red[1], linearToSrgb8(0.25f));
}

TEST(RendererApi, WritePreviewJpegSizeAndQuality) {
    TempDir dir;
    // 64x48 noise, so that the JPEG quality shows in the file size.
    ImageBuffer image(64, 48);
    std::vector<float> noise(64 * 48);
    for (size_t i = 0; i < noise.size(); ++i) noise[i] = static_cast<float>((i * 7919) % 101) / 100;
    for (const char* name : {"R", "G", "B"})
        image.addChannel(name, PixelType::Float).floats = noise;
    const std::string exr = dir.file("noise.exr");
    std::string error;
    ASSERT_TRUE(writeExr(exr, image, Metadata(), ExrWriteOptions{}, error)) << error;

    const std::string low = dir.file("low.jpg");
    const std::string high = dir.file("high.jpeg");
    const std::string small = dir.file("small.jpg");
    EXPECT_EQ(reportOf(dir, "report(renderer.write_preview('" + exr + "', '" + low +
                                "', {quality = 10}))\n"
                                "report(renderer.write_preview('" +
                                exr + "', '" + high + "', {quality = 100}))\n" +
                                "report(renderer.write_preview('" + exr + "', '" + small +
                                "', {max_size = 25}))\n"),
              "true\ntrue\ntrue\n");
    EXPECT_LT(std::filesystem::file_size(low), std::filesystem::file_size(high) / 2);
    int width = 0, height = 0;
    codes(small, "R", width, height);
    EXPECT_EQ(width, 24);   // 25 rounded down to even
    EXPECT_EQ(height, 18);  // 48 * 25 / 64 = 18.75 -> 19 -> 18
}

TEST(RendererApi, WritePreviewFailuresReturnNilAndAMessage) {
    TempDir dir;
    const std::string exr = writeCheckpoint(dir);
    const std::string png = dir.file("p.png");
    const std::string call = "report(renderer.write_preview('" + exr + "', '" + png + "', ";
    const std::string out = reportOf(
        dir, call + "{size = 2}))\n" + call + "{tonemap = 'filmic'}))\n" + call +
                 "{quality = 0}))\n" + call + "{max_size = 2.5}))\n" + call +
                 "{exposure = 'bright'}))\n" + call + "'fast'))\n" + call + "{[1] = 2}))\n" +
                 "report(renderer.write_preview('" + dir.file("missing.exr") + "', '" + png +
                 "'))\nreport(renderer.write_preview('" + exr + "', '" + dir.file("p.tif") +
                 "'))\nreport(pcall(renderer.write_preview, nil, 'x.png'))\n");
    const std::string prefix = "nil write_preview: ";
    EXPECT_CONTAINS(out, prefix +
                             "unknown option 'size' (known: exposure, tonemap, max_size, "
                             "quality)\n");
    EXPECT_CONTAINS(out, prefix + "option tonemap must be \"clamp\" or \"reinhard\"\n");
    EXPECT_CONTAINS(out, prefix + "option quality must be an integer in 1..100\n");
    EXPECT_CONTAINS(out, prefix + "option max_size must be an integer in 1..");
    EXPECT_CONTAINS(out, prefix + "option exposure must be a finite number (stops)\n");
    EXPECT_CONTAINS(out, prefix + "the options must be a table, not a string\n");
    EXPECT_CONTAINS(out, prefix + "option names must be strings, not a number\n");
    EXPECT_CONTAINS(out, "nil cannot read '" + dir.file("missing.exr") + "'");
    EXPECT_CONTAINS(out, "the extension must be .png, .jpg or .jpeg\n");
    EXPECT_CONTAINS(out, "false bad argument #1 to ");
    // Nothing written, not even a .part: the EXR, the script and its report.
    EXPECT_EQ(test::entryCount(dir.path()), 3u);
}

TEST(RendererApi, CopyFileIsAtomicAndCopiesIntoDirectories) {
    TempDir dir;
    std::string bytes(300000, '\0');
    for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 31 % 251);
    const std::string source = dir.file("checkpoint.exr");
    writeBytes(source, bytes);
    std::filesystem::create_directories(dir.path() / "archive");
    const std::string copy = dir.file("copy.exr");
    writeBytes(copy, "old contents");  // replaced
    const std::string out =
        reportOf(dir, "report(renderer.copy_file('" + source + "', '" + copy + "'))\n" +
                          "report(renderer.copy_file('" + source + "', '" + dir.file("archive") +
                          "'))\n" + "report(renderer.copy_file('" + dir.file("missing.exr") +
                          "', '" + copy + "'))\nreport(renderer.copy_file('" + source + "', '" +
                          dir.file("no/such/dir/x.exr") + "'))\nreport(renderer.copy_file('" +
                          dir.file("archive") + "', '" + copy + "'))\n");
    EXPECT_EQ(readBytes(copy), bytes);
    EXPECT_EQ(readBytes(dir.file("archive/checkpoint.exr")), bytes);
    EXPECT_FALSE(test::exists(partPath(copy)));
    EXPECT_EQ(test::entryCount(dir.path() / "archive"), 1u);
    EXPECT_CONTAINS(out, "true\ntrue\nnil cannot copy '" + dir.file("missing.exr") +
                             "': no such file\nnil cannot copy '" + source + "' to '" +
                             dir.file("no/such/dir/x.exr.part") + "': ");
    EXPECT_CONTAINS(out, "nil cannot copy '" + dir.file("archive") + "': not a regular file\n");
    // The source, the copy, the archive folder, the script and its report.
    EXPECT_EQ(test::entryCount(dir.path()), 5u);
}

}  // namespace
}  // namespace rt
