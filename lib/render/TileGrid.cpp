#include "render/TileGrid.h"

#include <algorithm>

#include "core/Error.h"

namespace rt {

TileGrid::TileGrid(int width, int height, int tileSize) : m_tileSize(tileSize) {
    RT_CHECK(width > 0 && height > 0 && tileSize > 0);
    for (int y = 0; y < height; y += tileSize) {
        for (int x = 0; x < width; x += tileSize) {
            m_tiles.push_back(
                {x, y, std::min(x + tileSize, width), std::min(y + tileSize, height)});
        }
    }
}

}  // namespace rt
