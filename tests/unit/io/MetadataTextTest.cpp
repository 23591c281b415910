// Header attribute values as MoonRay's Metadata objects write them (io/Metadata.h).
#include <gtest/gtest.h>

#include "io/Metadata.h"

namespace rt {
namespace {

TEST(MetadataText, EachSupportedTypeReads) {
    std::string error;
    EXPECT_EQ(metadataValueFromText("string", " a b ", error), MetadataValue(std::string(" a b ")));
    EXPECT_EQ(metadataValueFromText("int", "-3", error), MetadataValue(-3));
    EXPECT_EQ(metadataValueFromText("float", "24 ", error), MetadataValue(24.0f));
    EXPECT_EQ(metadataValueFromText("double", "0.1", error), MetadataValue(0.1));
    const auto m = metadataValueFromText("m44f", "1 0 0 0 0 1 0 0 0 0 1 0 5 6 7 1", error);
    ASSERT_TRUE(m.has_value()) << error;
    EXPECT_EQ(std::get<Mat4f>(*m)[3][1], 6.0f);
}

TEST(MetadataText, BadValuesAndOtherTypesSayWhy) {
    std::string error;
    EXPECT_FALSE(metadataValueFromText("int", "3.5", error));
    EXPECT_EQ(error, "'3.5' is not an int");
    EXPECT_FALSE(metadataValueFromText("float", "fast", error));
    EXPECT_EQ(error, "'fast' is not a float");
    EXPECT_FALSE(metadataValueFromText("m44f", "1 2 3", error));
    EXPECT_EQ(error, "'1 2 3' is not a m44f (16 numbers)");
    EXPECT_FALSE(metadataValueFromText("v3f", "1 2 3", error));
    EXPECT_NE(error.find("type 'v3f' is not supported"), std::string::npos);
    EXPECT_TRUE(isReservedExrAttributeName("compression"));
    EXPECT_FALSE(isReservedExrAttributeName("shot"));
}

}  // namespace
}  // namespace rt
