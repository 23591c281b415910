#pragma once
// What runs after a checkpoint set is final (doc/CHECKPOINTS.md, "Post-checkpoint
// hooks"): MoonRay's Lua checkpoint_post_script and RenderMan's system command
// (checkpoint_command, allowed only with -allow_system_commands). Neither can stop the
// render: a failure is logged and sampling goes on.
#include <functional>
#include <string>

#include "checkpoint/CheckpointEvent.h"
#include "scene/SceneVariables.h"

namespace rt {

struct PostCheckpointConfig {
    std::string script;           // checkpoint_post_script: a Lua file
    double scriptTimeout = 60.0;  // checkpoint_script_timeout, seconds; 0 = no limit
    std::string command;          // checkpoint_command: a template with %i %e %r %%
};

// Throws SceneError naming the variable for a bad timeout or command template, and
// UsageError when a command is set but `allowSystemCommands` (-allow_system_commands)
// is not: the farm's administrator, not the scene file, decides whether a render may run
// shell commands.
PostCheckpointConfig postCheckpointConfig(const SceneVariables& vars, bool allowSystemCommands);

// Runs checkpoint_post_script (the Lua module lives above this one).
using PostScriptRunner = std::function<void(const std::string& script, double timeoutSeconds,
                                            const CheckpointEvent& event)>;

class PostCheckpointHooks {
  public:
    PostCheckpointHooks() = default;
    PostCheckpointHooks(PostCheckpointConfig config, PostScriptRunner runScript);

    bool hasCommand() const { return !m_config.command.empty(); }

    // The script, then the command, for a set whose files are all final. Never throws.
    void run(const CheckpointEvent& event) const;

  private:
    void runScript(const CheckpointEvent& event) const;
    void runCommand(const CheckpointEvent& event) const;

    PostCheckpointConfig m_config;
    PostScriptRunner m_runScript;
};

}  // namespace rt
