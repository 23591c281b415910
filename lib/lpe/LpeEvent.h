#pragma once
// One event of a light path as light path expressions see it (doc/OUTPUT.md, "Light
// path expressions"): the camera, a scattering at a surface, or the light that ends
// the path. The renderer lists every event its scene can produce (the alphabet) and
// compiles each expression against that list (LpeAutomaton.h).
#include <string>
#include <vector>

namespace rt {

struct LpeEvent {
    // 'C' camera, 'R' reflection, 'T' transmission, 'L' light; the expression syntax also
    // knows 'V' (volume), 'O' (emission of a non-light) and 'B' (background), which no
    // path of ours produces.
    char type = 'C';
    // 'D' diffuse, 'G' glossy, 'S' specular (a mirror or smooth glass); 0 for C and L.
    char scatter = 0;
    std::string label;  // the material's or light's `label`; empty without one
};

using LpeAlphabet = std::vector<LpeEvent>;

}  // namespace rt
