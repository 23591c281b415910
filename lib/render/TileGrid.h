#pragma once
// The image cut into square tiles (MoonRay: 8x8). Tiles are the unit of parallel work.
#include <vector>

#include "core/Math.h"

namespace rt {

struct Tile {
    int x0, y0, x1, y1;  // pixel bounds, [x0,x1) x [y0,y1)
};

class TileGrid {
  public:
    TileGrid(int width, int height, int tileSize);
    size_t size() const { return m_tiles.size(); }
    const Tile& operator[](size_t i) const { return m_tiles[i]; }
    int tileSize() const { return m_tileSize; }

  private:
    int m_tileSize;
    std::vector<Tile> m_tiles;
};

}  // namespace rt
