#pragma once
// The film's extra accumulators, one slot per AOV output (state variables, light path
// expressions): how many values a sample gives each, and how the samples combine
// (MoonRay's math_filter). A slot's doubles per pixel are its components, plus the
// depth of the kept sample for `closest`; a Cryptomatte slot takes one float per sample
// (the id hit) and keeps (id, count) pairs (film/Cryptomatte.h). Ratio and Variance
// slots (AovSlot::Kind) keep sums of what their samples give.
#include <string>
#include <vector>

#include "scene/RenderOutput.h"

namespace rt {

struct AovSlot {
    int components = 3;  // values resolved per pixel (channels written); Variance: per sample
    MathFilter filter = MathFilter::Average;
    // What the slot accumulates, e.g. "lpe C<RD>L" or "state_variable 0": a resume
    // checks that the state it reads was made for the same slots.
    std::string what;
    int cryptomatteDepth = 0;  // > 0: a Cryptomatte slot of this depth
    // How a slot turns its samples into its pixel:
    //   Values: `components` values per sample combined by `filter`;
    //   Ratio: two per sample (hits, attempts), summed; the pixel is hits / attempts
    //          (0 without attempts): visibility aovs;
    //   Variance: `components` values per sample, their sums and sums of squares; the
    //          pixel (one channel) is the largest of their unbiased sample variances.
    enum class Kind { Values, Ratio, Variance };
    Kind kind = Kind::Values;
};

class AovLayout {
  public:
    AovLayout() = default;
    explicit AovLayout(std::vector<AovSlot> slots);

    const std::vector<AovSlot>& slots() const { return m_slots; }
    bool empty() const { return m_slots.empty(); }
    // Doubles per pixel of all slots, and the first double of slot `slot`.
    size_t doublesPerPixel() const { return m_doubles; }
    size_t firstDouble(size_t slot) const { return m_firstDouble[slot]; }
    // Floats per camera sample (the components of every slot), and slot `slot`'s first.
    size_t floatsPerSample() const { return m_floats; }
    size_t firstFloat(size_t slot) const { return m_firstFloat[slot]; }
    // One line naming every slot in order; equal layouts have equal signatures.
    std::string signature() const;

  private:
    std::vector<AovSlot> m_slots;
    std::vector<size_t> m_firstDouble, m_firstFloat;
    size_t m_doubles = 0, m_floats = 0;
};

// The layout of the outputs' AOV slots (assignAovSlots numbered them).
AovLayout aovLayoutFor(const std::vector<RenderOutput>& outputs);

}  // namespace rt
