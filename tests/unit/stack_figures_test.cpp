#include "isolens/core/session/stack_figures.hpp"

#include <gtest/gtest.h>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

StatsSample sample(std::int64_t time, double cpu, std::int64_t memory)
{
    StatsSample s;
    s.valid = true;
    s.timeNanos = time;
    s.cpuPercent = cpu;
    s.memBytes = memory;
    return s;
}

} // namespace

TEST(StackFigures, AColumnIsTheSumAndItsMembersCostliestFirst)
{
    SeriesStore store;
    store.addSample("a", sample(10 * kSecond, 30, 300));
    store.addSample("a/web", sample(10 * kSecond, 10, 100));
    store.addSample("a/db", sample(10 * kSecond, 20, 200));
    store.addSample("ab/other", sample(10 * kSecond, 99, 999)); // another group's, with a longer name
    store.addSample("b/web", sample(10 * kSecond, 5, 5));
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
    store.addSample("a/left", sample(10 * kSecond, 1, 1));
    store.addGap("a/left", 10 * kSecond + 1);
    store.addSample("a/silent", sample(2 * kSecond, 1, 1));
    store.addSample("a/here", sample(10 * kSecond, 1, 1));
    store.addSample("a", sample(2 * kSecond, 1, 1)); // an old sum
    const auto column = stackColumnFigures(store, "a", 11 * kSecond);
    ASSERT_EQ(column.members.size(), 1u);
    EXPECT_EQ(column.members[0].name, "here");
    EXPECT_FALSE(column.cpuPercent) << "an old sum is not the current one";
    EXPECT_TRUE(stackColumnFigures(store, "nothing", 11 * kSecond).members.empty());
}

TEST(StackFigures, ASampleAtTheMomentAskedForIsTheNewest)
{
    SeriesStore store;
    store.addSample("a", sample(9 * kSecond, 1, 100));
    store.addSample("a", sample(10 * kSecond, 2, 200));
    EXPECT_EQ(stackColumnFigures(store, "a", 10 * kSecond).memoryBytes, 200.0);
}
