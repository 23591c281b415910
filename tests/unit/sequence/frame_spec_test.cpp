// -frames SPEC: the forms farm managers and Nuke write, and the errors for the rest.
#include <gtest/gtest.h>

#include "core/Error.h"
#include "sequence/FrameSpec.h"

namespace rt {
namespace {

using Frames = std::vector<int>;

TEST(FrameSpec, SingleFramesRangesStepsAndLists) {
    EXPECT_EQ(parseFrameSpec("12"), Frames({12}));
    EXPECT_EQ(parseFrameSpec("0"), Frames({0}));
    EXPECT_EQ(parseFrameSpec("1-4"), Frames({1, 2, 3, 4}));
    EXPECT_EQ(parseFrameSpec("7-7"), Frames({7}));
    EXPECT_EQ(parseFrameSpec("1-10x4"), Frames({1, 5, 9}));
    EXPECT_EQ(parseFrameSpec("1-48x4").size(), 12u);
    EXPECT_EQ(parseFrameSpec("1-48x4").back(), 45);
    EXPECT_EQ(parseFrameSpec("1,5,10-12"), Frames({1, 5, 10, 11, 12}));
    EXPECT_EQ(parseFrameSpec("20-22,3"), Frames({20, 21, 22, 3})) << "in the order given";
    EXPECT_EQ(parseFrameSpec("1-48").size(), 48u);
}

// The message of the UsageError parseFrameSpec(spec) throws; empty when it throws none.
std::string errorOf(const std::string& spec) {
    try {
        parseFrameSpec(spec);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

TEST(FrameSpec, BadSpecsNameTheOptionAndThePart) {
    for (const char* bad : {"5-1", "1-", "x", "1-10x0", "", "-3", "1,,2", "1,", "a-b", "1-10x",
                            "1-10x-2", "1.5", "1-2-3", "99999999999", " 1", "1,1", "1-5,3"}) {
        const std::string error = errorOf(bad);
        EXPECT_NE(error.find("option '-frames'"), std::string::npos)
            << "'" << bad << "': " << error;
        const std::string quoted = std::string(1, '\'').append(bad).append(1, '\'');
        EXPECT_NE(error.find(quoted), std::string::npos) << error;
    }
    EXPECT_NE(errorOf("5-1").find("ends before it starts"), std::string::npos);
    EXPECT_NE(errorOf("1-").find("no last frame"), std::string::npos);
    EXPECT_NE(errorOf("1-10x0").find("step"), std::string::npos);
    EXPECT_NE(errorOf("1-5,3").find("frame 3 is listed twice"), std::string::npos);
}

}  // namespace
}  // namespace rt
