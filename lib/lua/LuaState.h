#pragma once
// Owns one lua_State (the only place that calls lua_newstate / lua_close).
struct lua_State;

namespace rt {

class LuaState {
  public:
    LuaState();  // throws std::bad_alloc when Lua cannot allocate a state
    ~LuaState();
    LuaState(const LuaState&) = delete;
    LuaState& operator=(const LuaState&) = delete;

    lua_State* get() const { return m_state; }

  private:
    lua_State* m_state;
};

}  // namespace rt
