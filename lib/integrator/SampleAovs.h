#pragma once
// One camera sample's AOV values while its path is traced, and where the path stands
// in each light path expression. A path is not one string of events: at a vertex whose
// direction several lobes could have produced, the throughput splits over the lobes in
// proportion to their f (the fractions of each colour channel sum to one), so each
// expression credits exactly its lobes' share and expressions that partition the paths
// sum to the beauty sample by sample. Tracks in the same automaton state merge, so an
// expression never follows more tracks than its automaton has states.
// Reused from sample to sample by one thread (no allocation once warm).
#include <vector>

#include "core/Math.h"
#include "film/PixelSample.h"
#include "integrator/AovPrograms.h"

namespace rt {

class SampleAovs {
  public:
    explicit SampleAovs(const AovPrograms& programs);

    // Clears the values and puts every expression after its camera event.
    void begin();
    // The sample's values (programs.floatsPerSample()).
    float* values() { return m_values.data(); }
    const float* values() const { return m_values.data(); }
    // Back to the values of a sample that found nothing (AovPrograms::missValues()).
    void clear();

    bool tracksLightPaths() const { return !m_programs.lightAovs().empty(); }
    // Light `contribution` reaching the camera along the path so far, ending at a light
    // of `lightEvent`.
    void creditLight(const Color& contribution, int lightEvent);
    // The same through one more surface event first (next-event estimation, one lobe).
    void creditLight(const Color& contribution, int surfaceEvent, int lightEvent);

    bool countsVisibility() const { return !m_programs.visibilityAovs().empty(); }
    // One light sample taken at the camera ray's first hit towards a light of
    // `lightEvent`, whose path goes through one of `surfaceEvents` (the BSDF's lobes):
    // an attempt for every visibility aov that accepts one of the paths, and a hit too
    // when the light was `reached` (unoccluded, and the BSDF passes it).
    void countLightSample(const int* surfaceEvents, int count, int lightEvent, bool reached);
    // Copies what each variance aov takes from the finished sample (AovPrograms.h).
    void writeVarianceSources(const PixelSample& sample);

    struct Branch {
        int event;       // the surface event of one lobe
        Color fraction;  // that lobe's share of the path's throughput
    };
    // The path scatters at a surface: each track continues along every branch.
    void scatter(const Branch* branches, int count);

  private:
    struct Track {
        int state;
        Color fraction;
    };
    void credit(size_t aov, const Track& track, int state, const Color& contribution);

    const AovPrograms& m_programs;
    std::vector<float> m_values;
    std::vector<std::vector<Track>> m_tracks, m_next;  // per light aov
};

}  // namespace rt
