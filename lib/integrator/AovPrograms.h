#pragma once
// What the path tracer computes for the film's AOV slots (film/AovLayout.h), compiled
// once per render from the scene's outputs: state variables read at the first hit, and
// light path expressions as automata over the scene's events (lpe/LpeAutomaton.h). The
// alphabet is every event the scene can produce: the camera, reflection and
// transmission of each scattering type for each material label, and each light label.
#include <string>
#include <vector>

#include "film/AovLayout.h"
#include "geometry/SurfaceParameters.h"
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
    // A material aov or primitive attribute output, evaluated at the first hit.
    struct MaterialAov {
        MaterialAovExpression expression;
        size_t offset;
        // Per Embree geometry: whether its geometry and material labels are selected,
        // and its primitive attribute of the expression's name and type (else null).
        std::vector<char> labelsMatch;
        std::vector<const PrimitiveAttribute*> attributes;
    };

    // Its two floats per sample: (hits, attempts) of the light samples taken at the first
    // hit whose path the expression accepts.
    struct VisibilityAov {
        LpeAutomaton automaton;
        size_t offset;
    };
    // Its floats per sample: the values of its reference output's sample (a colour's
    // luminance), which the film keeps the sums and squares of.
    struct VarianceAov {
        enum class Source { Beauty, Alpha, Depth, Normal, Albedo, Aov };
        Source source = Source::Beauty;
        size_t offset = 0;
        size_t sourceOffset = 0;  // Source::Aov: the reference's first float
        int sourceComponents = 3;
        bool luminance = false;  // a colour: one value, its luminance
    };

    AovPrograms() = default;
    // Throws SceneError at the output for an expression that does not parse.
    AovPrograms(const Scene& scene, const RenderScene& renderScene);

    size_t floatsPerSample() const { return m_floats; }
    bool empty() const { return m_floats == 0; }
    const std::vector<StateVariableAov>& stateVariables() const { return m_stateVariables; }
    const std::vector<LightAov>& lightAovs() const { return m_lightAovs; }
    const std::vector<CryptomatteAov>& cryptomattes() const { return m_cryptomattes; }
    const std::vector<MaterialAov>& materialAovs() const { return m_materialAovs; }
    const std::vector<VisibilityAov>& visibilityAovs() const { return m_visibilityAovs; }
    const std::vector<VarianceAov>& varianceAovs() const { return m_varianceAovs; }
    // The float of each time per pixel output: seconds the sample took (TileRenderer).
    const std::vector<size_t>& timePerPixelOffsets() const { return m_timeOffsets; }
    // The float of each wireframe output.
    const std::vector<size_t>& wireframeOffsets() const { return m_wireframeOffsets; }
    // Whether a sample at the first hit is on an authored polygon edge (Wireframe.h).
    bool onWireframe(uint32_t geometry, uint32_t primitive, const Vec3f& position) const;
    // What a sample's values start from: 0, except +inf / -inf for the first-hit values
    // of min / max outputs, so that samples that miss (or are not selected) leave them
    // alone, as in MoonRay.
    const std::vector<float>& missValues() const { return m_missValues; }
    // The authored face of triangle `primitive` of Embree geometry `geometry` (0 for
    // spheres), which uniform primitive attributes are indexed by.
    uint32_t faceOf(uint32_t geometry, uint32_t primitive) const;
    // St, dPds and dPdt at a hit of Embree geometry `geometry`.
    SurfaceParameters surfaceParameters(uint32_t geometry, uint32_t primitive,
                                        const Vec2f& barycentric, const Vec3f& position) const;
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
    std::vector<MaterialAov> m_materialAovs;
    std::vector<VisibilityAov> m_visibilityAovs;
    std::vector<VarianceAov> m_varianceAovs;
    std::vector<size_t> m_timeOffsets, m_wireframeOffsets;
    const CameraRayGenerator* m_camera = nullptr;
    std::vector<std::vector<uint8_t>> m_authoredEdges;  // per Embree geometry (wireframe)
    std::vector<float> m_missValues;
    std::vector<const std::variant<TriangleMesh, Sphere>*> m_shapes;  // per Embree geometry
    std::vector<uint32_t> m_geometryIds;
    std::vector<int> m_geometryLabel;  // label index of each geometry's material
    size_t m_materialLabels = 0;
    std::vector<int> m_lightEvents;
};

}  // namespace rt
