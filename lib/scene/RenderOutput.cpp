#include "scene/RenderOutput.h"

namespace rt {

int outputComponents(const RenderOutput& output) {
    switch (output.result) {
        case OutputResult::Beauty:
        case OutputResult::BeautyAux:
        case OutputResult::Normal:
        case OutputResult::Albedo:
        case OutputResult::LightAov:
            return 3;
        case OutputResult::Cryptomatte:  // two ranks per RGBA layer
            return 4 * ((output.cryptomatteDepth + 1) / 2);
        case OutputResult::StateVariable:
            return stateVariableComponents(output.stateVariable);
        case OutputResult::MaterialAov:
        case OutputResult::PrimitiveAttribute:
            return output.materialAov.components();
        default:
            return 1;
    }
}

bool varianceCanReference(const RenderOutput& output) {
    if (output.mathFilter != MathFilter::Average && output.mathFilter != MathFilter::Sum &&
        output.mathFilter != MathFilter::ForceConsistentSampling)
        return false;
    switch (output.result) {
        case OutputResult::Beauty:
        case OutputResult::Alpha:
        case OutputResult::Depth:
        case OutputResult::Normal:
        case OutputResult::Albedo:
        case OutputResult::StateVariable:
        case OutputResult::PrimitiveAttribute:
        case OutputResult::MaterialAov:
        case OutputResult::LightAov:
        case OutputResult::Wireframe:
            return true;
        default:
            return false;
    }
}

bool isColourOutput(const RenderOutput& output) {
    switch (output.result) {
        case OutputResult::Beauty:
        case OutputResult::BeautyAux:
        case OutputResult::Albedo:
        case OutputResult::LightAov:
            return true;
        case OutputResult::MaterialAov:
        case OutputResult::PrimitiveAttribute:
            return output.materialAov.isColour();
        default:
            return false;
    }
}

int varianceSampleValues(const RenderOutput& reference) {
    return isColourOutput(reference) ? 1 : outputComponents(reference);
}

void assignAovSlots(std::vector<RenderOutput>& outputs) {
    int next = 0;
    for (RenderOutput& output : outputs) {
        output.aovSlot = output.active && hasAovSlot(output.result) ? next++ : -1;
    }
}

}  // namespace rt
