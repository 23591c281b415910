#include "integrator/SampleAovs.h"

#include <algorithm>

namespace rt {

SampleAovs::SampleAovs(const AovPrograms& programs)
    : m_programs(programs),
      m_values(programs.missValues()),
      m_tracks(programs.lightAovs().size()),
      m_next(programs.lightAovs().size()) {}

void SampleAovs::clear() {
    std::copy(m_programs.missValues().begin(), m_programs.missValues().end(), m_values.begin());
}

void SampleAovs::begin() {
    clear();
    const auto& aovs = m_programs.lightAovs();
    for (size_t i = 0; i < aovs.size(); ++i) {
        m_tracks[i].clear();
        const int state =
            aovs[i].automaton.next(aovs[i].automaton.start(), m_programs.cameraEvent());
        if (state != LpeAutomaton::kDead) m_tracks[i].push_back({state, Color(1.0f)});
    }
}

void SampleAovs::credit(size_t aov, const Track& track, int state, const Color& contribution) {
    if (!m_programs.lightAovs()[aov].automaton.accepts(state)) return;
    float* v = m_values.data() + m_programs.lightAovs()[aov].offset;
    const Color c = contribution * track.fraction;
    v[0] += c.x;
    v[1] += c.y;
    v[2] += c.z;
}

void SampleAovs::creditLight(const Color& contribution, int lightEvent) {
    const auto& aovs = m_programs.lightAovs();
    for (size_t i = 0; i < aovs.size(); ++i) {
        for (const Track& t : m_tracks[i])
            credit(i, t, aovs[i].automaton.next(t.state, lightEvent), contribution);
    }
}

void SampleAovs::creditLight(const Color& contribution, int surfaceEvent, int lightEvent) {
    const auto& aovs = m_programs.lightAovs();
    for (size_t i = 0; i < aovs.size(); ++i) {
        const LpeAutomaton& a = aovs[i].automaton;
        for (const Track& t : m_tracks[i])
            credit(i, t, a.next(a.next(t.state, surfaceEvent), lightEvent), contribution);
    }
}

void SampleAovs::scatter(const Branch* branches, int count) {
    const auto& aovs = m_programs.lightAovs();
    for (size_t i = 0; i < aovs.size(); ++i) {
        std::vector<Track>& next = m_next[i];
        next.clear();
        for (const Track& t : m_tracks[i]) {
            for (int b = 0; b < count; ++b) {
                const int state = aovs[i].automaton.next(t.state, branches[b].event);
                if (state == LpeAutomaton::kDead) continue;
                const Color fraction = t.fraction * branches[b].fraction;
                auto same = std::find_if(next.begin(), next.end(),
                                         [state](const Track& n) { return n.state == state; });
                if (same != next.end()) {
                    same->fraction += fraction;
                } else {
                    next.push_back({state, fraction});
                }
            }
        }
        std::swap(m_tracks[i], next);
    }
}

}  // namespace rt
