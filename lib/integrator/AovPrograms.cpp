#include "integrator/AovPrograms.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/Error.h"
#include "film/Cryptomatte.h"
#include "integrator/Wireframe.h"
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

bool anyOf(const std::vector<std::string>& wanted, const std::string& label) {
    return wanted.empty() || std::find(wanted.begin(), wanted.end(), label) != wanted.end();
}

// The geometry's attribute an expression reads, when it has one of that type.
const PrimitiveAttribute* attributeFor(const MaterialAovExpression& e, const Geometry& geometry) {
    if (e.property != MaterialAovExpression::Property::PrimitiveAttribute) return nullptr;
    return findPrimitiveAttribute(geometry.primitiveAttributes, e.attribute, e.attributeType);
}

AovPrograms::VarianceAov varianceAovFor(const RenderOutput& reference, size_t offset,
                                        const AovLayout& layout) {
    using Source = AovPrograms::VarianceAov::Source;
    AovPrograms::VarianceAov v;
    v.offset = offset;
    v.luminance = isColourOutput(reference);
    v.sourceComponents = outputComponents(reference);
    switch (reference.result) {
        case OutputResult::Beauty:
            v.source = Source::Beauty;
            break;
        case OutputResult::Alpha:
            v.source = Source::Alpha;
            break;
        case OutputResult::Depth:
            v.source = Source::Depth;
            break;
        case OutputResult::Normal:
            v.source = Source::Normal;
            break;
        case OutputResult::Albedo:
            v.source = Source::Albedo;
            break;
        default:  // an output with its own slot (varianceCanReference checked)
            RT_CHECK(reference.aovSlot >= 0);
            v.source = Source::Aov;
            v.sourceOffset = layout.firstFloat(static_cast<size_t>(reference.aovSlot));
    }
    return v;
}

// Whether a min / max output's first-hit values start from +-inf (see missValues()).
bool readsFirstHit(OutputResult result) {
    return result == OutputResult::StateVariable || result == OutputResult::MaterialAov ||
           result == OutputResult::PrimitiveAttribute;
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
        } else if (output.result == OutputResult::MaterialAov ||
                   output.result == OutputResult::PrimitiveAttribute) {
            MaterialAov aov{output.materialAov, offset, {}, {}};
            const MaterialAovExpression& e = aov.expression;
            for (size_t g = 0; g < geometryMaterials.size(); ++g) {
                const Geometry& geometry =
                    scene.geometries[static_cast<size_t>(renderScene.geometryObjects()[g])];
                const Material& material =
                    scene.materials[static_cast<size_t>(geometryMaterials[g])];
                aov.labelsMatch.push_back(anyOf(e.geometryLabels, geometry.label) &&
                                          anyOf(e.materialLabels, material.label));
                aov.attributes.push_back(attributeFor(e, geometry));
            }
            m_materialAovs.push_back(std::move(aov));
        } else if (output.result == OutputResult::VisibilityAov) {
            try {
                m_visibilityAovs.push_back({LpeAutomaton(output.visibilityAov, alphabet), offset});
            } catch (const LpeSyntaxError& e) {
                throw SceneError(output.where, "RenderOutput '" + output.name + "': " + e.what());
            }
        } else if (output.result == OutputResult::VarianceAov) {
            m_varianceAovs.push_back(varianceAovFor(
                scene.outputs[static_cast<size_t>(output.reference)], offset, layout));
        } else if (output.result == OutputResult::TimePerPixel) {
            m_timeOffsets.push_back(offset);
        } else if (output.result == OutputResult::Wireframe) {
            m_wireframeOffsets.push_back(offset);
        } else {
            m_stateVariables.push_back({output.stateVariable, offset});
        }
    }
    if (!m_wireframeOffsets.empty()) {
        m_camera = &renderScene.camera();
        for (int object : renderScene.geometryObjects()) {
            const auto* mesh =
                std::get_if<TriangleMesh>(&scene.geometries[static_cast<size_t>(object)].shape);
            m_authoredEdges.push_back(mesh ? authoredEdges(*mesh) : std::vector<uint8_t>{});
        }
    }
    if (!m_cryptomattes.empty()) {
        for (int object : renderScene.geometryObjects())
            m_geometryIds.push_back(
                rt::cryptomatteId(scene.geometries[static_cast<size_t>(object)].name));
    }
    m_floats = layout.floatsPerSample();
    m_missValues.assign(m_floats, 0.0f);
    for (const RenderOutput& output : scene.outputs) {
        if (output.aovSlot < 0 || !readsFirstHit(output.result)) continue;
        const float miss = output.mathFilter == MathFilter::Min   ? INFINITY
                           : output.mathFilter == MathFilter::Max ? -INFINITY
                                                                  : 0.0f;
        const size_t first = layout.firstFloat(static_cast<size_t>(output.aovSlot));
        std::fill_n(m_missValues.begin() + static_cast<std::ptrdiff_t>(first),
                    outputComponents(output), miss);
    }
    for (int object : renderScene.geometryObjects())
        m_shapes.push_back(&scene.geometries[static_cast<size_t>(object)].shape);
}

bool AovPrograms::onWireframe(uint32_t geometry, uint32_t primitive, const Vec3f& position) const {
    const auto* mesh = std::get_if<TriangleMesh>(m_shapes[geometry]);
    if (!mesh) return false;
    return rt::onWireframe(*m_camera, *mesh, primitive, m_authoredEdges[geometry][primitive],
                           position);
}

uint32_t AovPrograms::faceOf(uint32_t geometry, uint32_t primitive) const {
    const auto* mesh = std::get_if<TriangleMesh>(m_shapes[geometry]);
    if (!mesh) return 0;
    return mesh->triangleFace.empty() ? primitive : mesh->triangleFace[primitive];
}

SurfaceParameters AovPrograms::surfaceParameters(uint32_t geometry, uint32_t primitive,
                                                 const Vec2f& barycentric,
                                                 const Vec3f& position) const {
    if (const auto* mesh = std::get_if<TriangleMesh>(m_shapes[geometry]))
        return meshSurfaceParameters(*mesh, primitive, barycentric);
    return sphereSurfaceParameters(std::get<Sphere>(*m_shapes[geometry]), position);
}

int AovPrograms::surfaceEvent(char type, char scatter, uint32_t geometry) const {
    const int t = indexOf(kSurfaceTypes, 2, type), s = indexOf(kScatterTypes, 3, scatter);
    return 1 + (t * 3 + s) * static_cast<int>(m_materialLabels) + m_geometryLabel[geometry];
}

}  // namespace rt
