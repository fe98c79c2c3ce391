#include "isolens/core/stats/stats_formulas.hpp"

#include <gtest/gtest.h>

using namespace isolens;
using namespace isolens::stats;

struct LinuxCpuCase {
    const char* what;
    std::uint64_t total, preTotal, system, preSystem;
    std::uint32_t online;
    std::size_t perCpu;
    double expected;
};

TEST(CpuPercentLinux, MatchesTheDockerCli)
{
    const LinuxCpuCase cases[] = {
        {"one busy CPU of two", 1'000'000'000, 0, 2'000'000'000, 0, 2, 0, 100.0},
        {"half a CPU of four", 500'000'000, 0, 4'000'000'000, 0, 4, 0, 50.0},
        {"online_cpus 0 falls back to percpu", 1'000'000'000, 0, 2'000'000'000, 0, 0, 2, 100.0},
        {"online_cpus 0 and no percpu", 1'000'000'000, 0, 2'000'000'000, 0, 0, 0, 0.0},
        {"no previous sample (one-shot)", 5'000'000'000, 0, 0, 0, 2, 0, 0.0},
        {"zero system delta", 2'000, 1'000, 5'000, 5'000, 2, 0, 0.0},
        {"idle: zero cpu delta", 1'000, 1'000, 9'000, 5'000, 2, 0, 0.0},
        {"counter reset: negative delta", 1'000, 9'000, 9'000, 5'000, 2, 0, 0.0},
        {"system counter went back", 9'000, 1'000, 4'000, 5'000, 2, 0, 0.0},
    };
    for (const auto& c : cases)
        EXPECT_DOUBLE_EQ(cpuPercentLinux(c.total, c.preTotal, c.system, c.preSystem, c.online, c.perCpu),
                         c.expected)
            << c.what;
}

struct WindowsCpuCase {
    const char* what;
    std::int64_t read, preread;
    std::uint32_t numProcs;
    std::uint64_t total, preTotal;
    double expected;
};

TEST(CpuPercentWindows, MatchesTheDockerCli)
{
    constexpr std::int64_t second = 1'000'000'000;
    const WindowsCpuCase cases[] = {
        {"REFERENCE.md example: 1 s, 4 CPUs, 1e7 used", 2 * second, second, 4, 11'000'000, 1'000'000, 25.0},
        {"two vCPUs busy on a 16-CPU host", 2 * second, second, 16, 20'000'000, 0, 12.5},
        {"no time passed", second, second, 4, 10, 0, 0.0},
        {"time went backwards", second, 2 * second, 4, 10, 0, 0.0},
        {"num_procs 0", 2 * second, second, 0, 10, 0, 0.0},
        {"less than 100 ns", 50, 0, 4, 10, 0, 0.0},
        {"counter reset", 2 * second, second, 4, 10, 1'000, 0.0},
        // 1,000,000,150 ns hold 10,000,001 whole intervals (the CLI divides integers; 10,000,001.5
        // otherwise).
        {"partial 100 ns intervals are dropped like the CLI", 1'000'000'150, 0, 1, 5'000'000, 0,
         5'000'000.0 / 10'000'001.0 * 100.0},
    };
    for (const auto& c : cases)
        EXPECT_DOUBLE_EQ(cpuPercentWindows(c.read, c.preread, c.numProcs, c.total, c.preTotal), c.expected)
            << c.what;
}

TEST(MemoryUsageLinux, SubtractsInactiveFileCacheLikeTheCli)
{
    const std::map<std::string, std::uint64_t> v1{{"total_inactive_file", 300}, {"inactive_file", 100}};
    EXPECT_EQ(memoryUsageLinuxNoCache(1000, v1), 700u);
    const std::map<std::string, std::uint64_t> v1TooBig{{"total_inactive_file", 2000},
                                                        {"inactive_file", 100}};
    EXPECT_EQ(memoryUsageLinuxNoCache(1000, v1TooBig), 900u); // falls through to the v2 key
    const std::map<std::string, std::uint64_t> v2{{"inactive_file", 250}};
    EXPECT_EQ(memoryUsageLinuxNoCache(1000, v2), 750u);
    EXPECT_EQ(memoryUsageLinuxNoCache(1000, {}), 1000u); // missing inactive_file
    const std::map<std::string, std::uint64_t> v2TooBig{{"inactive_file", 1000}};
    EXPECT_EQ(memoryUsageLinuxNoCache(1000, v2TooBig), 1000u);
}

TEST(MemoryPercent, NothingWithoutALimit)
{
    EXPECT_EQ(memoryPercent(256, 1024), 25.0);
    EXPECT_FALSE(memoryPercent(256, 0));
}

TEST(AllottedCpus, LimitThenCountThenHyperVDefaultThenHost)
{
    EXPECT_DOUBLE_EQ(allottedCpus({1'500'000'000, 0, "", 0}, 16), 1.5);
    EXPECT_DOUBLE_EQ(allottedCpus({0, 4, "process", 0}, 16), 4);
    EXPECT_DOUBLE_EQ(allottedCpus({0, 0, "hyperv", 0}, 16), 2);
    EXPECT_DOUBLE_EQ(allottedCpus({0, 0, "process", 0}, 16), 16);
    EXPECT_DOUBLE_EQ(allottedCpus({0, 0, "", 0}, 2), 2);
    EXPECT_DOUBLE_EQ(allottedCpus({8'000'000'000, 0, "", 0}, 2), 2); // never more than the host has
    EXPECT_DOUBLE_EQ(allottedCpus({0, 0, "hyperv", 0}, 1), 1);
}

TEST(StatsFormulas, WindowsTimesAtTheLimitsDoNotOverflow)
{
    // read - preread does not fit in 64 bits: the span saturates instead of wrapping to negative.
    const double expected = 100.0 / static_cast<double>(INT64_MAX / 100) * 100.0;
    EXPECT_DOUBLE_EQ(cpuPercentWindows(INT64_MAX, INT64_MIN, 1, 100, 0), expected);
    EXPECT_EQ(cpuPercentWindows(INT64_MIN, INT64_MAX, 1, 100, 0), 0.0);
}
