#include "isolens/core/chart_scale.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

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
