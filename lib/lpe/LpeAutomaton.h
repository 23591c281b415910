#pragma once
// A light path expression compiled to a deterministic automaton over the events a
// scene can produce (LpeEvent.h): the path tracer steps it once per path event, a table
// lookup, and credits a contribution to the AOV when the state reached by the light
// event accepts. Compiled once per render: parse (LpeSyntax.h), Thompson's construction
// of a nondeterministic automaton, then the subset construction over the alphabet.
#include <cstdint>
#include <string>
#include <vector>

#include "lpe/LpeEvent.h"

namespace rt {

class LpeAutomaton {
  public:
    static constexpr int kDead = -1;  // no continuation of the path can match

    // Throws LpeSyntaxError (LpeSyntax.h).
    LpeAutomaton(const std::string& expression, const LpeAlphabet& alphabet);

    int start() const { return 0; }
    // The state after `event` (an index into the alphabet); kDead stays kDead.
    int next(int state, int event) const {
        return state == kDead ? kDead : m_next[static_cast<size_t>(state) * m_events + event];
    }
    bool accepts(int state) const { return state != kDead && m_accepting[state]; }
    size_t stateCount() const { return m_accepting.size(); }

  private:
    size_t m_events = 0;
    std::vector<int> m_next;  // state x event
    std::vector<uint8_t> m_accepting;
};

}  // namespace rt
