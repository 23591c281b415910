#include "lpe/LpeAutomaton.h"

#include <map>
#include <set>

#include "lpe/LpeSyntax.h"

namespace rt {
namespace {

// Thompson's construction: states with event edges (a pattern) and empty edges.
struct Nfa {
    struct Edge {
        const LpeEventPattern* pattern;  // nullptr: an empty edge
        int to;
    };
    std::vector<std::vector<Edge>> edges;

    int add() {
        edges.emplace_back();
        return static_cast<int>(edges.size()) - 1;
    }
    void link(int from, int to, const LpeEventPattern* pattern = nullptr) {
        edges[from].push_back({pattern, to});
    }

    // Builds `node` between fresh states; returns {entry, exit}.
    std::pair<int, int> build(const LpeNode& node) {
        switch (node.kind) {
            case LpeNode::Kind::Event: {
                const int a = add(), b = add();
                link(a, b, &node.event);
                return {a, b};
            }
            case LpeNode::Kind::Sequence: {
                std::pair<int, int> whole = build(*node.parts.front());
                for (size_t i = 1; i < node.parts.size(); ++i) {
                    const std::pair<int, int> part = build(*node.parts[i]);
                    link(whole.second, part.first);
                    whole.second = part.second;
                }
                return whole;
            }
            case LpeNode::Kind::Alternative: {
                const int a = add(), b = add();
                for (const auto& part : node.parts) {
                    const std::pair<int, int> p = build(*part);
                    link(a, p.first);
                    link(p.second, b);
                }
                return {a, b};
            }
            case LpeNode::Kind::Repeat: {
                const LpeNode& body = *node.parts.front();
                const int a = add();
                int at = a;
                for (int i = 0; i < node.minCount; ++i) {
                    const std::pair<int, int> p = build(body);
                    link(at, p.first);
                    at = p.second;
                }
                const int b = add();
                link(at, b);
                if (node.maxCount < 0) {
                    const std::pair<int, int> p = build(body);
                    link(at, p.first);
                    link(p.second, at);
                } else {
                    for (int i = node.minCount; i < node.maxCount; ++i) {
                        const std::pair<int, int> p = build(body);
                        link(at, p.first);
                        at = p.second;
                        link(at, b);
                    }
                }
                return {a, b};
            }
        }
        return {0, 0};
    }

    void close(std::set<int>& states) const {
        std::vector<int> todo(states.begin(), states.end());
        while (!todo.empty()) {
            const int s = todo.back();
            todo.pop_back();
            for (const Edge& e : edges[s]) {
                if (!e.pattern && states.insert(e.to).second) todo.push_back(e.to);
            }
        }
    }
};

}  // namespace

LpeAutomaton::LpeAutomaton(const std::string& expression, const LpeAlphabet& alphabet)
    : m_events(alphabet.size()) {
    const std::unique_ptr<LpeNode> tree = parseLpe(expression);
    Nfa nfa;
    const std::pair<int, int> ends = nfa.build(*tree);
    // Which events each event edge accepts, decided once per pattern.
    std::map<const LpeEventPattern*, std::vector<uint8_t>> accepted;
    for (const auto& out : nfa.edges) {
        for (const Nfa::Edge& e : out) {
            if (!e.pattern || accepted.count(e.pattern)) continue;
            std::vector<uint8_t>& yes = accepted[e.pattern];
            for (const LpeEvent& event : alphabet) yes.push_back(e.pattern->matches(event));
        }
    }
    std::map<std::set<int>, int> ids;
    std::vector<std::set<int>> subsets;
    auto idOf = [&](std::set<int> subset) {
        nfa.close(subset);
        if (subset.empty()) return kDead;
        auto [it, added] = ids.emplace(subset, static_cast<int>(subsets.size()));
        if (added) {
            subsets.push_back(subset);
            m_accepting.push_back(subset.count(ends.second) ? 1 : 0);
            m_next.resize(subsets.size() * m_events, kDead);
        }
        return it->second;
    };
    idOf({ends.first});
    for (size_t s = 0; s < subsets.size(); ++s) {
        for (size_t event = 0; event < m_events; ++event) {
            std::set<int> target;
            for (int state : subsets[s]) {
                for (const Nfa::Edge& e : nfa.edges[state]) {
                    if (e.pattern && accepted[e.pattern][event]) target.insert(e.to);
                }
            }
            const int id = idOf(std::move(target));
            m_next[s * m_events + event] = id;
        }
    }
}

}  // namespace rt
