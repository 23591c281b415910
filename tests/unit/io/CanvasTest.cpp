// The drawing surface over OpenImageIO (io/Canvas.h): what is drawn lands where it is
// asked, in the colour asked, and text comes from the TrueType font.
#include <gtest/gtest.h>

#include <cmath>

#include "io/Canvas.h"
#include "io/Srgb.h"

namespace rt {
namespace {

const Color kWhite(1.0f);
const Color kInk(0.0f, 0.0f, 1.0f);

Color pixel(const ImageBuffer& image, int x, int y) {
    const size_t i = image.index(x, y);
    return Color(image.find("R")->floats[i], image.find("G")->floats[i],
                 image.find("B")->floats[i]);
}

bool near(const Color& a, const Color& b) {
    return std::abs(a.x - b.x) < 1e-4f && std::abs(a.y - b.y) < 1e-4f &&
           std::abs(a.z - b.z) < 1e-4f;
}

// Pixels of `image` inside [x0, x1) x [y0, y1) that are not white.
int inkCount(const ImageBuffer& image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) n += near(pixel(image, x, y), kWhite) ? 0 : 1;
    }
    return n;
}

int inkCount(const ImageBuffer& image) {
    return inkCount(image, 0, 0, image.width, image.height);
}

TEST(Canvas, TheDebianFontIsFoundAndAMissingOneIsNamed) {
    std::string error;
    EXPECT_TRUE(fontAvailable(kPlotFont, error)) << error;
    EXPECT_FALSE(fontAvailable("NoSuchFontAnywhere", error));
    EXPECT_NE(error.find("'NoSuchFontAnywhere'"), std::string::npos) << error;
    EXPECT_NE(error.find("fonts-dejavu-core"), std::string::npos) << error;
}

TEST(Canvas, BackgroundAndColoursComeBackLinear) {
    const Color grey(0.2f, 0.4f, 0.6f);  // linear; stored sRGB-encoded inside
    Canvas canvas(8, 4, grey);
    canvas.fillBox(2, 1, 3, 2, kInk);
    const ImageBuffer image = canvas.toImage();
    std::string error;
    ASSERT_TRUE(image.validate(error)) << error;
    ASSERT_EQ(image.width, 8);
    ASSERT_EQ(image.height, 4);
    EXPECT_TRUE(near(pixel(image, 0, 0), grey));
    EXPECT_TRUE(near(pixel(image, 2, 1), kInk));
    EXPECT_TRUE(near(pixel(image, 4, 2), kInk));
    EXPECT_TRUE(near(pixel(image, 5, 2), grey));  // w = 3: columns 2..4
    EXPECT_TRUE(near(pixel(image, 2, 3), grey));  // h = 2: rows 1..2
}

TEST(Canvas, LinesIncludeEndPointsAndDashesLeaveGaps) {
    Canvas canvas(40, 20, kWhite);
    canvas.line(2, 3, 30, 15, kInk);
    ImageBuffer image = canvas.toImage();
    EXPECT_TRUE(near(pixel(image, 2, 3), kInk));
    EXPECT_TRUE(near(pixel(image, 30, 15), kInk));
    EXPECT_EQ(inkCount(image), 29);  // one pixel per step along the major axis

    Canvas dashed(40, 5, kWhite);
    dashed.dashedLine(0, 2, 39, 2, kInk, 4, 4);
    image = dashed.toImage();
    EXPECT_EQ(inkCount(image), 20);
    EXPECT_TRUE(near(pixel(image, 3, 2), kInk));
    EXPECT_TRUE(near(pixel(image, 4, 2), kWhite));
    EXPECT_TRUE(near(pixel(image, 8, 2), kInk));

    Canvas thick(20, 20, kWhite);
    thick.line(0, 10, 19, 10, kInk, 3);  // rows 9, 10, 11
    image = thick.toImage();
    EXPECT_EQ(inkCount(image), 20 * 3);
    EXPECT_EQ(inkCount(image, 0, 9, 20, 12), 20 * 3);
}

TEST(Canvas, OutlinesAndClipping) {
    Canvas canvas(30, 30, kWhite);
    canvas.strokeBox(5, 5, 10, 10, kInk);
    ImageBuffer image = canvas.toImage();
    EXPECT_EQ(inkCount(image), 4 * 10 - 4);
    EXPECT_TRUE(near(pixel(image, 10, 10), kWhite));

    Canvas clipped(30, 30, kWhite);
    clipped.line(-100, 15, 100, 15, kInk);
    clipped.fillBox(-10, -10, 5, 5, kInk);  // wholly outside
    clipped.fillBox(25, 25, 50, 50, kInk);  // partly outside
    clipped.text(25, 25, "888", kInk, 40);
    clipped.textVertical(-5, 28, "888", kInk, 20);
    image = clipped.toImage();
    EXPECT_EQ(inkCount(image, 0, 15, 30, 16), 30);
    EXPECT_TRUE(near(pixel(image, 29, 29), kInk));
    EXPECT_TRUE(near(pixel(image, 0, 0), kWhite));
}

TEST(Canvas, TextInksItsBoxOnly) {
    Canvas canvas(200, 40, kWhite);
    const int w = canvas.textWidth("ETA 12s", 16), h = canvas.textHeight(16);
    EXPECT_GT(w, 40);  // seven glyphs of a 16-pixel font
    EXPECT_LT(w, 120);
    EXPECT_GE(h, 16);
    EXPECT_LT(h, 32);
    EXPECT_EQ(canvas.textWidth("", 16), 0);
    EXPECT_GT(canvas.textWidth("ETA 12s", 32), w);  // grows with the size
    canvas.text(10, 5, "ETA 12s", kInk, 16);
    const ImageBuffer image = canvas.toImage();
    const int inside = inkCount(image, 10, 5, 10 + w, 5 + h);
    EXPECT_GT(inside, 40);
    EXPECT_EQ(inkCount(image), inside) << "ink outside the text's box";
    bool pure = false;  // glyph stems are drawn in the colour asked
    for (int y = 5; y < 5 + h; ++y) {
        for (int x = 10; x < 10 + w; ++x) pure = pure || near(pixel(image, x, y), kInk);
    }
    EXPECT_TRUE(pure);
}

TEST(Canvas, VerticalTextIsTheLevelTextTurnedCounterClockwise) {
    const int size = 16;
    Canvas level(100, 100, kWhite);
    const int w = level.textWidth("Lp", size), h = level.textHeight(size);
    level.text(0, 0, "Lp", kInk, size);
    Canvas turned(100, 100, kWhite);
    turned.textVertical(20, 30, "Lp", kInk, size);
    const ImageBuffer a = level.toImage(), b = turned.toImage();
    EXPECT_EQ(inkCount(b), inkCount(a));
    EXPECT_EQ(inkCount(b, 20, 30, 20 + h, 30 + w), inkCount(b)) << "outside its box";
    // Turning counter-clockwise takes level (x, y) to (20 + y, 30 + w - 1 - x).
    int differing = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            const Color p = pixel(a, x, y), q = pixel(b, 20 + y, 30 + w - 1 - x);
            differing += std::abs(p.z - q.z) > 1e-3f || std::abs(p.x - q.x) > 1e-3f ? 1 : 0;
        }
    }
    EXPECT_EQ(differing, 0);
}

TEST(Canvas, WithoutItsFontTextDrawsNothing) {
    Canvas canvas(100, 40, kWhite, "NoSuchFontAnywhere");
    EXPECT_EQ(canvas.textWidth("abc", 16), 0);
    canvas.text(5, 5, "abc", kInk, 16);
    canvas.textVertical(5, 5, "abc", kInk, 16);
    canvas.line(0, 20, 99, 20, kInk);  // everything else still draws
    EXPECT_EQ(inkCount(canvas.toImage()), 100);
}

}  // namespace
}  // namespace rt
