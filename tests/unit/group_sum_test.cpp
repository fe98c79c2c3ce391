#include "isolens/core/stats/group_sum.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <vector>

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

TEST(GroupAccumulator, AMemberThatLeavesNoLongerHoldsItsGroupBack)
{
    struct Case {
        const char* what;
        std::vector<const char*> removed;
        std::optional<std::int64_t> memory; // the sum's, or no sample
    };
    const Case cases[] = {
        {"all members fresh but one silent: no sum", {}, std::nullopt},
        {"the silent one stopped: the others' sum", {"silent"}, 150},
        {"a fresh one stopped too: the last one's", {"silent", "c1"}, 50},
        {"removing an unknown container changes nothing", {"silent", "nobody"}, 150},
        {"every member gone: no sample, not zero", {"silent", "c1", "c2"}, std::nullopt},
    };
    for (const auto& c : cases) {
        GroupAccumulator groups(std::chrono::seconds(2));
        groups.addMember("a", "c1");
        groups.addMember("a", "c2");
        groups.addMember("a", "silent");
        groups.update("c1", member(10 * kSecond, 1, 100, 2));
        groups.update("c2", member(10 * kSecond, 1, 50, 2));
        groups.update("silent", member(1 * kSecond, 1, 999, 2));
        for (const auto* id : c.removed)
            groups.removeMember(id);
        const auto sums = groups.tick(11 * kSecond);
        ASSERT_EQ(sums.count("a") == 1, c.memory.has_value()) << c.what;
        if (c.memory) {
            EXPECT_EQ(sums.at("a").memBytes, *c.memory) << c.what;
        }
    }
}

TEST(GroupAccumulator, TheSumEqualsItsMembersLatestSamples)
{
    GroupAccumulator groups(std::chrono::seconds(2));
    groups.addMember("a", "c1");
    groups.addMember("a", "c2");
    groups.addMember("b", "c3");
    groups.update("c1", member(10 * kSecond, 12.5, 100, 2));
    groups.update("c2", member(10 * kSecond, 7.5, 300, 2));
    groups.update("c3", member(10 * kSecond, 3, 7, 2));
    const auto members = groups.memberSamples("a", 11 * kSecond);
    ASSERT_EQ(members.size(), 2u);
    double cpu = 0;
    std::int64_t memory = 0;
    for (const auto& m : members) {
        EXPECT_TRUE(m.fresh) << m.containerId;
        cpu += m.sample.cpuPercent;
        memory += m.sample.memBytes;
    }
    const auto sum = groups.tick(11 * kSecond).at("a");
    EXPECT_DOUBLE_EQ(sum.cpuPercent, cpu);
    EXPECT_EQ(sum.memBytes, memory);
    EXPECT_FALSE(groups.memberSamples("a", 20 * kSecond).front().fresh);
}

TEST(GroupAccumulator, ASampleAfterItsMemberLeftIsDropped)
{
    GroupAccumulator groups(std::chrono::seconds(2));
    groups.addMember("a", "c1");
    groups.addMember("a", "c2");
    groups.update("c2", member(10 * kSecond, 1, 5, 2));
    groups.removeMember("c1");
    groups.update("c1", member(10 * kSecond, 1, 100, 2)); // its stream was still stopping
    EXPECT_EQ(groups.members("a"), 1u);
    EXPECT_EQ(groups.tick(10 * kSecond).at("a").memBytes, 5);
}
