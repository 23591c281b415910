#include "film/AovLayout.h"

#include <algorithm>

#include "core/Error.h"
#include "film/Cryptomatte.h"

namespace rt {

AovLayout::AovLayout(std::vector<AovSlot> slots) : m_slots(std::move(slots)) {
    for (const AovSlot& slot : m_slots) {
        RT_CHECK(slot.components >= 1);
        m_firstDouble.push_back(m_doubles);
        m_firstFloat.push_back(m_floats);
        if (slot.cryptomatteDepth > 0) {
            m_doubles += static_cast<size_t>(cryptomatteDoubles(slot.cryptomatteDepth));
            m_floats += 1;
            continue;
        }
        if (slot.kind == AovSlot::Kind::Ratio) {
            m_doubles += 2;
            m_floats += 2;
            continue;
        }
        if (slot.kind == AovSlot::Kind::Variance) {
            m_doubles += 2 * static_cast<size_t>(slot.components);
            m_floats += static_cast<size_t>(slot.components);
            continue;
        }
        m_doubles +=
            static_cast<size_t>(slot.components) + (slot.filter == MathFilter::Closest ? 1 : 0);
        m_floats += static_cast<size_t>(slot.components);
    }
}

std::string AovLayout::signature() const {
    std::string text;
    for (const AovSlot& slot : m_slots) {
        if (!text.empty()) text += "; ";
        text += slot.what + " x" + std::to_string(slot.components) + " filter " +
                std::to_string(static_cast<int>(slot.filter));
        if (slot.kind != AovSlot::Kind::Values)
            text += " kind " + std::to_string(static_cast<int>(slot.kind));
    }
    return text;
}

AovLayout aovLayoutFor(const std::vector<RenderOutput>& outputs) {
    std::vector<const RenderOutput*> bySlot;
    for (const RenderOutput& output : outputs) {
        if (output.aovSlot < 0) continue;
        if (bySlot.size() <= static_cast<size_t>(output.aovSlot))
            bySlot.resize(static_cast<size_t>(output.aovSlot) + 1, nullptr);
        bySlot[static_cast<size_t>(output.aovSlot)] = &output;
    }
    std::vector<AovSlot> slots;
    for (const RenderOutput* output : bySlot) {
        RT_CHECK(output != nullptr);
        AovSlot slot;
        slot.components = outputComponents(*output);
        slot.filter = output->mathFilter;
        switch (output->result) {
            case OutputResult::LightAov:
                slot.what = "lpe " + output->lpe;
                break;
            case OutputResult::Cryptomatte:
                slot.cryptomatteDepth = output->cryptomatteDepth;
                slot.filter = MathFilter::Average;  // counts; math_filter does not apply
                slot.what = "cryptomatte depth " + std::to_string(output->cryptomatteDepth);
                break;
            case OutputResult::MaterialAov:
            case OutputResult::PrimitiveAttribute:
                slot.what = "material_aov " + output->materialAov.text;
                break;
            case OutputResult::TimePerPixel:
                slot.filter = MathFilter::Sum;  // seconds spent on the pixel's samples
                slot.what = "time_per_pixel";
                break;
            case OutputResult::Wireframe:
                slot.what = "wireframe";
                break;
            case OutputResult::VisibilityAov:
                slot.kind = AovSlot::Kind::Ratio;
                slot.filter = MathFilter::Average;
                slot.what = "visibility_aov " + output->visibilityAov;
                break;
            case OutputResult::VarianceAov: {
                const RenderOutput& reference = outputs[static_cast<size_t>(output->reference)];
                slot.kind = AovSlot::Kind::Variance;
                slot.filter = MathFilter::Average;
                slot.components = varianceSampleValues(reference);
                slot.what = "variance_aov of " + reference.name;
                break;
            }
            default:
                slot.what =
                    "state_variable " + std::to_string(static_cast<int>(output->stateVariable));
        }
        slots.push_back(std::move(slot));
    }
    return AovLayout(std::move(slots));
}

}  // namespace rt
