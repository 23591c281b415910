#pragma once
// A tiny raster canvas for the plots the renderer draws itself (ConvergencePlot): filled
// and outlined rectangles, solid and dashed lines (Bresenham, square brush) and text in
// the built-in BitmapFont. Pixels are linear RGB, like every ImageBuffer the io writers
// take; drawing outside the canvas is clipped, never an error.
#include <string_view>
#include <vector>

#include "core/Math.h"
#include "io/ImageBuffer.h"

namespace rt {

class PlotCanvas {
  public:
    PlotCanvas(int width, int height, const Color& background);

    int width() const { return m_width; }
    int height() const { return m_height; }

    void setPixel(int x, int y, const Color& color);
    Color pixel(int x, int y) const;  // black outside the canvas

    // Rectangles with top-left corner (x, y), `w` by `h` pixels.
    void fillRect(int x, int y, int w, int h, const Color& color);
    void strokeRect(int x, int y, int w, int h, const Color& color);

    // Both end points included; `thickness` is the side of the square brush.
    void line(int x0, int y0, int x1, int y1, const Color& color, int thickness = 1);
    // Alternates `dash` drawn and `gap` skipped steps along the line.
    void dashedLine(int x0, int y0, int x1, int y1, const Color& color, int dash, int gap,
                    int thickness = 1);

    // Text with its top-left corner at (x, y), each font pixel a `scale` x `scale` block.
    void text(int x, int y, std::string_view text, const Color& color, int scale = 1);
    // Text turned 90 degrees counter-clockwise (read bottom to top), for vertical axis
    // titles; (x, y) is the top-left corner of its textHeight x textWidth box.
    void textVertical(int x, int y, std::string_view text, const Color& color, int scale = 1);

    // Float channels R, G, B.
    ImageBuffer toImage() const;

  private:
    void stamp(int x, int y, const Color& color, int thickness);
    template <typename Plot>
    void walkLine(int x0, int y0, int x1, int y1, int thickness, Plot plot);

    int m_width;
    int m_height;
    std::vector<Color> m_pixels;  // row-major, row 0 at the top
};

}  // namespace rt
