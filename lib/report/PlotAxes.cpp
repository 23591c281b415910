#include "report/PlotAxes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace rt {
namespace {

constexpr int kMaxDecade = 300;  // keeps 10^k a normal double

// The smallest 1, 2 or 5 x 10^k that covers `maxValue` (> 0) in at most `intervals`
// steps: 11.8 gets steps of 2 up to 12 rather than steps of 5 up to 15.
double niceStep(double maxValue, int intervals) {
    const double magnitude = std::pow(10.0, std::floor(std::log10(maxValue / intervals)));
    for (double nice : {1.0, 2.0, 5.0}) {
        if (std::ceil(maxValue / (nice * magnitude) * (1.0 - 1e-9)) <= intervals) {
            return nice * magnitude;
        }
    }
    return 10.0 * magnitude;
}

std::string decadeLabel(int exponent) {
    switch (exponent) {
        case -2:
            return "0.01";
        case -1:
            return "0.1";
        case 0:
            return "1";
        case 1:
            return "10";
        case 2:
            return "100";
        default:
            return "1e" + std::to_string(exponent);
    }
}

}  // namespace

LinearAxis::LinearAxis(double maxValue, double minStep) {
    if (!(maxValue > 0.0) || !std::isfinite(maxValue) || maxValue > 1e300) maxValue = 1.0;
    m_step = std::max(niceStep(maxValue, 7), std::isfinite(minStep) ? minStep : 0.0);
    // The small slack keeps a maximum that is already a tick (10.0000001) from adding a
    // whole empty step.
    m_hi = std::max(1.0, std::ceil(maxValue / m_step * (1.0 - 1e-9))) * m_step;
    m_decimals = std::clamp(static_cast<int>(-std::floor(std::log10(m_step) + 1e-9)), 0, 6);
}

std::vector<AxisTick> LinearAxis::ticks() const {
    std::vector<AxisTick> result;
    const int count = static_cast<int>(std::lround(m_hi / m_step));
    for (int i = 0; i <= count && i <= 50; ++i) {
        const double value = i * m_step;
        char label[64];
        std::snprintf(label, sizeof(label), "%.*f", m_decimals, value);
        result.push_back({value, label});
    }
    return result;
}

LogAxis::LogAxis(double minValue, double maxValue) {
    const bool valid = minValue > 0.0 && maxValue >= minValue && std::isfinite(maxValue);
    if (!valid) return;  // the default decades
    m_lo = std::clamp(static_cast<int>(std::floor(std::log10(minValue))), -kMaxDecade, kMaxDecade);
    m_hi = std::clamp(static_cast<int>(std::ceil(std::log10(maxValue))), -kMaxDecade, kMaxDecade);
    if (m_hi <= m_lo) m_hi = m_lo + 1;
    m_step = std::max(1, (m_hi - m_lo + 7) / 8);
    m_hi = m_lo + (m_hi - m_lo + m_step - 1) / m_step * m_step;  // end on a ticked decade
}

double LogAxis::position(double value) const {
    return (std::log10(value) - m_lo) / (m_hi - m_lo);
}

std::vector<AxisTick> LogAxis::ticks() const {
    std::vector<AxisTick> result;
    for (int e = m_lo; e <= m_hi; e += m_step)
        result.push_back({std::pow(10.0, e), decadeLabel(e)});
    return result;
}

std::vector<double> LogAxis::minorTicks() const {
    std::vector<double> result;
    if (m_step != 1) return result;
    for (int e = m_lo; e < m_hi; ++e) {
        for (int k = 2; k <= 9; ++k) result.push_back(k * std::pow(10.0, e));
    }
    return result;
}

TimeAxis::TimeAxis(double maxSeconds, int passCount) {
    m_byPass = !(maxSeconds > 0.0) || !std::isfinite(maxSeconds);
    if (m_byPass) {
        m_title = "pass (no elapsed time)";
        m_axis = LinearAxis(std::max(passCount, 1), 1.0);
        return;
    }
    m_divisor = maxSeconds >= 7200.0 ? 3600.0 : maxSeconds >= 600.0 ? 60.0 : 1.0;
    m_title = m_divisor == 3600.0 ? "elapsed time (h)"
              : m_divisor == 60.0 ? "elapsed time (min)"
                                  : "elapsed time (s)";
    m_axis = LinearAxis(maxSeconds / m_divisor);
}

double TimeAxis::x(double elapsedSeconds, int pass) const {
    if (m_byPass) return pass + 1.0;
    const bool valid = std::isfinite(elapsedSeconds) && elapsedSeconds >= 0.0;
    return valid ? elapsedSeconds / m_divisor : std::numeric_limits<double>::quiet_NaN();
}

std::string formatDuration(double seconds) {
    char buffer[64];
    if (!std::isfinite(seconds) || seconds < 0.0) return "?";
    if (seconds < 600.0) {
        const int decimals = seconds < 10.0 ? 2 : seconds < 100.0 ? 1 : 0;
        std::snprintf(buffer, sizeof(buffer), "%.*f s", decimals, seconds);
        return buffer;
    }
    const long long total = std::llround(std::min(seconds, 1e15));
    if (total < 3600) {
        std::snprintf(buffer, sizeof(buffer), "%lldm %02llds", total / 60, total % 60);
    } else {
        std::snprintf(buffer, sizeof(buffer), "%lldh %02lldm", total / 3600, total / 60 % 60);
    }
    return buffer;
}

}  // namespace rt
