#include "core/Transform.h"

namespace rt {

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
