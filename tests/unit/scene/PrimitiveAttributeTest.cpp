// Which attribute an output of a given type reads (doc/SCENES.md, primitive attributes).
#include <gtest/gtest.h>

#include "scene/PrimitiveAttribute.h"

namespace rt {
namespace {

TEST(PrimitiveAttribute, IsFoundOnlyUnderItsKeyAndWithValuesOfTheType) {
    PrimitiveAttributes attributes;
    attributes["mask"].floats = {0.25f};
    attributes["tint"].colors = {Color(0.1f, 0.2f, 0.3f)};
    attributes["offset"].vectors = {Vec3f(1, 2, 3)};

    EXPECT_EQ(findPrimitiveAttribute(attributes, "mask", AttributeType::Float),
              &attributes["mask"]);
    EXPECT_EQ(findPrimitiveAttribute(attributes, "tint", AttributeType::Rgb), &attributes["tint"]);
    EXPECT_EQ(findPrimitiveAttribute(attributes, "offset", AttributeType::Vec3),
              &attributes["offset"]);

    EXPECT_EQ(findPrimitiveAttribute(attributes, "mask", AttributeType::Rgb), nullptr);
    EXPECT_EQ(findPrimitiveAttribute(attributes, "tint", AttributeType::Float), nullptr);
    EXPECT_EQ(findPrimitiveAttribute(attributes, "missing", AttributeType::Float), nullptr);
}

TEST(PrimitiveAttribute, Vec2ValuesAreNeverRead) {
    PrimitiveAttributes attributes;
    attributes["uv"].floats = {0.5f};
    attributes["uv"].vectors = {Vec3f(0.5f, 0.5f, 0)};
    EXPECT_EQ(findPrimitiveAttribute(attributes, "uv", AttributeType::Vec2), nullptr);
}

}  // namespace
}  // namespace rt
