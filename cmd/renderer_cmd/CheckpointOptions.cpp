#include "CheckpointOptions.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "checkpoint/CheckpointCommand.h"
#include "checkpoint/Interval.h"
#include "core/Error.h"

namespace rt {
namespace {

using Unit = CheckpointInterval::Unit;

[[noreturn]] void fail(const std::string& option, const std::string& message) {
    std::string text = "option '-";
    text += option;
    text += "': ";
    text += message;
    throw UsageError(text);
}

std::string quoted(const std::string& text) {
    std::string out = "'";
    out += text;
    out += "'";
    return out;
}

// The shortest text that reads back as the same double: 90 s is "1.5" minutes, not
// "1.50000000000000000".
std::string numberText(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string minutesText(double seconds) {
    return numberText(seconds / 60.0);
}

std::string lowercase(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

// A plain unsigned decimal ("0.5", "2", "1e3"). strtod alone would also take signs,
// spaces, "inf", "nan" and hexadecimal.
bool parsePlainNumber(const std::string& text, double& out) {
    if (text.empty() || !(std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '.') ||
        text.find_first_of("xX") != std::string::npos) {
        return false;
    }
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end == text.c_str() + text.size() && std::isfinite(out);
}

// MoonRay's unit is the minute, so a bare number is minutes; anything else is a RenderMan
// duration with units ("30s", "1h30m"). Increments are a different option's business.
double parseMinutes(const std::string& option, const std::string& text,
                    const std::string& incrementsOption) {
    double minutes = 0.0;
    if (parsePlainNumber(text, minutes)) return minutes;
    CheckpointInterval interval;
    std::string error;
    if (!parseCheckpointInterval(text, interval, error)) fail(option, error);
    if (interval.unit == Unit::Increments) {
        fail(option, quoted(text) + " counts increments, not time (see -" + incrementsOption + ")");
    }
    return interval.seconds / 60.0;
}

int parseCount(const std::string& option, const std::string& text, int minimum) {
    int value = 0;
    const char* last = text.data() + text.size();
    const auto result = std::from_chars(text.data(), last, value);
    if (text.empty() || result.ec != std::errc() || result.ptr != last || value < minimum) {
        fail(option,
             quoted(text) + " is not a whole number of at least " + std::to_string(minimum));
    }
    return value;
}

std::string parseMode(const std::string& text) {
    const std::string mode = lowercase(text);
    if (mode == "time" || mode == "0") return "0";
    if (mode == "quality" || mode == "1") return "1";
    fail("checkpoint_mode", quoted(text) + " is not a mode (time or quality, 0 or 1)");
}

std::string parseBool(const std::string& option, const std::string& text) {
    const std::string value = lowercase(text);
    if (value == "true" || value == "1" || value == "on" || value == "yes") return "true";
    if (value == "false" || value == "0" || value == "off" || value == "no") return "false";
    fail(option, quoted(text) + " is not true or false (also 1/0, on/off, yes/no)");
}

// -checkpoint INTERVAL[,EXITAT]: a time interval selects time mode, increments select
// quality mode; EXITAT caps the time or the samples.
void appendSpec(const std::string& text, SceneVarList& vars) {
    CheckpointSpec spec;
    std::string error;
    if (!parseCheckpointSpec(text, spec, error)) fail("checkpoint", error);
    if (spec.interval && spec.interval->unit == Unit::Increments) {
        vars.emplace_back("checkpoint_mode", "1");
        vars.emplace_back("checkpoint_quality_steps", std::to_string(spec.interval->increments));
    } else if (spec.interval) {
        vars.emplace_back("checkpoint_mode", "0");
        vars.emplace_back("checkpoint_interval", minutesText(spec.interval->seconds));
    }
    if (spec.exitAt && spec.exitAt->unit == Unit::Increments) {
        vars.emplace_back("checkpoint_sample_cap", std::to_string(spec.exitAt->increments));
    } else if (spec.exitAt) {
        vars.emplace_back("checkpoint_time_cap", minutesText(spec.exitAt->seconds));
    }
}

}  // namespace

SceneVarList checkpointSceneVars(const CheckpointArgs& args) {
    const bool any = args.checkpoint || !args.specs.empty() || args.mode || args.interval ||
                     args.timeCap || args.qualitySteps || args.sampleCap || args.overwrite;
    if (!any) return {};
    SceneVarList vars{{"checkpoint_active", "true"}};
    for (const std::string& spec : args.specs) appendSpec(spec, vars);
    if (args.mode) vars.emplace_back("checkpoint_mode", parseMode(*args.mode));
    if (args.interval) {
        const double minutes =
            parseMinutes("checkpoint_interval", *args.interval, "checkpoint_quality_steps");
        if (!(minutes > 0.0)) {
            fail("checkpoint_interval", quoted(*args.interval) + " must be positive");
        }
        vars.emplace_back("checkpoint_interval", numberText(minutes));
    }
    if (args.qualitySteps) {
        vars.emplace_back(
            "checkpoint_quality_steps",
            std::to_string(parseCount("checkpoint_quality_steps", *args.qualitySteps, 1)));
    }
    if (args.timeCap) {
        // 0 is MoonRay's "no cap".
        const double minutes =
            parseMinutes("checkpoint_time_cap", *args.timeCap, "checkpoint_sample_cap");
        vars.emplace_back("checkpoint_time_cap", numberText(minutes));
    }
    if (args.sampleCap) {
        vars.emplace_back("checkpoint_sample_cap",
                          std::to_string(parseCount("checkpoint_sample_cap", *args.sampleCap, 0)));
    }
    if (args.overwrite) {
        vars.emplace_back("checkpoint_overwrite",
                          parseBool("checkpoint_overwrite", *args.overwrite));
    }
    return vars;
}

SceneVarList checkpointCommandSceneVars(const std::optional<std::string>& command) {
    if (!command) return {};
    const std::string error = checkpointCommandError(*command);
    if (!error.empty()) fail("checkpoint_command", error);
    return {{"checkpoint_command", *command}};
}

}  // namespace rt
