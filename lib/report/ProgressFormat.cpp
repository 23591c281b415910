#include "report/ProgressFormat.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rt {
namespace {

std::string format(const char* pattern, double value) {
    char text[64];
    std::snprintf(text, sizeof text, pattern, value);
    return text;
}

// Whole percents, never rounded up to the next one: "99.96%" must not read as done.
double truncatedPercent(double fraction) {
    return std::floor(std::clamp(fraction, 0.0, 1.0) * 1000.0) / 10.0;
}

std::string percent(bool known, double fraction) {
    return known ? format("%5.1f%%", truncatedPercent(fraction)) : std::string(" --.-%");
}

std::string spp(const ProgressLine& line) {
    return std::string("spp ").append(line.sppKnown ? format("%.1f", line.meanSpp) : "--");
}

std::string ending(const ProgressLine& line, const char* etaLabel, bool wholeSeconds) {
    switch (line.state) {
        case ProgressLine::State::Done:
            return "done";
        case ProgressLine::State::Stopped:
            return "stopped";
        case ProgressLine::State::Running:
            break;
    }
    std::string eta = "--";
    if (line.etaKnown && std::isfinite(line.etaSeconds) && line.etaSeconds >= 0.0) {
        eta = wholeSeconds ? format("%.0fs", std::round(line.etaSeconds))
                           : formatCompactDuration(line.etaSeconds);
    }
    return std::string(etaLabel).append(" ").append(eta);
}

std::string labelPrefix(const ProgressLine& line) {
    return line.frameLabel.empty() ? std::string() : line.frameLabel + "  ";
}

// The sequence's ETA; shown while the frame runs and when it ends (later frames remain).
std::string sequenceEta(const ProgressLine& line, bool wholeSeconds) {
    if (!line.sequenceEtaKnown || !std::isfinite(line.sequenceEtaSeconds) ||
        line.sequenceEtaSeconds < 0.0) {
        return "--";
    }
    return wholeSeconds ? format("%.0fs", std::round(line.sequenceEtaSeconds))
                        : formatCompactDuration(line.sequenceEtaSeconds);
}

}  // namespace

double sequenceEtaSeconds(const SequencePosition& position, double frameElapsed, double frameEta) {
    const double perFrame =
        position.secondsPerFrame > 0.0 ? position.secondsPerFrame : frameElapsed + frameEta;
    return frameEta + std::max(position.framesAfter, 0) * perFrame;
}

std::string formatCompactDuration(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0.0) return "--";
    const long long whole = std::llround(seconds);
    if (whole < 60) return std::to_string(whole) + "s";
    char text[48];
    if (whole < 3600) {
        std::snprintf(text, sizeof text, "%lldm%02llds", whole / 60, whole % 60);
    } else {
        const long long minutes = std::llround(seconds / 60.0);
        std::snprintf(text, sizeof text, "%lldh%02lldm", minutes / 60, minutes % 60);
    }
    return text;
}

std::string formatBar(double fraction, int width) {
    width = std::max(width, 1);
    const double f = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
    const int full = static_cast<int>(std::floor(f * width));
    std::string bar(1, '[');
    bar.append(full, '#').append(width - full, '-').push_back(']');
    return bar;
}

std::string formatTerminalLine(const ProgressLine& line) {
    const bool done = line.state == ProgressLine::State::Done;
    std::string text = labelPrefix(line);
    text += formatBar(done ? 1.0 : (line.progressKnown ? line.progress : 0.0));
    // append() rather than "literal" + std::string: the latter trips a GCC 12 -Wrestrict
    // false alarm.
    text.append(" ").append(percent(line.progressKnown || done, done ? 1.0 : line.progress));
    text.append("  ").append(spp(line));
    if (line.adaptive)
        text.append("  conv ").append(format("%.1f%%", 100.0 * line.fractionConverged));
    text.append("  elapsed ").append(formatCompactDuration(line.elapsedSeconds));
    text.append("  ").append(ending(line, "ETA", false));
    if (!line.frameLabel.empty()) {
        text.append("  shot ETA ").append(sequenceEta(line, false));
    }
    return text;
}

std::string formatPlainLine(const ProgressLine& line) {
    const bool done = line.state == ProgressLine::State::Done;
    std::string text = labelPrefix(line) + "progress ";
    text.append(percent(line.progressKnown || done, done ? 1.0 : line.progress));
    text.append("  ").append(spp(line));
    if (line.adaptive) {
        text.append("  converged ").append(format("%.1f%%", 100.0 * line.fractionConverged));
    }
    const double elapsed =
        std::isfinite(line.elapsedSeconds) ? std::max(line.elapsedSeconds, 0.0) : 0.0;
    text.append("  elapsed ").append(format("%.0fs", std::round(elapsed)));
    text.append("  ").append(ending(line, "eta", true));
    if (!line.frameLabel.empty()) {
        text.append("  shot eta ").append(sequenceEta(line, true));
    }
    return text;
}

bool plainLineDue(double progress, double seconds, double lastProgress, double lastSeconds,
                  double intervalSeconds) {
    if (seconds - lastSeconds >= intervalSeconds) return true;
    return std::floor(progress * 100.0) > std::floor(lastProgress * 100.0);
}

}  // namespace rt
