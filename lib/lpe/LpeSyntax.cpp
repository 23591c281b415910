#include "lpe/LpeSyntax.h"

#include <algorithm>
#include <cctype>

namespace rt {

bool LpePosition::accepts(const std::string& value) const {
    if (any) return true;
    const bool found = std::find(values.begin(), values.end(), value) != values.end();
    return found != negated;
}

bool LpeEventPattern::matches(const LpeEvent& event) const {
    const std::string type(1, event.type);
    const std::string scatter = event.scatter ? std::string(1, event.scatter) : std::string();
    bool any = false;
    for (const Choice& c : choices) {
        if (c.type.accepts(type) && c.scatter.accepts(scatter) && c.label.accepts(event.label)) {
            any = true;
            break;
        }
    }
    return any != negated;
}

namespace {

constexpr const char* kEventTypes = "CRTVLOBU";
constexpr const char* kScatterTypes = "DGS";

bool isOneOf(char c, const char* set) {
    return c != 0 && std::string(set).find(c) != std::string::npos;
}

class Parser {
  public:
    explicit Parser(const std::string& text) : m_text(text) {}

    std::unique_ptr<LpeNode> parse() {
        skipSpace();
        if (atEnd()) fail("the expression is empty");
        auto node = alternative();
        if (!atEnd()) fail(std::string("unexpected '") + peek() + "'");
        return node;
    }

  private:
    [[noreturn]] void fail(const std::string& what) const {
        throw LpeSyntaxError("light path expression '" + m_text + "', at character " +
                             std::to_string(std::min(m_pos, m_text.size()) + 1) + ": " + what);
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void skipSpace() {
        while (!atEnd() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }
    char take() {
        const char c = peek();
        ++m_pos;
        skipSpace();
        return c;
    }
    void expect(char c) {
        if (peek() != c) fail(std::string("expected '") + c + "'");
        take();
    }

    std::unique_ptr<LpeNode> alternative() {
        auto first = sequence();
        if (peek() != '|') return first;
        auto node = std::make_unique<LpeNode>();
        node->kind = LpeNode::Kind::Alternative;
        node->parts.push_back(std::move(first));
        while (peek() == '|') {
            take();
            node->parts.push_back(sequence());
        }
        return node;
    }

    std::unique_ptr<LpeNode> sequence() {
        auto node = std::make_unique<LpeNode>();
        node->kind = LpeNode::Kind::Sequence;
        while (!atEnd() && peek() != '|' && peek() != ')') node->parts.push_back(repeated());
        if (node->parts.empty()) fail("expected an event");
        if (node->parts.size() == 1) return std::move(node->parts.front());
        return node;
    }

    std::unique_ptr<LpeNode> repeated() {
        auto node = primary();
        for (;;) {
            int lo = 0, hi = -1;
            if (peek() == '*') {
                take();
            } else if (peek() == '+') {
                take();
                lo = 1;
            } else if (peek() == '?') {
                take();
                hi = 1;
            } else if (peek() == '{') {
                take();
                lo = hi = number();
                if (peek() == ',') {
                    take();
                    hi = peek() == '}' ? -1 : number();
                }
                expect('}');
                if (hi >= 0 && hi < lo) fail("{n,m} needs n <= m");
            } else {
                return node;
            }
            auto repeat = std::make_unique<LpeNode>();
            repeat->kind = LpeNode::Kind::Repeat;
            repeat->minCount = lo;
            repeat->maxCount = hi;
            repeat->parts.push_back(std::move(node));
            node = std::move(repeat);
        }
    }

    int number() {
        if (!std::isdigit(static_cast<unsigned char>(peek()))) fail("expected a number");
        int n = 0;
        while (std::isdigit(static_cast<unsigned char>(peek()))) {
            n = n * 10 + (peek() - '0');
            if (n > 64) fail("repeat counts above 64 are not supported");
            ++m_pos;
        }
        skipSpace();
        return n;
    }

    std::unique_ptr<LpeNode> primary() {
        if (peek() == '(') {
            take();
            auto node = alternative();
            expect(')');
            return node;
        }
        auto node = std::make_unique<LpeNode>();
        node->kind = LpeNode::Kind::Event;
        if (peek() == '[') {
            take();
            if (peek() == '^') {
                take();
                node->event.negated = true;
            }
            while (peek() != ']') {
                if (atEnd()) fail("missing ']'");
                node->event.choices.push_back(atom());
            }
            take();
            if (node->event.choices.empty()) fail("an empty set [] matches nothing");
        } else {
            node->event.choices.push_back(atom());
        }
        return node;
    }

    std::string label() {
        const char quote = m_text[m_pos++];  // ' or ", spaces after it are the label's
        std::string text;
        while (!atEnd() && m_text[m_pos] != quote) text += m_text[m_pos++];
        if (atEnd()) fail("missing closing quote of a label");
        take();
        return text;
    }

    // A lone event: a letter, '.', a label or <...>.
    LpeEventPattern::Choice atom() {
        LpeEventPattern::Choice choice;
        const char c = peek();
        if (c == '<') {
            take();
            LpePosition* positions[] = {&choice.type, &choice.scatter, &choice.label};
            int at = 0;
            while (peek() != '>') {
                if (atEnd()) fail("missing '>'");
                // A label (or a set of labels) in the scattering position is the label
                // (`<L'key'>`, `<L[^'key']>`).
                if (at == 1 && startsWithLabel()) at = 2;
                if (at > 2) fail("an event has at most three positions: type, scattering, label");
                *positions[at] = position(at);
                ++at;
            }
            take();
            return choice;
        }
        if (c == '.') {
            take();
            return choice;
        }
        if (c == '\'' || c == '"') {
            choice.label.any = false;
            choice.label.values.push_back(label());
            return choice;
        }
        if (isOneOf(c, kEventTypes)) {
            take();
            choice.type.any = false;
            choice.type.values.emplace_back(1, c);
            return choice;
        }
        if (isOneOf(c, kScatterTypes)) {
            take();
            choice.scatter.any = false;
            choice.scatter.values.emplace_back(1, c);
            return choice;
        }
        fail(c ? std::string("'") + c + "' is not an event (C R T V L O B U D G S . 'label')"
               : "expected an event");
    }

    bool startsWithLabel() const {
        size_t i = m_pos;
        if (i < m_text.size() && m_text[i] == '[') {
            ++i;
            if (i < m_text.size() && m_text[i] == '^') ++i;
            while (i < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[i]))) ++i;
        }
        return i < m_text.size() && (m_text[i] == '\'' || m_text[i] == '"');
    }

    // Position `at` inside <...>: '.', a letter of its kind, a label, or a set.
    LpePosition position(int at) {
        LpePosition p;
        if (peek() == '.') {
            take();
            return p;
        }
        p.any = false;
        auto one = [&] {
            const char c = peek();
            if (at == 2 || c == '\'' || c == '"') {
                if (c != '\'' && c != '"') fail("expected a label in quotes");
                p.values.push_back(label());
                return;
            }
            if (!isOneOf(c, at == 0 ? kEventTypes : kScatterTypes)) {
                fail(std::string("'") + c + "' is not " +
                     (at == 0 ? "an event type (C R T V L O B U)" : "a scattering type (D G S)"));
            }
            take();
            p.values.emplace_back(1, c);
        };
        if (peek() == '[') {
            take();
            if (peek() == '^') {
                take();
                p.negated = true;
            }
            while (peek() != ']') {
                if (atEnd()) fail("missing ']'");
                one();
            }
            take();
        } else {
            one();
        }
        return p;
    }

    const std::string& m_text;
    size_t m_pos = 0;
};

}  // namespace

std::unique_ptr<LpeNode> parseLpe(const std::string& expression) {
    return Parser(expression).parse();
}

}  // namespace rt
