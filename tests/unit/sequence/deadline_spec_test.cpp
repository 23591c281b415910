// -sequence_deadline's text: durations and the next occurrence of a time of day.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/Error.h"
#include "sequence/DeadlineSpec.h"

namespace rt {
namespace {

// 2026-12-06 22:00:00 local time, whatever the machine's zone.
std::time_t tenPm() {
    std::tm t{};
    t.tm_year = 126;
    t.tm_mon = 11;
    t.tm_mday = 6;
    t.tm_hour = 22;
    t.tm_isdst = -1;
    return std::mktime(&t);
}

TEST(DeadlineSpec, Durations) {
    EXPECT_DOUBLE_EQ(parseDeadline("8h", tenPm()), 8 * 3600.0);
    EXPECT_DOUBLE_EQ(parseDeadline("1h30m", tenPm()), 5400.0);
    EXPECT_DOUBLE_EQ(parseDeadline("600", tenPm()), 600.0);
}

TEST(DeadlineSpec, TimeOfDayIsItsNextOccurrence) {
    EXPECT_DOUBLE_EQ(parseDeadline("07:30", tenPm()), 9.5 * 3600.0);
    EXPECT_DOUBLE_EQ(parseDeadline("23:15", tenPm()), 1.25 * 3600.0);
    EXPECT_DOUBLE_EQ(parseDeadline("22:00", tenPm()), 24 * 3600.0) << "now is already past";
}

TEST(DeadlineSpec, BadTextNamesTheOption) {
    for (const char* text : {"", "tomorrow", "25:00", "7:75", "100i", "-5m"}) {
        try {
            parseDeadline(text, tenPm());
            ADD_FAILURE() << "no error for '" << text << "'";
        } catch (const UsageError& e) {
            EXPECT_NE(std::string(e.what()).find("option '-sequence_deadline'"), std::string::npos)
                << e.what();
        }
    }
}

}  // namespace
}  // namespace rt
