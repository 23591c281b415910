#include "core/Transform.h"

#include <cmath>

namespace rt {

float uniformScale(const Mat4f& xform) {
    const Vec3f x = transformVector(xform, Vec3f(1, 0, 0));
    const Vec3f y = transformVector(xform, Vec3f(0, 1, 0));
    const Vec3f z = transformVector(xform, Vec3f(0, 0, 1));
    const float s = (x.length() + y.length() + z.length()) / 3.0f;
    // Equal lengths and right angles within 0.1%.
    const float tol = 1e-3f * s;
    const bool uniform = s > 0.0f && std::abs(x.length() - s) <= tol &&
                         std::abs(y.length() - s) <= tol && std::abs(z.length() - s) <= tol &&
                         absDot(x, y) <= tol * s && absDot(y, z) <= tol * s &&
                         absDot(x, z) <= tol * s;
    return uniform ? s : -1.0f;
}

Mat4f translateMatrix(const Vec3f& t) {
    Mat4f m;
    m.setTranslation(t);
    return m;
}

Mat4f scaleMatrix(const Vec3f& s) {
    Mat4f m;
    m.setScale(s);
    return m;
}

Mat4f rotateMatrix(float degrees, const Vec3f& axis) {
    Mat4f m;
    m.setAxisAngle(axis.normalized(), radians(degrees));
    return m;
}

}  // namespace rt
