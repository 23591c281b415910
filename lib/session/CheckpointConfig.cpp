#include "session/CheckpointConfig.h"

#include <cmath>
#include <string>

#include "core/Error.h"

namespace rt {
namespace {

[[noreturn]] void outOfRange(const char* name, const std::string& rule, const std::string& got) {
    throw SceneError(std::string("scene variable '") + name + "' " + rule + ", got " + got);
}

double minutesToSeconds(const SceneVariables& vars, const char* name, float fallbackMinutes,
                        bool zeroAllowed) {
    const float minutes = vars.extraFloat(name, fallbackMinutes);
    const bool ok = zeroAllowed ? minutes >= 0.0f : minutes > 0.0f;
    if (!ok || !std::isfinite(minutes)) {
        outOfRange(name, zeroAllowed ? "must be minutes >= 0" : "must be minutes > 0",
                   std::to_string(minutes));
    }
    return static_cast<double>(minutes) * 60.0;
}

uint32_t count(const SceneVariables& vars, const char* name, int fallback, int minimum) {
    const int value = vars.extraInt(name, fallback);
    if (value < minimum)
        outOfRange(name, "must be at least " + std::to_string(minimum), std::to_string(value));
    return static_cast<uint32_t>(value);
}

}  // namespace

CheckpointConfig checkpointConfig(const SceneVariables& vars, const SamplingSettings& sampling) {
    CheckpointConfig c;
    c.active = vars.extraBool("checkpoint_active", false);
    const int mode = vars.extraInt("checkpoint_mode", 0);
    if (mode != 0 && mode != 1) {
        outOfRange("checkpoint_mode", "must be 0 (time) or 1 (quality)", std::to_string(mode));
    }
    CheckpointSettings& p = c.policy;
    p.mode = mode == 1 ? CheckpointMode::Quality : CheckpointMode::Time;
    p.intervalSeconds = minutesToSeconds(vars, "checkpoint_interval", 15.0f, false);
    p.qualitySteps = count(vars, "checkpoint_quality_steps", 2, 1);
    p.totalFiles = count(vars, "checkpoint_total_files", 0, 0);
    p.startSample = count(vars, "checkpoint_start_sample", 1, 1);
    p.timeCapSeconds = minutesToSeconds(vars, "checkpoint_time_cap", 0.0f, true);
    p.sampleCap = count(vars, "checkpoint_sample_cap", 0, 0);
    p.adaptive = sampling.adaptive();
    p.finalSamples = sampling.adaptive() ? sampling.maxSamples : sampling.uniformSamples;
    c.overwrite = vars.extraBool("checkpoint_overwrite", true);
    c.backgroundWrite = vars.extraBool("checkpoint_bg_write", true);
    c.maxBgCache = count(vars, "checkpoint_max_bgcache", 2, 1);
    c.stateFormat = vars.extraInt("checkpoint_state_format", kResumeFormatVersion);
    if (!readableResumeFormat(c.stateFormat)) {
        outOfRange("checkpoint_state_format",
                   "must be " + std::to_string(kOldestResumeFormatVersion) + " or " +
                       std::to_string(kResumeFormatVersion),
                   std::to_string(c.stateFormat));
    }
    return c;
}

}  // namespace rt
