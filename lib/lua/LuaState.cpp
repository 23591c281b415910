#include "lua/LuaState.h"

#include <lua.hpp>

#include <new>

namespace rt {

LuaState::LuaState() : m_state(luaL_newstate()) {
    if (!m_state) throw std::bad_alloc();
}

LuaState::~LuaState() {
    lua_close(m_state);
}

}  // namespace rt
