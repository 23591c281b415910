#include "report/PlotCanvas.h"

#include "report/BitmapFont.h"

namespace rt {
namespace {

// Liang-Barsky clipping of a segment to [lo, hi] in both axes. Keeps Bresenham's step
// count bounded by the canvas size whatever coordinates the caller computed.
bool clipSegment(double& x0, double& y0, double& x1, double& y1, double loX, double loY, double hiX,
                 double hiY) {
    double t0 = 0.0, t1 = 1.0;
    const double dx = x1 - x0, dy = y1 - y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0 - loX, hiX - x0, y0 - loY, hiY - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0.0) {
            if (q[i] < 0.0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0.0) {
            if (t > t1) return false;
            if (t > t0) t0 = t;
        } else {
            if (t < t0) return false;
            if (t < t1) t1 = t;
        }
    }
    const double sx = x0, sy = y0;
    x0 = sx + t0 * dx;
    y0 = sy + t0 * dy;
    x1 = sx + t1 * dx;
    y1 = sy + t1 * dy;
    return true;
}

}  // namespace

PlotCanvas::PlotCanvas(int width, int height, const Color& background)
    : m_width(std::max(width, 0)),
      m_height(std::max(height, 0)),
      m_pixels(static_cast<size_t>(m_width) * m_height, background) {}

void PlotCanvas::setPixel(int x, int y, const Color& color) {
    if (x < 0 || y < 0 || x >= m_width || y >= m_height) return;
    m_pixels[static_cast<size_t>(y) * m_width + x] = color;
}

Color PlotCanvas::pixel(int x, int y) const {
    if (x < 0 || y < 0 || x >= m_width || y >= m_height) return Color(0.0f);
    return m_pixels[static_cast<size_t>(y) * m_width + x];
}

void PlotCanvas::fillRect(int x, int y, int w, int h, const Color& color) {
    const int x0 = std::max(x, 0), x1 = std::min(x + w, m_width);
    const int y0 = std::max(y, 0), y1 = std::min(y + h, m_height);
    for (int py = y0; py < y1; ++py) {
        for (int px = x0; px < x1; ++px) m_pixels[static_cast<size_t>(py) * m_width + px] = color;
    }
}

void PlotCanvas::strokeRect(int x, int y, int w, int h, const Color& color) {
    if (w <= 0 || h <= 0) return;
    fillRect(x, y, w, 1, color);
    fillRect(x, y + h - 1, w, 1, color);
    fillRect(x, y, 1, h, color);
    fillRect(x + w - 1, y, 1, h, color);
}

void PlotCanvas::stamp(int x, int y, const Color& color, int thickness) {
    if (thickness <= 1) {
        setPixel(x, y, color);
        return;
    }
    const int lo = -(thickness - 1) / 2;
    fillRect(x + lo, y + lo, thickness, thickness, color);
}

template <typename Plot>
void PlotCanvas::walkLine(int x0, int y0, int x1, int y1, int thickness, Plot plot) {
    double ax = x0, ay = y0, bx = x1, by = y1;
    const double margin = thickness + 1.0;
    if (!clipSegment(ax, ay, bx, by, -margin, -margin, m_width - 1 + margin,
                     m_height - 1 + margin)) {
        return;
    }
    int x = static_cast<int>(std::lround(ax)), y = static_cast<int>(std::lround(ay));
    const int ex = static_cast<int>(std::lround(bx)), ey = static_cast<int>(std::lround(by));
    const int dx = std::abs(ex - x), dy = -std::abs(ey - y);
    const int sx = x < ex ? 1 : -1, sy = y < ey ? 1 : -1;
    int err = dx + dy;
    for (int step = 0;; ++step) {
        plot(x, y, step);
        if (x == ex && y == ey) break;
        const int e2 = 2 * err;
        if (e2 >= dy) {
            err += dy;
            x += sx;
        }
        if (e2 <= dx) {
            err += dx;
            y += sy;
        }
    }
}

void PlotCanvas::line(int x0, int y0, int x1, int y1, const Color& color, int thickness) {
    walkLine(x0, y0, x1, y1, thickness, [&](int x, int y, int) { stamp(x, y, color, thickness); });
}

void PlotCanvas::dashedLine(int x0, int y0, int x1, int y1, const Color& color, int dash, int gap,
                            int thickness) {
    const int period = std::max(dash, 1) + std::max(gap, 0);
    walkLine(x0, y0, x1, y1, thickness, [&](int x, int y, int step) {
        if (step % period < std::max(dash, 1)) stamp(x, y, color, thickness);
    });
}

void PlotCanvas::text(int x, int y, std::string_view text, const Color& color, int scale) {
    scale = std::max(scale, 1);
    for (size_t i = 0; i < text.size(); ++i) {
        const BitmapFont::Rows& rows = BitmapFont::rows(text[i]);
        const int left = x + static_cast<int>(i) * BitmapFont::kAdvance * scale;
        for (int row = 0; row < BitmapFont::kGlyphHeight; ++row) {
            for (int col = 0; col < BitmapFont::kGlyphWidth; ++col) {
                if ((rows[row] >> (BitmapFont::kGlyphWidth - 1 - col)) & 1) {
                    fillRect(left + col * scale, y + row * scale, scale, scale, color);
                }
            }
        }
    }
}

void PlotCanvas::textVertical(int x, int y, std::string_view text, const Color& color, int scale) {
    scale = std::max(scale, 1);
    // Turning counter-clockwise maps the glyph's column to rows counted from the bottom
    // of the box and its row to columns counted from the left.
    const int bottom = y + BitmapFont::textWidth(text, scale) - 1;
    for (size_t i = 0; i < text.size(); ++i) {
        const BitmapFont::Rows& rows = BitmapFont::rows(text[i]);
        const int start = static_cast<int>(i) * BitmapFont::kAdvance * scale;
        for (int row = 0; row < BitmapFont::kGlyphHeight; ++row) {
            for (int col = 0; col < BitmapFont::kGlyphWidth; ++col) {
                if ((rows[row] >> (BitmapFont::kGlyphWidth - 1 - col)) & 1) {
                    fillRect(x + row * scale, bottom - start - (col + 1) * scale + 1, scale, scale,
                             color);
                }
            }
        }
    }
}

ImageBuffer PlotCanvas::toImage() const {
    ImageBuffer image(m_width, m_height);
    const char* names[3] = {"R", "G", "B"};
    for (int c = 0; c < 3; ++c) {
        ImageChannel& channel = image.addChannel(names[c], PixelType::Float);
        for (size_t i = 0; i < m_pixels.size(); ++i) channel.floats[i] = m_pixels[i][c];
    }
    return image;
}

}  // namespace rt
