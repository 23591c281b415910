// MurmurHash3 x86_32 (core/MurmurHash.h) against published reference values.
#include "core/MurmurHash.h"

#include <gtest/gtest.h>

namespace rt {
namespace {

TEST(MurmurHash3, MatchesTheReferenceImplementation) {
    // Values of Austin Appleby's MurmurHash3_x86_32 (SMHasher), as every port lists them.
    EXPECT_EQ(murmurHash3(""), 0u);
    EXPECT_EQ(murmurHash3("", 1), 0x514e28b7u);
    EXPECT_EQ(murmurHash3("hello"), 0x248bfa47u);
    EXPECT_EQ(murmurHash3("The quick brown fox jumps over the lazy dog"), 0x2e4ff723u);
}

}  // namespace
}  // namespace rt
