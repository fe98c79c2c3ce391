#include "isolens/core/analysis/spread.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(Spread, MinMedianAndMaxOfEachCount)
{
    struct Case {
        std::vector<double> values;
        Spread expected;
    };
    const std::vector<Case> cases{
        {{5.0}, {1, 5.0, 5.0, 5.0}},
        {{3.0, 1.0}, {2, 1.0, 2.0, 3.0}},      // even: the mean of the middle two
        {{9.0, 1.0, 4.0}, {3, 1.0, 4.0, 9.0}}, // odd: the middle one, whatever the order
        {{2.0, 8.0, 4.0, 6.0}, {4, 2.0, 5.0, 8.0}},
        {{-1.0, -1.0, -1.0}, {3, -1.0, -1.0, -1.0}}, // a difference may be negative
    };
    for (const auto& c : cases) {
        const auto spread = spreadOf(c.values);
        ASSERT_TRUE(spread);
        EXPECT_EQ(*spread, c.expected) << c.values.size() << " values";
    }
}

TEST(Spread, NothingToSpreadIsNothing)
{
    EXPECT_FALSE(spreadOf({}));
    EXPECT_FALSE(spreadOfKnown({std::nullopt, std::nullopt}));
}

TEST(Spread, UnknownValuesAreLeftOut)
{
    const auto spread = spreadOfKnown({10.0, std::nullopt, 30.0});
    ASSERT_TRUE(spread);
    EXPECT_EQ(*spread, (Spread{2, 10.0, 20.0, 30.0}));
}
