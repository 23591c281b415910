#pragma once
// The syntax of MoonRay's light path expressions (OSL's grammar) parsed into a tree:
//   event     C R T V L O B (event types), D G S (scattering types), U, '.' (any),
//             'label' (an event with that label), <type scatter label...> (positions
//             left out or '.' match anything), [...] a set of events, [^...] its
//             complement
//   operators juxtaposition (sequence), | (alternative), * + ? {n} {n,} {n,m},
//             ( ) grouping
// Whitespace is ignored. Errors name the character where the expression went wrong.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "lpe/LpeEvent.h"

namespace rt {

class LpeSyntaxError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What one position of an event (its type, scattering or label) accepts.
struct LpePosition {
    bool any = true;
    bool negated = false;             // [^...]: anything but `values`
    std::vector<std::string> values;  // letters as one-character strings, or labels

    bool accepts(const std::string& value) const;
};

// A predicate over one event: any of `choices` (each a pattern over the three
// positions), or with `negated` none of them.
struct LpeEventPattern {
    struct Choice {
        LpePosition type, scatter, label;
    };
    std::vector<Choice> choices;
    bool negated = false;

    bool matches(const LpeEvent& event) const;
};

struct LpeNode {
    enum class Kind { Event, Sequence, Alternative, Repeat };
    Kind kind = Kind::Event;
    LpeEventPattern event;                        // Event
    std::vector<std::unique_ptr<LpeNode>> parts;  // Sequence, Alternative; Repeat: one
    int minCount = 0, maxCount = -1;              // Repeat; -1 = unbounded
};

// Throws LpeSyntaxError.
std::unique_ptr<LpeNode> parseLpe(const std::string& expression);

}  // namespace rt
