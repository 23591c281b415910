#pragma once
// A built-in 5x7 pixel font (plus a descender row) so that the renderer can label its own plots
// without a font file or a text-rendering library. ASCII letters, digits and the punctuation that
// axis labels and titles use; anything else draws as '?'.
#include <array>
#include <cstdint>
#include <string_view>

namespace rt {

class BitmapFont {
  public:
    static constexpr int kGlyphWidth = 5;
    static constexpr int kGlyphHeight = 8;  // 7 rows above the baseline, 1 descender row
    static constexpr int kAdvance = 6;      // glyph plus one blank column

    using Rows = std::array<uint8_t, kGlyphHeight>;

    static bool hasGlyph(char c);
    // Top row first, the baseline under row 6; bit 4 (0x10) is the leftmost column.
    // Unknown characters give '?'.
    static const Rows& rows(char c);
    static bool pixel(char c, int column, int row);

    // Width in pixels of `text` drawn at `scale` (no trailing blank column).
    static int textWidth(std::string_view text, int scale = 1);
    static int textHeight(int scale = 1) { return kGlyphHeight * scale; }
};

}  // namespace rt
