#pragma once
// Tick placement for the plots the renderer draws (ConvergencePlot): a linear axis from
// zero with "nice" steps (1, 2 or 5 x 10^k) and a logarithmic axis in whole decades.
// Any input gives a usable axis: non-finite or non-positive ranges fall back to defaults.
#include <string>
#include <vector>

namespace rt {

struct AxisTick {
    double value = 0.0;
    std::string label;
};

class LinearAxis {
  public:
    // From 0 to the first tick at or above `maxValue`, in at most seven steps of at least
    // `minStep` (e.g. 1 for a count).
    explicit LinearAxis(double maxValue, double minStep = 0.0);

    double hi() const { return m_hi; }
    double step() const { return m_step; }
    double position(double value) const { return value / m_hi; }  // 0 at 0, 1 at hi()
    std::vector<AxisTick> ticks() const;

  private:
    double m_hi = 1.0;
    double m_step = 0.2;
    int m_decimals = 1;  // enough to tell the tick labels apart
};

class LogAxis {
  public:
    // The whole decades around [minValue, maxValue] (positive values; at least one
    // decade). Every decade gets a tick, or every k-th one when there are more than 8.
    LogAxis(double minValue, double maxValue);

    int lowDecade() const { return m_lo; }
    int highDecade() const { return m_hi; }
    // 0 at the lowest decade, 1 at the highest; -inf for 0, NaN for negatives.
    double position(double value) const;
    std::vector<AxisTick> ticks() const;
    // 2..9 x 10^k inside the axis, when every decade has a tick (else none).
    std::vector<double> minorTicks() const;

  private:
    int m_lo = -3;
    int m_hi = 0;
    int m_step = 1;
};

// The x axis of a series over a render: elapsed time in seconds, minutes or hours by its
// length, or the pass number when no time has elapsed (a test, or a clock too coarse for
// a tiny render), so that the points still spread out.
class TimeAxis {
  public:
    TimeAxis(double maxSeconds, int passCount);

    const std::string& title() const { return m_title; }
    const LinearAxis& axis() const { return m_axis; }
    // A point's place in axis units (`pass` is 0-based); NaN when it has none.
    double x(double elapsedSeconds, int pass) const;

  private:
    std::string m_title;
    double m_divisor = 1.0;  // seconds per axis unit
    bool m_byPass = false;
    LinearAxis m_axis{1.0};
};

// "4.25 s", "12.3 s", "250 s", "12m 05s", "3h 20m".
std::string formatDuration(double seconds);

}  // namespace rt
