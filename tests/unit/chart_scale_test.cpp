#include "isolens/core/series/chart_scale.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <string>

using namespace isolens;

TEST(ChartScale, AxisTopIsTheNextRoundNumber)
{
    struct Case {
        double value;
        double expected;
    };
    for (const auto& c : {Case{0.0, 1.0}, Case{-5.0, 1.0}, Case{0.7, 1.0}, Case{1.0, 1.0}, Case{1.2, 2.0},
                          Case{2.0, 2.0}, Case{2.1, 2.5}, Case{3.0, 5.0}, Case{7.5, 10.0}, Case{10.0, 10.0},
                          Case{12.0, 20.0}, Case{99.9, 100.0}, Case{100.0, 100.0}, Case{101.0, 200.0},
                          Case{230.0, 250.0}, Case{260.0, 500.0}, Case{1.0e9, 1.0e9}, Case{1.1e9, 2.0e9}})
        EXPECT_DOUBLE_EQ(niceAxisMax(c.value), c.expected) << c.value;
}

TEST(ChartScale, AxisTopRespectsTheMinimumAndIgnoresNonNumbers)
{
    EXPECT_DOUBLE_EQ(niceAxisMax(3.0, 100.0), 100.0);
    EXPECT_DOUBLE_EQ(niceAxisMax(std::nan(""), 5.0), 5.0);
    EXPECT_DOUBLE_EQ(niceAxisMax(std::numeric_limits<double>::infinity(), 5.0), 5.0);
}

TEST(ChartScale, MemoryAxisUnit)
{
    struct Case {
        double bytes;
        const char* unit;
    };
    for (const auto& c : {Case{0.0, "B"}, Case{1023.0, "B"}, Case{1024.0, "KiB"}, Case{1048575.0, "KiB"},
                          Case{1048576.0, "MiB"}, Case{500.0 * 1048576.0, "MiB"}, Case{1073741824.0, "GiB"},
                          Case{64.0 * 1073741824.0, "GiB"}})
        EXPECT_EQ(byteScaleFor(c.bytes).unit, c.unit) << c.bytes;
    EXPECT_DOUBLE_EQ(byteScaleFor(3.0 * 1048576.0).divisor, 1048576.0);
}

TEST(ChartScale, VisibleWindow)
{
    constexpr std::int64_t s = 1'000'000'000;
    constexpr std::int64_t ms = 1'000'000;
    struct Case {
        std::int64_t first, last, width, offset;
        std::int64_t expectFirst, expectLast;
    };
    for (const auto& c : {
             // whole span
             Case{10 * s, 70 * s, 0, 0, 10 * s, 70 * s + ms},
             // shorter than the window: starts at the first sample, window wide
             Case{10 * s, 70 * s, 300 * s, 0, 10 * s, 310 * s},
             // longer: the last 5 minutes
             Case{0, 3600 * s, 300 * s, 0, 3300 * s, 3600 * s + ms},
             // scrolled back 10 minutes
             Case{0, 3600 * s, 300 * s, 600 * s, 2700 * s, 3000 * s + ms},
             // scrolled back past the start: clamped to the first 5 minutes
             Case{0, 3600 * s, 300 * s, 9999 * s, 0, 300 * s + ms},
             // negative offset is the live end
             Case{0, 3600 * s, 300 * s, -5, 3300 * s, 3600 * s + ms},
             // no data yet (last before first)
             Case{10 * s, 5 * s, 0, 0, 10 * s, 10 * s + ms},
         }) {
        const auto window = visibleWindow(c.first, c.last, c.width, c.offset);
        EXPECT_EQ(window.first, c.expectFirst)
            << c.first << ' ' << c.last << ' ' << c.width << ' ' << c.offset;
        EXPECT_EQ(window.last, c.expectLast) << c.first << ' ' << c.last << ' ' << c.width << ' ' << c.offset;
    }
}

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
// 2023-11-14 00:00:00 UTC.
constexpr std::int64_t kMidnight = 1'699'920'000 * kSecond;

constexpr std::int64_t at(int hours, int minutes, int seconds = 0)
{
    return kMidnight + hours * kHour + minutes * kMinute + seconds * kSecond;
}

} // namespace

TEST(ChartScale, TimeTicksFallOnRoundInstants)
{
    struct Case {
        const char* what;
        std::int64_t first, last;
        int maxLabels;
        std::int64_t utcOffset;
        std::int64_t step, firstTick;
        std::size_t ticks;
        TimeLabelFormat format;
    };
    for (const auto& c : {
             // Five minutes that start at an odd second: every minute, not 11:58:25, 11:59:40 ...
             Case{"5 min", at(11, 58, 25), at(12, 3, 25), 6, 0, kMinute, at(11, 59), 5,
                  TimeLabelFormat::HoursMinutes},
             Case{"5 min, fewer labels", at(11, 58, 25), at(12, 3, 25), 4, 0, 2 * kMinute, at(12, 0), 2,
                  TimeLabelFormat::HoursMinutes},
             Case{"30 s", at(12, 0, 0), at(12, 0, 30), 6, 0, 10 * kSecond, at(12, 0, 0), 4,
                  TimeLabelFormat::HoursMinutesSeconds},
             Case{"30 s from an odd second", at(12, 0, 3), at(12, 0, 33), 8, 0, 5 * kSecond, at(12, 0, 5), 6,
                  TimeLabelFormat::HoursMinutesSeconds},
             Case{"10 s", at(12, 0, 0), at(12, 0, 10), 12, 0, kSecond, at(12, 0, 0), 11,
                  TimeLabelFormat::HoursMinutesSeconds},
             Case{"2 min", at(12, 0, 7), at(12, 2, 7), 5, 0, 30 * kSecond, at(12, 0, 30), 4,
                  TimeLabelFormat::HoursMinutesSeconds},
             Case{"1 h", at(12, 7), at(13, 7), 6, 0, 10 * kMinute, at(12, 10), 6,
                  TimeLabelFormat::HoursMinutes},
             Case{"1 h, 4 labels", at(12, 7), at(13, 7), 4, 0, 15 * kMinute, at(12, 15), 4,
                  TimeLabelFormat::HoursMinutes},
             Case{"12 h", at(1, 30), at(13, 30), 5, 0, 3 * kHour, at(3, 0), 4, TimeLabelFormat::HoursMinutes},
             // A whole day: 00:00 twice, so the labels carry the day.
             Case{"1 day", at(0, 0), at(24, 0), 5, 0, 6 * kHour, at(0, 0), 5,
                  TimeLabelFormat::DayHoursMinutes},
             Case{"3 days", at(0, 0), at(72, 0), 4, 0, kDay, at(0, 0), 4, TimeLabelFormat::Day},
             // Local time: a +05:30 zone's hours fall on :30 UTC, a -08:00 zone's days on 08:00 UTC.
             Case{"+05:30", at(0, 0), at(6, 0), 4, 5 * kHour + 30 * kMinute, 2 * kHour, at(0, 30), 3,
                  TimeLabelFormat::HoursMinutes},
             Case{"-08:00", at(0, 0), at(12, 0), 3, -8 * kHour, 6 * kHour, at(2, 0), 2,
                  TimeLabelFormat::HoursMinutes},
             Case{"one instant, on a second", at(12, 0), at(12, 0), 5, 0, kSecond, at(12, 0), 1,
                  TimeLabelFormat::HoursMinutesSeconds},
             Case{"no room is room for one", at(12, 0, 1), at(12, 0, 59), 0, 0, 30 * kSecond, at(12, 0, 30),
                  1, TimeLabelFormat::HoursMinutesSeconds},
         }) {
        const auto ticks = niceTimeTicks(c.first, c.last, c.maxLabels, c.utcOffset);
        EXPECT_EQ(ticks.step, c.step) << c.what;
        ASSERT_EQ(ticks.instants.size(), c.ticks) << c.what;
        EXPECT_EQ(ticks.instants.front(), c.firstTick) << c.what;
        EXPECT_EQ(ticks.format, c.format) << c.what;
    }
}

TEST(ChartScale, TimeTicksAreTheSmallestRoundStepThatFits)
{
    const std::int64_t steps[] = {1 * kSecond,  2 * kSecond,  5 * kSecond, 10 * kSecond, 15 * kSecond,
                                  30 * kSecond, kMinute,      2 * kMinute, 5 * kMinute,  10 * kMinute,
                                  15 * kMinute, 30 * kMinute, kHour,       2 * kHour,    3 * kHour,
                                  6 * kHour,    12 * kHour,   kDay};
    const auto count = [](std::int64_t first, std::int64_t last, std::int64_t step, std::int64_t offset) {
        std::int64_t n = 0;
        for (std::int64_t t = first; t <= last; t += kSecond)
            n += (t + offset) % step == 0;
        return n;
    };
    for (const std::int64_t offset : {std::int64_t{0}, 2 * kHour, 5 * kHour + 45 * kMinute})
        for (const std::int64_t width :
             {7 * kSecond, 45 * kSecond, 5 * kMinute, 17 * kMinute, 3 * kHour, 20 * kHour})
            for (const int maxLabels : {2, 3, 5, 8, 12}) {
                const std::int64_t first = at(9, 41, 13);
                const std::int64_t last = first + width;
                const auto ticks = niceTimeTicks(first, last, maxLabels, offset);
                const auto where = std::to_string(width / kSecond) + " s, " + std::to_string(maxLabels) +
                                   " labels, offset " + std::to_string(offset / kSecond);
                ASSERT_LE(ticks.instants.size(), static_cast<std::size_t>(maxLabels)) << where;
                for (const auto instant : ticks.instants) {
                    EXPECT_GE(instant, first) << where;
                    EXPECT_LE(instant, last) << where;
                    EXPECT_EQ((instant + offset) % ticks.step, 0) << where;
                }
                EXPECT_EQ(static_cast<std::int64_t>(ticks.instants.size()),
                          count(first, last, ticks.step, offset))
                    << where << ": every round instant in the window is labelled";
                // The step before it in the list would have put too many labels in.
                const auto it = std::find(std::begin(steps), std::end(steps), ticks.step);
                ASSERT_NE(it, std::end(steps)) << where;
                if (it != std::begin(steps)) {
                    EXPECT_GT(count(first, last, *(it - 1), offset), maxLabels) << where;
                }
            }
}

TEST(ChartScale, TimeTicksBeyondADayAreWholeDays)
{
    const auto ticks = niceTimeTicks(at(0, 0), at(0, 0) + 30 * kDay, 5);
    EXPECT_EQ(ticks.step % kDay, 0);
    EXPECT_GT(ticks.step, kDay);
    EXPECT_LE(ticks.instants.size(), 5u);
    EXPECT_GE(ticks.instants.size(), 2u);
    EXPECT_EQ(ticks.format, TimeLabelFormat::Day);
    EXPECT_TRUE(niceTimeTicks(at(1, 0), at(0, 0), 5).instants.empty()) << "an empty window has no labels";
}
