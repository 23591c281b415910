#pragma once
// -stats_plot FILE.png: a convergence plot the renderer draws itself (doc/STATS.md),
// through OpenImageIO (io/Canvas.h) with a TrueType font.
// Against elapsed time: the mean per-pixel error on a log scale (left axis) with the
// target error dashed and the max error faint, and the active pixels as a percentage of
// the image (right axis). Collects one point per pass; draws on demand.
#include <cstdint>
#include <string>
#include <vector>

#include "core/Math.h"
#include "io/Canvas.h"
#include "io/ImageBuffer.h"
#include "render/ConvergenceReport.h"

namespace rt {

class ConvergencePlot : public ConvergenceListener {
  public:
    struct Point {
        int pass = 0;
        double elapsedSeconds = 0.0;
        double meanError = 0.0;
        double maxError = 0.0;
        double targetError = 0.0;
        double activeFraction = 0.0;  // activePixels / pixelCount; NaN when no pixels
        double fractionConverged = 0.0;
        bool adaptive = false;
    };

    // The area inside the axes, in pixels of a width x height plot.
    struct Frame {
        int x = 0, y = 0, width = 0, height = 0;
    };

    static constexpr int kMinWidth = 240;  // smaller requests are raised to these
    static constexpr int kMinHeight = 160;

    // `font`: what the text is drawn with (fontAvailable tells whether it can be).
    explicit ConvergencePlot(std::string font = kPlotFont) : m_font(std::move(font)) {}

    // Records the scalars of the report (the per-pixel view is not kept).
    void onPass(const ConvergenceReport& report) override;

    const std::vector<Point>& points() const { return m_points; }

    // Float channels R, G, B, linear (writeLdr sRGB-encodes them). Never fails: points
    // that cannot be placed (non-finite, or an error <= 0 on the log axis) are skipped,
    // and an empty plot still has its axes and title (no text at all without the font).
    ImageBuffer render(int width = 800, int height = 500) const;

    // render() written through writeLdr (.png .jpg .tif), atomically; fails, writing
    // nothing, when the font is missing.
    [[nodiscard]] bool write(const std::string& path, std::string& error) const;

    static Frame frame(int width, int height);

    // The curve colours in linear RGB (tests find the curves by colour).
    static Color meanErrorColor();
    static Color maxErrorColor();
    static Color targetErrorColor();
    static Color activePixelsColor();

    const std::string& font() const { return m_font; }

  private:
    std::string m_font;
    std::vector<Point> m_points;
};

}  // namespace rt
