#include "isolens/core/session/stack_figures.hpp"

#include "valid_sample.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

} // namespace

TEST(StackFigures, AColumnIsTheSumAndItsMembersCostliestFirst)
{
    SeriesStore store;
    store.addSample("a", validSample(10 * kSecond, 30, 300));
    store.addSample("a/web", validSample(10 * kSecond, 10, 100));
    store.addSample("a/db", validSample(10 * kSecond, 20, 200));
    store.addSample("ab/other", validSample(10 * kSecond, 99, 999)); // another group's, with a longer name
    store.addSample("b/web", validSample(10 * kSecond, 5, 5));
    const auto column = stackColumnFigures(store, "a", 11 * kSecond);
    EXPECT_EQ(column.cpuPercent, 30.0);
    EXPECT_EQ(column.memoryBytes, 300.0);
    ASSERT_EQ(column.members.size(), 2u);
    EXPECT_EQ(column.members[0].name, "db");
    EXPECT_EQ(column.members[0].seriesKey, "a/db");
    EXPECT_EQ(column.members[1].name, "web");
    EXPECT_DOUBLE_EQ(column.members[0].cpuPercent + column.members[1].cpuPercent, *column.cpuPercent);
}

TEST(StackFigures, AMemberThatLeftOrFellSilentIsNotShown)
{
    SeriesStore store;
    store.addSample("a/left", validSample(10 * kSecond, 1, 1));
    store.addGap("a/left", 10 * kSecond + 1);
    store.addSample("a/silent", validSample(2 * kSecond, 1, 1));
    store.addSample("a/here", validSample(10 * kSecond, 1, 1));
    store.addSample("a", validSample(2 * kSecond, 1, 1)); // an old sum
    const auto column = stackColumnFigures(store, "a", 11 * kSecond);
    ASSERT_EQ(column.members.size(), 1u);
    EXPECT_EQ(column.members[0].name, "here");
    EXPECT_FALSE(column.cpuPercent) << "an old sum is not the current one";
    EXPECT_TRUE(stackColumnFigures(store, "nothing", 11 * kSecond).members.empty());
}

TEST(StackFigures, ASampleAtTheMomentAskedForIsTheNewest)
{
    SeriesStore store;
    store.addSample("a", validSample(9 * kSecond, 1, 100));
    store.addSample("a", validSample(10 * kSecond, 2, 200));
    EXPECT_EQ(stackColumnFigures(store, "a", 10 * kSecond).memoryBytes, 200.0);
}
