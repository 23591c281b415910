#include "io/Canvas.h"

#include <OpenImageIO/imagebuf.h>
#include <OpenImageIO/imagebufalgo.h>

#include <algorithm>
#include <cstdlib>

#include "io/Srgb.h"

namespace rt {
namespace {

namespace IBA = OIIO::ImageBufAlgo;

// RGBA, sRGB-encoded, opaque: what the canvas stores and draws with.
struct Ink {
    float rgba[4];
    OIIO::cspan<float> span() const { return OIIO::cspan<float>(rgba, 4); }
};

Ink ink(const Color& linear) {
    auto encode = [](float v) { return linearToSrgb(std::clamp(v, 0.0f, 1.0f)); };
    return Ink{{encode(linear.x), encode(linear.y), encode(linear.z), 1.0f}};
}

// The text's ink box relative to the left end of its baseline; undefined when the font
// cannot be loaded.
OIIO::ROI textBox(std::string_view text, int size, const std::string& font) {
    return IBA::text_size(text, size, font);
}

// A text that reaches as high and as low as the font's labels do: capitals, a
// descender and the brackets, which rise above the capitals and fall below the baseline.
constexpr const char* kLineExtent = "Ag()";

// Text whose line box (kLineExtent) has its top-left corner at (x, y).
void drawText(OIIO::ImageBuf& image, int x, int y, std::string_view text, const Ink& color,
              int size, const std::string& font) {
    const OIIO::ROI extent = textBox(kLineExtent, size, font);
    if (text.empty() || !extent.defined()) return;
    IBA::render_text(image, x, y - extent.ybegin, text, size, font, color.span());
}

}  // namespace

bool fontAvailable(const std::string& font, std::string& error) {
    if (textBox(kLineExtent, 16, font).defined()) return true;
    error = "font '" + font + "' not found (Debian: install fonts-dejavu-core)";
    return false;
}

struct Canvas::Surface {
    OIIO::ImageBuf image;
    std::string font;
};

Canvas::Canvas(int width, int height, const Color& background, std::string font)
    : m_surface(std::make_unique<Surface>()) {
    OIIO::ImageSpec spec(std::max(width, 1), std::max(height, 1), 4, OIIO::TypeDesc::FLOAT);
    spec.alpha_channel = 3;
    m_surface->image.reset(spec, OIIO::InitializePixels::No);
    m_surface->font = std::move(font);
    IBA::fill(m_surface->image, ink(background).span());
}

Canvas::~Canvas() = default;
Canvas::Canvas(Canvas&&) noexcept = default;
Canvas& Canvas::operator=(Canvas&&) noexcept = default;

int Canvas::width() const {
    return m_surface->image.spec().width;
}

int Canvas::height() const {
    return m_surface->image.spec().height;
}

void Canvas::fillBox(int x, int y, int w, int h, const Color& color) {
    // Clipped here: render_box fills the canvas's corner for a box wholly outside it.
    const int x0 = std::max(x, 0), y0 = std::max(y, 0);
    const int x1 = std::min(x + w, width()), y1 = std::min(y + h, height());
    if (x1 <= x0 || y1 <= y0) return;
    IBA::render_box(m_surface->image, x0, y0, x1 - 1, y1 - 1, ink(color).span(), true);
}

void Canvas::strokeBox(int x, int y, int w, int h, const Color& color) {
    if (w <= 0 || h <= 0 || x >= width() || y >= height() || x + w <= 0 || y + h <= 0) return;
    IBA::render_box(m_surface->image, x, y, x + w - 1, y + h - 1, ink(color).span(), false);
}

void Canvas::line(int x0, int y0, int x1, int y1, const Color& color, int thickness) {
    const Ink c = ink(color);
    const bool mostlyHorizontal = std::abs(x1 - x0) >= std::abs(y1 - y0);
    for (int k = 0; k < std::max(thickness, 1); ++k) {
        const int offset = k - (thickness - 1) / 2;
        const int dx = mostlyHorizontal ? 0 : offset;
        const int dy = mostlyHorizontal ? offset : 0;
        IBA::render_line(m_surface->image, x0 + dx, y0 + dy, x1 + dx, y1 + dy, c.span());
    }
}

void Canvas::dashedLine(int x0, int y0, int x1, int y1, const Color& color, int dash, int gap,
                        int thickness) {
    dash = std::max(dash, 1);
    const int steps = std::max(std::abs(x1 - x0), std::abs(y1 - y0));
    auto at = [&](int step, int from, int to) {
        return steps == 0
                   ? from
                   : from + static_cast<int>(std::lround((to - from) * (double(step) / steps)));
    };
    for (int start = 0; start <= steps; start += dash + std::max(gap, 0)) {
        const int end = std::min(start + dash - 1, steps);
        line(at(start, x0, x1), at(start, y0, y1), at(end, x0, x1), at(end, y0, y1), color,
             thickness);
    }
}

int Canvas::textWidth(std::string_view text, int size) const {
    if (text.empty()) return 0;
    const OIIO::ROI box = textBox(text, size, m_surface->font);
    return box.defined() ? box.xend : 0;
}

int Canvas::textHeight(int size) const {
    const OIIO::ROI box = textBox(kLineExtent, size, m_surface->font);
    return box.defined() ? box.yend - box.ybegin : size;
}

void Canvas::text(int x, int y, std::string_view text, const Color& color, int size) {
    drawText(m_surface->image, x, y, text, ink(color), size, m_surface->font);
}

void Canvas::textVertical(int x, int y, std::string_view text, const Color& color, int size) {
    const int w = textWidth(text, size), h = textHeight(size);
    if (w <= 0 || h <= 0) return;
    // Drawn level on a transparent strip, turned, then laid over the canvas: render_text
    // has no rotation of its own.
    OIIO::ImageSpec spec(w, h, 4, OIIO::TypeDesc::FLOAT);
    spec.alpha_channel = 3;
    OIIO::ImageBuf strip(spec);  // zero-filled: transparent
    drawText(strip, 0, 0, text, ink(color), size, m_surface->font);
    OIIO::ImageBuf turned = IBA::rotate270(strip);
    turned.set_origin(x, y);
    const OIIO::ROI where = OIIO::roi_intersection(turned.roi(), m_surface->image.roi());
    if (!where.defined() || where.npixels() == 0) return;
    OIIO::ImageBuf laid = IBA::over(turned, m_surface->image, where);
    laid.set_origin(0, 0);  // paste() adds the source's origin to the place it is given
    IBA::paste(m_surface->image, where.xbegin, where.ybegin, 0, 0, laid);
}

ImageBuffer Canvas::toImage() const {
    const OIIO::ImageBuf& source = m_surface->image;
    ImageBuffer image(width(), height());
    std::vector<float> pixels(image.pixelCount() * 4);
    source.get_pixels(source.roi(), OIIO::TypeDesc::FLOAT, pixels.data());
    const char* names[3] = {"R", "G", "B"};
    for (int c = 0; c < 3; ++c) {
        ImageChannel& channel = image.addChannel(names[c], PixelType::Float);
        for (size_t i = 0; i < image.pixelCount(); ++i)
            channel.floats[i] = srgbToLinear(pixels[i * 4 + c]);
    }
    return image;
}

}  // namespace rt
