#include "session/PostCheckpointHooks.h"

#include <cmath>
#include <cstdio>

#include "checkpoint/CheckpointCommand.h"
#include "core/Error.h"
#include "core/Log.h"
#include "core/ShellCommand.h"

namespace rt {

PostCheckpointConfig postCheckpointConfig(const SceneVariables& vars, bool allowSystemCommands) {
    PostCheckpointConfig config;
    config.script = vars.extraString("checkpoint_post_script");
    config.scriptTimeout = vars.extraFloat("checkpoint_script_timeout", 60.0f);
    if (!std::isfinite(config.scriptTimeout) || config.scriptTimeout < 0.0) {
        throw SceneError(
            "scene variable 'checkpoint_script_timeout': must be 0 (no limit) or "
            "a positive number of seconds");
    }
    config.command = vars.extraString("checkpoint_command");
    if (config.command.empty()) return config;
    const std::string error = checkpointCommandError(config.command);
    if (!error.empty()) throw SceneError("scene variable 'checkpoint_command': " + error);
    if (!allowSystemCommands) {
        throw UsageError("checkpoint_command '" + config.command +
                         "' runs a shell command, which is allowed only with the option "
                         "'-allow_system_commands'");
    }
    return config;
}

PostCheckpointHooks::PostCheckpointHooks(PostCheckpointConfig config, PostScriptRunner runScript)
    : m_config(std::move(config)), m_runScript(std::move(runScript)) {
    if (!m_config.script.empty() && !m_runScript) {
        log::warning("checkpoint_post_script '" + m_config.script + "' is not run here");
    }
}

void PostCheckpointHooks::run(const CheckpointEvent& event) const {
    runScript(event);
    runCommand(event);
}

void PostCheckpointHooks::runScript(const CheckpointEvent& event) const {
    if (m_config.script.empty() || !m_runScript) return;
    try {
        m_runScript(m_config.script, m_config.scriptTimeout, event);
    } catch (const std::exception& e) {
        log::error("checkpoint_post_script: " + std::string(e.what()));
    } catch (...) {
        log::error("checkpoint_post_script: unknown error");
    }
}

void PostCheckpointHooks::runCommand(const CheckpointEvent& event) const {
    if (m_config.command.empty()) return;
    try {
        const std::string command = expandCheckpointCommand(m_config.command, event);
        log::info("checkpoint_command: " + command);
        const ShellResult result = runShellCommand(command);
        if (!result.started) {
            log::error("checkpoint_command: cannot run '" + command + "': " + result.error);
        } else if (result.signal != 0) {
            log::error("checkpoint_command: '" + command + "' was killed by signal " +
                       std::to_string(result.signal));
        } else if (result.exitStatus != 0) {
            log::error("checkpoint_command: '" + command + "' exited with status " +
                       std::to_string(result.exitStatus));
        }
    } catch (const std::exception& e) {
        log::error("checkpoint_command: " + std::string(e.what()));
    }
}

}  // namespace rt
