#include "isolens/core/base/timestamp.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(Timestamp, ParsesTheEnginesRfc3339Forms)
{
    EXPECT_EQ(parseRfc3339Nanos("1970-01-01T00:00:00Z"), 0);
    EXPECT_EQ(parseRfc3339Nanos("1970-01-01T00:00:01.5Z"), 1'500'000'000);
    EXPECT_EQ(parseRfc3339Nanos("2026-11-28T00:39:04.123456789Z"), 1795826344123456789LL);
    EXPECT_EQ(parseRfc3339Nanos("2026-11-28T01:39:04.123456789+01:00"), 1795826344123456789LL);
    EXPECT_EQ(parseRfc3339Nanos("2026-11-27T23:39:04.123456789-01:00"), 1795826344123456789LL);
    // More than nanosecond precision is cut, as Go's parser does.
    EXPECT_EQ(parseRfc3339Nanos("1970-01-01T00:00:00.1234567899Z"), 123456789);
}

TEST(Timestamp, RejectsTheZeroTimeAndMalformedText)
{
    for (const char* bad :
         {"0001-01-01T00:00:00Z", "", "2026-11-28", "2026-11-28T00:39:04", "2026-13-01T00:00:00Z",
          "2026-02-30T00:00:00Z", "2026-11-28T24:00:00Z", "2026-11-28T00:39:04.Z", "2026-11-28T00:39:04Zjunk",
          "2026-11-28T00:39:04+0100", "2300-01-01T00:00:00Z"})
        EXPECT_FALSE(parseRfc3339Nanos(bad)) << bad;
}

TEST(Timestamp, RejectsOffsetsBeyondADay)
{
    // RFC 3339 offsets are hours 00..23 and minutes 00..59: "+99:99" would move a time by four days,
    // past the range whose years are checked.
    for (const char* bad : {"2026-11-28T00:39:04+24:00", "2026-11-28T00:39:04-01:60",
                            "2261-12-31T23:59:60-24:59", "1970-01-01T00:00:00+99:99"})
        EXPECT_FALSE(parseRfc3339Nanos(bad)) << bad;
    EXPECT_TRUE(parseRfc3339Nanos("2026-11-28T00:39:04+23:59"));
}

TEST(Timestamp, FormatsUtcWithMilliseconds)
{
    EXPECT_EQ(formatRfc3339Millis(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(formatRfc3339Millis(1795826344123456789LL), "2026-11-28T00:39:04.123Z");
}

TEST(Timestamp, FormatsTheLimitsOf64BitNanoseconds)
{
    EXPECT_EQ(formatRfc3339Millis(INT64_MIN), "1677-09-21T00:12:43.145Z");
    EXPECT_EQ(formatRfc3339Millis(INT64_MAX), "2262-04-11T23:47:16.854Z");
    EXPECT_EQ(formatRfc3339Millis(-1), "1969-12-31T23:59:59.999Z");
}

TEST(Timestamp, YearsBeyond64BitNanosecondsAreNoTime)
{
    EXPECT_FALSE(parseRfc3339Nanos("9999-12-31T23:59:59.999999999Z"));
    EXPECT_FALSE(parseRfc3339Nanos("0001-01-01T00:00:00Z"));
    EXPECT_TRUE(parseRfc3339Nanos("2261-12-31T23:59:59.999999999-23:59"));
    EXPECT_TRUE(parseRfc3339Nanos("1970-01-01T00:00:00+23:59"));
}
