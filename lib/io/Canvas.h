#pragma once
// A raster surface for the images the renderer draws itself (the convergence plot), over
// OpenImageIO's ImageBufAlgo: filled and outlined boxes, lines (solid, dashed, thick) and
// TrueType text, horizontal or turned to read bottom to top. Colours are linear RGB like
// every ImageBuffer; the canvas keeps them sRGB-encoded so that antialiased text and
// lines blend as a viewer shows them, and toImage() hands back linear values that
// writeLdr encodes to the same 8-bit codes. Drawing outside the canvas is clipped.
#include <memory>
#include <string>
#include <string_view>

#include "core/Math.h"
#include "io/ImageBuffer.h"

namespace rt {

// The font the renderer's plots use: Debian's fonts-dejavu-core, which OpenImageIO finds
// under /usr/share/fonts by name.
inline constexpr const char* kPlotFont = "DejaVuSans";

// Whether OpenImageIO can load `font` (a font name it searches for, or a path); when not,
// `error` says so and names the font.
[[nodiscard]] bool fontAvailable(const std::string& font, std::string& error);

class Canvas {
  public:
    // `font` must be available (fontAvailable); text drawn with another draws nothing.
    Canvas(int width, int height, const Color& background, std::string font = kPlotFont);
    ~Canvas();
    Canvas(Canvas&&) noexcept;
    Canvas& operator=(Canvas&&) noexcept;

    int width() const;
    int height() const;

    // Rectangles with top-left corner (x, y), `w` by `h` pixels.
    void fillBox(int x, int y, int w, int h, const Color& color);
    void strokeBox(int x, int y, int w, int h, const Color& color);

    // Both end points included. A thick line is `thickness` one-pixel lines side by side,
    // offset across its major axis. Keep end points near the canvas: the lines are walked
    // point by point, clipped only as they are drawn.
    void line(int x0, int y0, int x1, int y1, const Color& color, int thickness = 1);
    // `dash` drawn points, then `gap` skipped, along the major axis.
    void dashedLine(int x0, int y0, int x1, int y1, const Color& color, int dash, int gap,
                    int thickness = 1);

    // The box `text` takes at `size` pixels (the font's nominal height): the advance
    // width, and one line height for any text (ascent + descent of the font, so that
    // labels of one size line up whatever their letters).
    int textWidth(std::string_view text, int size) const;
    int textHeight(int size) const;
    // Text whose box has its top-left corner at (x, y).
    void text(int x, int y, std::string_view text, const Color& color, int size);
    // Text turned 90 degrees counter-clockwise (read bottom to top), for vertical axis
    // titles; (x, y) is the top-left corner of its textHeight x textWidth box.
    void textVertical(int x, int y, std::string_view text, const Color& color, int size);

    // Float channels R, G, B, linear.
    ImageBuffer toImage() const;

  private:
    struct Surface;  // the OpenImageIO image; this header does not include OIIO
    std::unique_ptr<Surface> m_surface;
};

}  // namespace rt
