#pragma once
// Affine transforms as Imath 4x4 matrices. Imath uses row vectors (p' = p * M), the same
// convention as MoonRay's Mat4, so `a * b` applies a first, then b.
#include "core/Math.h"

namespace rt {

inline Vec3f transformPoint(const Mat4f& m, const Vec3f& p) {
    Vec3f out;
    m.multVecMatrix(p, out);
    return out;
}

inline Vec3f transformVector(const Mat4f& m, const Vec3f& v) {
    Vec3f out;
    m.multDirMatrix(v, out);
    return out;
}

// Normals transform with the inverse transpose.
inline Vec3f transformNormal(const Mat4f& m, const Vec3f& n) {
    const Mat4f invT = m.inverse().transposed();
    Vec3f out;
    invT.multDirMatrix(n, out);
    return out.normalized();
}

// node_xform's scale when it is a rotation (or mirror) times a uniform scale plus a
// translation, within 0.1%; a negative value otherwise. Spheres (geometry and lights)
// accept only such transforms: anything else would make an ellipsoid.
float uniformScale(const Mat4f& xform);

Mat4f translateMatrix(const Vec3f& t);
Mat4f scaleMatrix(const Vec3f& s);
// Rotation by `degrees` about `axis` (right-handed).
Mat4f rotateMatrix(float degrees, const Vec3f& axis);

}  // namespace rt
