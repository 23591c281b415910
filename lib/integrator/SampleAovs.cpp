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

void SampleAovs::countLightSample(const int* surfaceEvents, int count, int lightEvent,
                                  bool reached) {
    for (const AovPrograms::VisibilityAov& aov : m_programs.visibilityAovs()) {
        const LpeAutomaton& a = aov.automaton;
        const int camera = a.next(a.start(), m_programs.cameraEvent());
        bool accepted = false;
        for (int k = 0; k < count && !accepted; ++k)
            accepted = a.accepts(a.next(a.next(camera, surfaceEvents[k]), lightEvent));
        if (!accepted) continue;
        float* v = m_values.data() + aov.offset;
        v[0] += reached ? 1.0f : 0.0f;
        v[1] += 1.0f;
    }
}

void SampleAovs::writeVarianceSources(const PixelSample& sample) {
    using Source = AovPrograms::VarianceAov::Source;
    for (const AovPrograms::VarianceAov& aov : m_programs.varianceAovs()) {
        float* out = m_values.data() + aov.offset;
        float source[kMaxOutputComponents];
        const float* from = source;
        switch (aov.source) {
            case Source::Beauty:
                std::copy_n(&sample.radiance[0], 3, source);
                break;
            case Source::Alpha:
                source[0] = sample.alpha;
                break;
            case Source::Depth:
                source[0] = sample.depth;
                break;
            case Source::Normal:
                std::copy_n(&sample.normal[0], 3, source);
                break;
            case Source::Albedo:
                std::copy_n(&sample.albedo[0], 3, source);
                break;
            case Source::Aov:
                from = m_values.data() + aov.sourceOffset;
                break;
        }
        if (aov.luminance) {
            out[0] = luminance(Color(from[0], from[1], from[2]));
        } else {
            std::copy_n(from, aov.sourceComponents, out);
        }
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
