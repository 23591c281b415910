#pragma once
// What the path tracer computes for the film's AOV slots (film/AovLayout.h), compiled
// once per render from the scene's outputs: state variables read at the first hit, and
// light path expressions as automata over the scene's events (lpe/LpeAutomaton.h). The
// alphabet is every event the scene can produce: the camera, reflection and
// transmission of each scattering type for each material label, and each light label.
#include <string>
#include <vector>

#include "film/AovLayout.h"
#include "integrator/RenderScene.h"
#include "lpe/LpeAutomaton.h"
#include "scene/Scene.h"

namespace rt {

class AovPrograms {
  public:
    struct StateVariableAov {
        StateVariable variable;
        size_t offset;  // first float of the sample's AOV values
    };
    struct LightAov {
        LpeAutomaton automaton;
        size_t offset;
    };
    // Its one float per sample: the Cryptomatte id (bits) of the object hit first.
    struct CryptomatteAov {
        size_t offset;
    };

    AovPrograms() = default;
    // Throws SceneError at the output for an expression that does not parse.
    AovPrograms(const Scene& scene, const RenderScene& renderScene);

    size_t floatsPerSample() const { return m_floats; }
    bool empty() const { return m_floats == 0; }
    const std::vector<StateVariableAov>& stateVariables() const { return m_stateVariables; }
    const std::vector<LightAov>& lightAovs() const { return m_lightAovs; }
    const std::vector<CryptomatteAov>& cryptomattes() const { return m_cryptomattes; }
    // The Cryptomatte id of Embree geometry `geometry`'s object name.
    uint32_t cryptomatteId(uint32_t geometry) const { return m_geometryIds[geometry]; }

    int cameraEvent() const { return 0; }
    // type 'R' or 'T', scatter 'D', 'G' or 'S', at Embree geometry `geometry`.
    int surfaceEvent(char type, char scatter, uint32_t geometry) const;
    int lightEvent(int light) const { return m_lightEvents[static_cast<size_t>(light)]; }

  private:
    size_t m_floats = 0;
    std::vector<StateVariableAov> m_stateVariables;
    std::vector<LightAov> m_lightAovs;
    std::vector<CryptomatteAov> m_cryptomattes;
    std::vector<uint32_t> m_geometryIds;
    std::vector<int> m_geometryLabel;  // label index of each geometry's material
    size_t m_materialLabels = 0;
    std::vector<int> m_lightEvents;
};

}  // namespace rt
