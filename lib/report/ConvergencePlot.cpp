#include "report/ConvergencePlot.h"

#include <cmath>
#include <cstdio>
#include <limits>

#include "io/LdrFile.h"
#include "io/Srgb.h"
#include "report/PlotAxes.h"

namespace rt {
namespace {

// Colours are picked as sRGB bytes (what a viewer shows) and stored linear, because
// writeLdr sRGB-encodes what it is given.
Color fromSrgb8(int r, int g, int b) {
    return Color(srgbToLinear(r / 255.0f), srgbToLinear(g / 255.0f), srgbToLinear(b / 255.0f));
}

const Color kBackground(1.0f);
const Color kText = fromSrgb8(40, 40, 40);
const Color kAxis = fromSrgb8(90, 90, 90);
const Color kGrid = fromSrgb8(228, 228, 228);

bool positive(double v) {
    return std::isfinite(v) && v > 0.0;
}

// One size step for all text and spacing: 1 up to about 800 x 500, more above.
int textScale(int width, int height) {
    return std::max(1, std::min(width / 800, height / 500));
}

// Font sizes in pixels at scale 1: labels, and the title when it fits.
constexpr int kLabelSize = 13;
constexpr int kTitleSize = 18;

std::string format(const char* pattern, double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof(buffer), pattern, value);
    return buffer;
}

std::string titleText(const std::vector<ConvergencePlot::Point>& points) {
    if (points.empty()) return "convergence: no passes recorded";
    const ConvergencePlot::Point& last = points.back();
    std::string title = last.adaptive ? "convergence (adaptive): " : "convergence (uniform): ";
    const int passes = last.pass + 1;
    title += std::to_string(passes) + (passes == 1 ? " pass" : " passes");
    if (std::isfinite(last.elapsedSeconds) && last.elapsedSeconds >= 0.0) {
        title += ", " + formatDuration(last.elapsedSeconds);
    }
    if (std::isfinite(last.fractionConverged)) {
        title += ", " + format("%.1f%%", 100.0 * last.fractionConverged) + " converged";
    }
    return title;
}

enum class Stroke { Thick, Thin, Dashed };

struct LegendItem {
    std::string label;
    Color color;
    Stroke stroke;
};

void drawStroke(Canvas& canvas, int x0, int y0, int x1, int y1, const LegendItem& item, int s) {
    switch (item.stroke) {
        case Stroke::Thick:
            canvas.line(x0, y0, x1, y1, item.color, 2 * s);
            break;
        case Stroke::Thin:
            canvas.line(x0, y0, x1, y1, item.color, s);
            break;
        case Stroke::Dashed:
            canvas.dashedLine(x0, y0, x1, y1, item.color, 6 * s, 4 * s, s);
            break;
    }
}

void drawLegend(Canvas& canvas, const std::vector<LegendItem>& items, int y, int s) {
    const int size = kLabelSize * s;
    const int sample = 24 * s, gapAfterSample = 6 * s, gapBetween = 22 * s;
    int total = 0;
    for (const LegendItem& item : items) {
        total += sample + gapAfterSample + canvas.textWidth(item.label, size) + gapBetween;
    }
    total -= gapBetween;
    int x = (canvas.width() - total) / 2;
    const int mid = y + canvas.textHeight(size) / 2;
    for (const LegendItem& item : items) {
        drawStroke(canvas, x, mid, x + sample - 1, mid, item, s);
        x += sample + gapAfterSample;
        canvas.text(x, y, item.label, kText, size);
        x += canvas.textWidth(item.label, size) + gapBetween;
    }
}

struct PlotPixel {
    int x = 0, y = 0;
    bool valid = false;
};

// Draws the polyline through the points `toPixel` can place; an unplaceable point
// breaks the curve rather than bridging the gap. `stepped` holds each value until the
// next point, for a value that describes the pass that follows (active pixels), so that
// a uniform render shows 100% up to its last pass. Returns how many points were placed.
template <typename ToPixel>
int drawCurve(Canvas& canvas, const std::vector<ConvergencePlot::Point>& points,
              const LegendItem& style, int s, bool stepped, ToPixel toPixel) {
    PlotPixel previous;
    int placed = 0;
    for (const ConvergencePlot::Point& point : points) {
        const PlotPixel pixel = toPixel(point);
        if (pixel.valid && previous.valid && stepped) {
            drawStroke(canvas, previous.x, previous.y, pixel.x, previous.y, style, s);
            drawStroke(canvas, pixel.x, previous.y, pixel.x, pixel.y, style, s);
        } else if (pixel.valid && previous.valid) {
            drawStroke(canvas, previous.x, previous.y, pixel.x, pixel.y, style, s);
        }
        placed += pixel.valid ? 1 : 0;
        previous = pixel;
    }
    return placed;
}

LogAxis errorAxis(const std::vector<ConvergencePlot::Point>& points) {
    double lo = std::numeric_limits<double>::infinity(), hi = 0.0;
    for (const ConvergencePlot::Point& p : points) {
        for (double v : {p.meanError, p.maxError, p.targetError}) {
            if (!positive(v)) continue;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    return hi > 0.0 ? LogAxis(lo, hi) : LogAxis(1e-3, 1.0);
}

}  // namespace

Color ConvergencePlot::meanErrorColor() {
    return fromSrgb8(31, 119, 180);
}
Color ConvergencePlot::maxErrorColor() {
    return fromSrgb8(166, 206, 227);
}
Color ConvergencePlot::targetErrorColor() {
    return fromSrgb8(214, 39, 40);
}
Color ConvergencePlot::activePixelsColor() {
    return fromSrgb8(255, 127, 14);
}

void ConvergencePlot::onPass(const ConvergenceReport& report) {
    Point point;
    point.pass = report.pass;
    point.elapsedSeconds = report.elapsedSeconds;
    point.meanError = report.meanError;
    point.maxError = report.maxError;
    point.targetError = report.targetError;
    point.activeFraction = report.pixelCount > 0
                               ? static_cast<double>(report.activePixels) / report.pixelCount
                               : std::numeric_limits<double>::quiet_NaN();
    point.fractionConverged = report.fractionConverged;
    point.adaptive = report.adaptive;
    m_points.push_back(point);
}

ConvergencePlot::Frame ConvergencePlot::frame(int width, int height) {
    width = std::max(width, kMinWidth);
    height = std::max(height, kMinHeight);
    const int s = textScale(width, height);
    const int left = 66 * s, right = 66 * s, top = 56 * s, bottom = 42 * s;
    return Frame{left, top, width - left - right, height - top - bottom};
}

ImageBuffer ConvergencePlot::render(int width, int height) const {
    width = std::max(width, kMinWidth);
    height = std::max(height, kMinHeight);
    const int s = textScale(width, height);
    const int size = kLabelSize * s;
    Canvas canvas(width, height, kBackground, m_font);
    const int ch = canvas.textHeight(size);
    const Frame f = frame(width, height);

    // The curves live in an inset of the frame so that 100% and the top decade do not
    // vanish under the frame line.
    const int pad = 6 * s;
    const int innerLeft = f.x + pad, innerRight = f.x + f.width - 1 - pad;
    const int innerTop = f.y + pad, innerBottom = f.y + f.height - 1 - pad;
    double maxSeconds = 0.0;
    int passCount = 0;
    for (const Point& p : m_points) {
        if (std::isfinite(p.elapsedSeconds)) maxSeconds = std::max(maxSeconds, p.elapsedSeconds);
        passCount = std::max(passCount, p.pass + 1);
    }
    const TimeAxis time(maxSeconds, passCount);
    const LogAxis errors = errorAxis(m_points);
    auto xPixel = [&](double x) {
        const double t = std::clamp(time.axis().position(x), 0.0, 1.0);
        return static_cast<int>(std::lround(innerLeft + t * (innerRight - innerLeft)));
    };
    auto yPixel = [&](double t) {  // t = 0 at the bottom, 1 at the top; NaN at the bottom
        t = t < 1.0 ? (t > 0.0 ? t : 0.0) : 1.0;
        return static_cast<int>(std::lround(innerBottom - t * (innerBottom - innerTop)));
    };
    auto errorPixel = [&](double error) { return yPixel(errors.position(error)); };

    // Grid, frame, ticks and tick labels.
    for (const AxisTick& tick : errors.ticks()) {
        const int y = errorPixel(tick.value);
        canvas.fillBox(f.x + 1, y, f.width - 2, 1, kGrid);
        canvas.fillBox(f.x - 5 * s, y, 5 * s, s, kAxis);
        canvas.text(f.x - 8 * s - canvas.textWidth(tick.label, size), y - ch / 2, tick.label, kText,
                    size);
    }
    for (double minor : errors.minorTicks()) {
        canvas.fillBox(f.x - 3 * s, errorPixel(minor), 3 * s, s, kAxis);
    }
    for (const AxisTick& tick : time.axis().ticks()) {
        const int x = xPixel(tick.value);
        canvas.fillBox(x, f.y + 1, 1, f.height - 2, kGrid);
        canvas.fillBox(x, f.y + f.height, s, 5 * s, kAxis);
        canvas.text(x - canvas.textWidth(tick.label, size) / 2, f.y + f.height + 8 * s, tick.label,
                    kText, size);
    }
    for (int percent = 0; percent <= 100; percent += 25) {
        const int y = yPixel(percent / 100.0);
        const std::string label = std::to_string(percent) + "%";
        canvas.fillBox(f.x + f.width, y, 5 * s, s, kAxis);
        canvas.text(f.x + f.width + 8 * s, y - ch / 2, label, kText, size);
    }
    canvas.strokeBox(f.x, f.y, f.width, f.height, kAxis);

    // Axis titles, coloured like their curves so that each axis names its curve.
    const std::string leftTitle = "mean error (log scale)";
    const std::string rightTitle = "active pixels (% of image)";
    const int midY = f.y + f.height / 2;
    canvas.textVertical(8 * s, midY - canvas.textWidth(leftTitle, size) / 2, leftTitle,
                        meanErrorColor(), size);
    canvas.textVertical(width - 8 * s - ch, midY - canvas.textWidth(rightTitle, size) / 2,
                        rightTitle, activePixelsColor(), size);
    canvas.text(f.x + (f.width - canvas.textWidth(time.title(), size)) / 2,
                f.y + f.height + 8 * s + ch + 4 * s, time.title(), kText, size);

    // Curves, back to front: target, max error, active pixels, mean error.
    const LegendItem mean{"mean error", meanErrorColor(), Stroke::Thick};
    const LegendItem maximum{"max error", maxErrorColor(), Stroke::Thin};
    const LegendItem target{"target error", targetErrorColor(), Stroke::Dashed};
    const LegendItem active{"active pixels", activePixelsColor(), Stroke::Thick};
    std::vector<LegendItem> legend{mean};

    const double targetError = m_points.empty() ? 0.0 : m_points.back().targetError;
    if (positive(targetError)) {
        const int y = errorPixel(targetError);
        drawStroke(canvas, f.x + 1, y, f.x + f.width - 2, y, target, s);
        legend.push_back(target);
    }
    // A point's pixel on the log (error) or the linear (fraction) scale, if it has one.
    auto curvePixel = [&](const Point& p, double value, bool logScale) {
        const double x = time.x(p.elapsedSeconds, p.pass);
        const bool valid = std::isfinite(x) && (logScale ? positive(value) : std::isfinite(value));
        if (!valid) return PlotPixel{};
        return PlotPixel{xPixel(x), logScale ? errorPixel(value) : yPixel(value), true};
    };
    auto meanPixel = [&](const Point& p) { return curvePixel(p, p.meanError, true); };
    auto maxPixel = [&](const Point& p) { return curvePixel(p, p.maxError, true); };
    auto activePixel = [&](const Point& p) { return curvePixel(p, p.activeFraction, false); };
    if (drawCurve(canvas, m_points, maximum, s, false, maxPixel) > 0) legend.push_back(maximum);
    drawCurve(canvas, m_points, active, s, true, activePixel);
    legend.push_back(active);
    const int meanPlaced = drawCurve(canvas, m_points, mean, s, false, meanPixel);
    // Markers show the passes while they are few enough to tell apart, and make a
    // single-pass render visible at all.
    if (meanPlaced > 0 && meanPlaced <= 40) {
        for (const Point& p : m_points) {
            const PlotPixel pixel = meanPixel(p);
            if (pixel.valid)
                canvas.fillBox(pixel.x - 2 * s, pixel.y - 2 * s, 5 * s, 5 * s, mean.color);
        }
    }

    // Title and legend above the frame.
    const std::string title = titleText(m_points);
    const int titleSize =
        canvas.textWidth(title, kTitleSize * s) <= width - 16 * s ? kTitleSize * s : size;
    canvas.text((width - canvas.textWidth(title, titleSize)) / 2, 6 * s, title, kText, titleSize);
    drawLegend(canvas, legend, 6 * s + canvas.textHeight(titleSize) + 6 * s, s);
    return canvas.toImage();
}

bool ConvergencePlot::write(const std::string& path, std::string& error) const {
    if (!fontAvailable(m_font, error)) {
        error = "cannot draw '" + path + "': " + error;
        return false;
    }
    return writeLdr(path, render(), error);
}

}  // namespace rt
