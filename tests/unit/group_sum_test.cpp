#include "isolens/core/stats/group_sum.hpp"

#include <gtest/gtest.h>

#include <limits>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;

StatsSample member(std::int64_t time, double cpuHost, std::int64_t memory, double allotted)
{
    StatsSample s;
    s.valid = true;
    s.timeNanos = time;
    s.cpuPercent = cpuHost * 2;
    s.cpuHostPercent = cpuHost;
    s.hostCpus = 2;
    s.allottedCpus = allotted;
    s.memBytes = memory;
    s.pids = 1;
    return s;
}

} // namespace

TEST(GroupSum, AddsTheMembersFigures)
{
    const auto sum = sumSamples({member(0, 10, 100, 0.5), member(0, 15, 200, 0.5)}, 7, "stack");
    EXPECT_TRUE(sum.valid);
    EXPECT_EQ(sum.name, "stack");
    EXPECT_EQ(sum.timeNanos, 7);
    EXPECT_DOUBLE_EQ(sum.cpuHostPercent, 25.0);
    EXPECT_DOUBLE_EQ(sum.cpuPercent, 50.0);
    EXPECT_EQ(sum.memBytes, 300);
    EXPECT_EQ(sum.pids, 2);
    EXPECT_DOUBLE_EQ(sum.allottedCpus, 1.0);
    EXPECT_DOUBLE_EQ(sum.cpuAllotmentPercent, 50.0); // 25% of 2 CPUs is half of its 1 CPU
    EXPECT_FALSE(sum.commitBytes);
    EXPECT_FALSE(sumSamples({}, 0, "empty").valid);
}

TEST(GroupAccumulator, SumsGroupsWhoseMembersAreAllFresh)
{
    GroupAccumulator groups(std::chrono::seconds(2));
    groups.addMember("a", "c1");
    groups.addMember("a", "c2");
    groups.addMember("b", "c3");
    EXPECT_EQ(groups.members("a"), 2u);
    groups.update("c1", member(10 * kSecond, 1, 100, 2));
    groups.update("c2", member(10 * kSecond, 1, 50, 2));
    groups.update("c3", member(5 * kSecond, 1, 999, 2)); // silent since second 5
    auto invalid = member(10 * kSecond, 9, 9, 2);
    invalid.valid = false;
    groups.update("c3", invalid); // ignored
    const auto sums = groups.tick(11 * kSecond);
    ASSERT_EQ(sums.count("a"), 1u);
    EXPECT_EQ(sums.at("a").memBytes, 150);
    EXPECT_EQ(sums.count("b"), 0u) << "a group with only stale members has no sample (a gap, not zero)";

    groups.addMember("a", "c4"); // a member not heard from yet
    EXPECT_EQ(groups.tick(11 * kSecond).count("a"), 0u) << "a partial sum would understate the group";
    groups.update("c4", member(11 * kSecond, 1, 25, 2));
    EXPECT_EQ(groups.tick(11 * kSecond).at("a").memBytes, 175);
}

TEST(GroupSum, SumsOfSaturatedCountersStayAtTheLimit)
{
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    auto big = member(0, 1, kMax, 0.5);
    big.memLimitBytes = kMax;
    big.commitBytes = kMax;
    big.commitPeakBytes = kMax;
    big.netRxBytes = big.netTxBytes = big.blockReadBytes = big.blockWriteBytes = kMax;
    big.pids = kMax;
    const auto sum = sumSamples({big, big}, 0, "stack");
    EXPECT_EQ(sum.memBytes, kMax);
    EXPECT_EQ(sum.memLimitBytes, kMax);
    EXPECT_EQ(sum.commitBytes, kMax);
    EXPECT_EQ(sum.commitPeakBytes, kMax);
    EXPECT_EQ(sum.netRxBytes, kMax);
    EXPECT_EQ(sum.netTxBytes, kMax);
    EXPECT_EQ(sum.blockReadBytes, kMax);
    EXPECT_EQ(sum.blockWriteBytes, kMax);
    EXPECT_EQ(sum.pids, kMax);
}

TEST(GroupSum, ASampleFromTheFarPastIsStaleNotFresh)
{
    // now - INT64_MIN overflows; wrapped, it made a sample from 1677 look fresh.
    GroupAccumulator groups;
    groups.addMember("stack", "a");
    groups.update("a", member(std::numeric_limits<std::int64_t>::min(), 1, 1, 1));
    EXPECT_TRUE(groups.tick(kSecond).empty());
}
