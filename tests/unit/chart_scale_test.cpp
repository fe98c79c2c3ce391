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
