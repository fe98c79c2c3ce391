#include "isolens/core/platform/proc_parsing.hpp"

#include <gtest/gtest.h>

using namespace isolens::procfs;

TEST(ProcStat, FirstCpuLine)
{
    const auto times =
        parseStatCpu("cpu  100 5 50 800 20 3 2 1 7 0\ncpu0 50 2 25 400 10 1 1 0 0 0\nintr 1\n");
    ASSERT_TRUE(times);
    EXPECT_EQ(times->idle, 820u);
    EXPECT_EQ(times->total, 100u + 5 + 50 + 800 + 20 + 3 + 2 + 1); // guest time is inside user
    EXPECT_TRUE(parseStatCpu("cpu 1 2 3 4\n"));                    // old kernels: four fields
    EXPECT_FALSE(parseStatCpu("intr 1\n"));
    EXPECT_FALSE(parseStatCpu("cpu 1 x 3 4 5\n"));
}

TEST(Meminfo, TotalAndAvailableInBytes)
{
    const auto memory = parseMeminfo("MemTotal:       24683944 kB\nMemFree:         1000 kB\n"
                                     "MemAvailable:   20000000 kB\nBuffers: 5 kB\n");
    ASSERT_TRUE(memory);
    EXPECT_EQ(memory->totalBytes, 24683944LL * 1024);
    EXPECT_EQ(memory->availableBytes, 20000000LL * 1024);
    const auto old = parseMeminfo("MemTotal: 100 kB\nMemFree: 10 kB\nBuffers: 5 kB\nCached: 20 kB\n");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->availableBytes, 35 * 1024);
    EXPECT_FALSE(parseMeminfo("MemFree: 10 kB\n"));
}

TEST(PidStat, NamesWithSpacesAndParentheses)
{
    const auto stat =
        parsePidStat("4242 (my (odd) name) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 1 0");
    ASSERT_TRUE(stat);
    EXPECT_EQ(stat->pid, 4242);
    EXPECT_EQ(stat->comm, "my (odd) name");
    EXPECT_EQ(stat->state, 'S');
    EXPECT_EQ(stat->parentPid, 1);
    EXPECT_EQ(stat->session, 4242);
    EXPECT_EQ(stat->userTicks, 250u);
    EXPECT_EQ(stat->systemTicks, 75u);
    EXPECT_FALSE(parsePidStat("garbage"));
    EXPECT_FALSE(parsePidStat("12 (short) S 1"));
}

TEST(PidStatus, ResidentAnonymousAndUid)
{
    const auto status =
        parsePidStatus("Name:\tsleep\nUmask:\t0022\nState:\tS (sleeping)\nUid:\t1000\t1000\t1000\t1000\n"
                       "VmRSS:\t     604 kB\nRssAnon:\t      84 kB\n");
    EXPECT_EQ(status.residentBytes, 604 * 1024);
    EXPECT_EQ(status.anonymousBytes, 84 * 1024);
    EXPECT_EQ(status.uid, 1000);
    const auto kernelThread = parsePidStatus("Name:\tkthreadd\nUid:\t0\t0\t0\t0\n");
    EXPECT_FALSE(kernelThread.residentBytes);
    EXPECT_EQ(kernelThread.uid, 0);
}

TEST(ProcMeminfo, KilobytesBeyond64BitBytesSaturate)
{
    const auto info = parseMeminfo("MemTotal: 9223372036854775807 kB\nMemFree: 9223372036854775807 kB\n"
                                   "Buffers: 9223372036854775807 kB\nCached: 1 kB\n");
    ASSERT_TRUE(info);
    EXPECT_EQ(info->totalBytes, INT64_MAX);
    EXPECT_EQ(info->availableBytes, INT64_MAX);
}
