// Plain data types: ImageBuffer validation, split doubles, Metadata, and the rule that
// public io headers do not expose OpenEXR or OpenImageIO.
#include <bit>
#include <fstream>
#include <limits>

#include "io/DoubleChannels.h"
#include "io/ImageBuffer.h"
#include "io/Metadata.h"
#include "support/TestFiles.h"

namespace rt {
namespace {

TEST(ImageBuffer, AddChannelSizesTheMatchingVector) {
    ImageBuffer image(3, 2);
    image.addChannel("R", PixelType::Half);
    image.addChannel("count", PixelType::Uint);
    EXPECT_EQ(image.find("R")->floats.size(), 6u);
    EXPECT_TRUE(image.find("R")->uints.empty());
    EXPECT_EQ(image.find("count")->uints.size(), 6u);
    EXPECT_EQ(image.find("missing"), nullptr);
    EXPECT_EQ(image.index(2, 1), 5u);
    std::string error;
    EXPECT_TRUE(image.validate(error)) << error;
}

TEST(ImageBuffer, ValidateNamesTheProblem) {
    std::string error;
    ImageBuffer image(2, 2);
    EXPECT_FALSE(image.validate(error));
    EXPECT_NE(error.find("no channels"), std::string::npos) << error;

    image.addChannel("count", PixelType::Uint).floats.push_back(1.0f);
    EXPECT_FALSE(image.validate(error));
    EXPECT_NE(error.find("'count'"), std::string::npos) << error;

    ImageBuffer unnamed(2, 2);
    unnamed.addChannel("", PixelType::Float);
    EXPECT_FALSE(unnamed.validate(error));
    EXPECT_NE(error.find("empty name"), std::string::npos) << error;
}

TEST(DoubleChannels, SplitAndJoinAreBitExact) {
    for (double value : {0.0, -0.0, 1.0 / 3.0, -1e-310, std::numeric_limits<double>::max(),
                         std::bit_cast<double>(0xfff0000000000001ULL)}) {
        const double back = doubleFromBits(doubleHighBits(value), doubleLowBits(value));
        EXPECT_EQ(std::bit_cast<uint64_t>(back), std::bit_cast<uint64_t>(value));
    }
    EXPECT_EQ(doubleHighBits(1.0), 0x3ff00000u);
    EXPECT_EQ(doubleLowBits(1.0), 0u);
}

TEST(DoubleChannels, AddAndGetThroughAnImage) {
    ImageBuffer image(2, 1);
    std::string error;
    ASSERT_TRUE(addDoubleChannel(image, "sum", {1.5, -2.25}, error)) << error;
    EXPECT_EQ(image.find("sum.hi")->type, PixelType::Uint);
    EXPECT_EQ(image.find("sum.lo")->type, PixelType::Uint);
    std::vector<double> values;
    ASSERT_TRUE(getDoubleChannel(image, "sum", values, error)) << error;
    EXPECT_EQ(values, (std::vector<double>{1.5, -2.25}));

    EXPECT_FALSE(addDoubleChannel(image, "sum", {1.0, 2.0}, error)) << "already present";
    EXPECT_FALSE(addDoubleChannel(image, "short", {1.0}, error)) << "wrong size";
    EXPECT_FALSE(getDoubleChannel(image, "absent", values, error));
    EXPECT_NE(error.find("absent"), std::string::npos) << error;
}

TEST(Metadata, SetKeepsOrderAndTypesAreExact) {
    Metadata metadata;
    metadata.set("b", 1);
    metadata.set("a", 2.0f);
    metadata.set("c", "text");
    metadata.set("b", 3);  // replaces in place
    std::vector<std::string> names;
    for (const Metadata::Entry& entry : metadata) names.push_back(entry.name);
    EXPECT_EQ(names, (std::vector<std::string>{"b", "a", "c"}));
    EXPECT_EQ(metadata.get<int>("b"), 3);
    EXPECT_EQ(metadata.get<float>("a"), 2.0f);
    EXPECT_EQ(metadata.get<double>("a"), std::nullopt) << "no conversion between types";
    EXPECT_EQ(metadata.get<std::string>("c"), "text");
    EXPECT_EQ(metadata.get<int>("missing"), std::nullopt);
    EXPECT_STREQ(metadataTypeName(*metadata.find("c")), "string");

    Metadata other;
    other.set("a", 0.1);
    other.set("d", Mat4f());
    metadata.merge(other);
    EXPECT_EQ(metadata.get<double>("a"), 0.1);
    EXPECT_EQ(metadata.size(), 4u);
    EXPECT_TRUE(metadata.remove("d"));
    EXPECT_FALSE(metadata.remove("d"));
    EXPECT_EQ(metadataValueString(*metadata.find("a")), "0.10000000000000001");
}

// Only io/*.cpp may include OpenEXR or OpenImageIO (doc/OUTPUT.md); the build of this
// test already fails if a public header needs OpenEXR's include path.
TEST(IoHeaders, PublicHeadersDoNotIncludeImageLibraries) {
    const std::filesystem::path ioDir = std::filesystem::path(RT_SOURCE_DIR) / "lib" / "io";
    int headers = 0;
    for (const auto& entry : std::filesystem::directory_iterator(ioDir)) {
        if (entry.path().extension() != ".h") continue;
        ++headers;
        std::ifstream in(entry.path());
        for (std::string line; std::getline(in, line);) {
            if (line.rfind("#include", 0) != 0) continue;
            for (const char* forbidden :
                 {"<Imf", "<Iex", "<OpenEXR/", "<OpenImageIO/", "detail/"}) {
                EXPECT_EQ(line.find(forbidden), std::string::npos)
                    << entry.path().filename() << ": " << line;
            }
        }
    }
    EXPECT_GE(headers, 8);
}

}  // namespace
}  // namespace rt
