#include "integrator/AovPrograms.h"

#include <map>

#include "core/Error.h"
#include "film/Cryptomatte.h"
#include "lpe/LpeSyntax.h"

namespace rt {
namespace {

constexpr char kSurfaceTypes[] = {'R', 'T'};
constexpr char kScatterTypes[] = {'D', 'G', 'S'};

int indexOf(const char* begin, size_t n, char c) {
    for (size_t i = 0; i < n; ++i)
        if (begin[i] == c) return static_cast<int>(i);
    RT_CHECK(false);
    return 0;
}

// Index of `label` in `labels`, added when new.
int labelIndex(std::vector<std::string>& labels, const std::string& label) {
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == label) return static_cast<int>(i);
    labels.push_back(label);
    return static_cast<int>(labels.size()) - 1;
}

}  // namespace

AovPrograms::AovPrograms(const Scene& scene, const RenderScene& renderScene) {
    const std::vector<int>& geometryMaterials = renderScene.geometryMaterials();
    // The alphabet: C, then surface events by (type, scatter, material label), then one
    // event per distinct light label.
    std::vector<std::string> materialLabels{""};
    for (int material : geometryMaterials)
        m_geometryLabel.push_back(
            labelIndex(materialLabels, scene.materials[static_cast<size_t>(material)].label));
    m_materialLabels = materialLabels.size();
    LpeAlphabet alphabet{LpeEvent{'C', 0, ""}};
    for (char type : kSurfaceTypes)
        for (char scatter : kScatterTypes)
            for (const std::string& label : materialLabels)
                alphabet.push_back(LpeEvent{type, scatter, label});
    std::map<std::string, int> lightLabelEvents;
    for (const LightDesc& light : scene.lights) {
        auto [it, added] = lightLabelEvents.emplace(light.label, static_cast<int>(alphabet.size()));
        if (added) alphabet.push_back(LpeEvent{'L', 0, light.label});
        m_lightEvents.push_back(it->second);
    }

    const AovLayout layout = aovLayoutFor(scene.outputs);
    for (const RenderOutput& output : scene.outputs) {
        if (output.aovSlot < 0) continue;
        const size_t offset = layout.firstFloat(static_cast<size_t>(output.aovSlot));
        if (output.result == OutputResult::LightAov) {
            try {
                m_lightAovs.push_back({LpeAutomaton(output.lpe, alphabet), offset});
            } catch (const LpeSyntaxError& e) {
                throw SceneError(output.where, "RenderOutput '" + output.name + "': " + e.what());
            }
        } else if (output.result == OutputResult::Cryptomatte) {
            m_cryptomattes.push_back({offset});
        } else {
            m_stateVariables.push_back({output.stateVariable, offset});
        }
    }
    if (!m_cryptomattes.empty()) {
        for (int object : renderScene.geometryObjects())
            m_geometryIds.push_back(
                rt::cryptomatteId(scene.geometries[static_cast<size_t>(object)].name));
    }
    m_floats = layout.floatsPerSample();
}

int AovPrograms::surfaceEvent(char type, char scatter, uint32_t geometry) const {
    const int t = indexOf(kSurfaceTypes, 2, type), s = indexOf(kScatterTypes, 3, scatter);
    return 1 + (t * 3 + s) * static_cast<int>(m_materialLabels) + m_geometryLabel[geometry];
}

}  // namespace rt
