#pragma once
// A decoded linear RGB image (textures). Row 0 is the top row.
#include <vector>

#include "core/Math.h"

namespace rt {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<Color> pixels;  // width * height, row-major

    const Color& at(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
};

}  // namespace rt
