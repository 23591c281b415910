#pragma once
// The AOV values a camera sample takes from its first hit: state variables, Cryptomatte
// ids, material aovs, primitive attributes and wireframe (AovPrograms.h). Values of outputs that
// do not select the hit keep their miss values (AovPrograms::missValues()).
#include "accel/EmbreeScene.h"
#include "integrator/AovPrograms.h"
#include "shading/Bsdf.h"

namespace rt {

struct FirstHit {
    const Hit& hit;
    Vec3f facingNormal;  // the geometric normal turned toward the camera
    float depth;         // camera-space depth
    const Bsdf& bsdf;
};

void writeFirstHitAovs(const AovPrograms& programs, const FirstHit& first, float* values);

}  // namespace rt
