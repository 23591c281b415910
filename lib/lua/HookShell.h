#pragma once
// os.execute for hook scripts: the same results as Lua 5.4's, but run through
// runShellCommand (posix_spawn) instead of system(). system() ignores SIGINT and SIGQUIT
// in the whole renderer while its command runs, so a Ctrl-C or a farm's signal sent
// while a hook waits on a command would be lost (doc/CHECKPOINTING.md, "Signals").
struct lua_State;

namespace rt {

// Replaces os.execute in the state's os table (the os library must be open).
void replaceOsExecute(lua_State* L);

}  // namespace rt
