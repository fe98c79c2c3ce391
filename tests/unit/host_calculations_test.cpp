#include "isolens/core/host/host_calculations.hpp"
#include "isolens/core/host/host_metrics.hpp"

#include <gtest/gtest.h>

using namespace isolens;
using namespace isolens::host;

TEST(HostCpu, BusyShareBetweenTwoReadings)
{
    EXPECT_DOUBLE_EQ(cpuPercentBetween(100, 1000, 150, 1100), 50.0);
    EXPECT_DOUBLE_EQ(cpuPercentBetween(100, 1000, 200, 1100), 0.0);
    EXPECT_DOUBLE_EQ(cpuPercentBetween(100, 1000, 100, 1100), 100.0);
    EXPECT_DOUBLE_EQ(cpuPercentBetween(100, 1000, 100, 1000), 0.0); // no time passed
    EXPECT_DOUBLE_EQ(cpuPercentBetween(100, 1000, 50, 1100), 0.0);  // counters went back
}

TEST(ProcessCpu, ShareOfAllLogicalCpus)
{
    constexpr std::int64_t second = 1'000'000'000;
    EXPECT_DOUBLE_EQ(processCpuPercent(0, second, second, 2), 50.0); // one full CPU of two
    EXPECT_DOUBLE_EQ(processCpuPercent(0, 2 * second, second, 2), 100.0);
    EXPECT_DOUBLE_EQ(processCpuPercent(0, 5 * second, second, 2), 100.0); // clamped
    EXPECT_DOUBLE_EQ(processCpuPercent(second, 0, second, 2), 0.0);       // pid reused
    EXPECT_DOUBLE_EQ(processCpuPercent(0, second, 0, 2), 0.0);
    EXPECT_DOUBLE_EQ(processCpuPercent(0, second, second, 0), 0.0);
}

TEST(Patterns, GlobsAreCaseInsensitive)
{
    EXPECT_TRUE(matchesPattern("vmmem", "vmmem"));
    EXPECT_TRUE(matchesPattern("VMMEM.EXE", "vmmem.exe"));
    EXPECT_TRUE(matchesPattern("qemu-system-x86_64", "qemu-system-*"));
    EXPECT_TRUE(matchesPattern("abc", "a?c"));
    EXPECT_TRUE(matchesPattern("anything", "*"));
    EXPECT_TRUE(matchesPattern("a-b-c", "*-*-c"));
    EXPECT_FALSE(matchesPattern("vmmemWSLx", "vmmemWSL"));
    EXPECT_FALSE(matchesPattern("qemu-img", "qemu-system-*"));
    EXPECT_FALSE(matchesPattern("", "?"));
}

TEST(Patterns, TheDefaultVmWorkersAreRecognizedAndOthersNot)
{
    const auto patterns = defaultVmWorkerPatterns();
    for (const char* worker : {"vmmem", "vmmem.exe", "vmmemWSL", "vmwp.exe", "qemu-system-aarch64",
                               "firecracker", "cloud-hypervisor"})
        EXPECT_TRUE(matchesAnyPattern(worker, patterns)) << worker;
    for (const char* other : {"dockerd", "PING.EXE", "vmcompute.exe", "qemu-img", "sleep"})
        EXPECT_FALSE(matchesAnyPattern(other, patterns)) << other;
}

TEST(HostCalculations, ProcessCpuTimesAtTheLimitsDoNotOverflow)
{
    constexpr std::int64_t second = 1'000'000'000;
    EXPECT_DOUBLE_EQ(processCpuPercent(INT64_MIN, INT64_MAX, second, 2), 100.0);
}
