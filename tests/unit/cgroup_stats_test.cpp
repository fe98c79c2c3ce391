#include "isolens/core/stats/cgroup_stats.hpp"

#include <gtest/gtest.h>

using namespace isolens;
using namespace isolens::cgroupfs;

TEST(CgroupFiles, KeyValuesSkipWhatIsNotANumber)
{
    const auto values = parseKeyValues("usage_usec 123\nuser_usec 100\nsystem_usec 23\nbroken\nodd x\n"
                                       "nr_periods 0");
    EXPECT_EQ(values.size(), 4u);
    EXPECT_EQ(values.at("usage_usec"), 123u);
    EXPECT_EQ(values.at("nr_periods"), 0u);
    EXPECT_EQ(values.count("odd"), 0u);
    EXPECT_TRUE(parseKeyValues("").empty());
}

TEST(CgroupFiles, ProcCgroupV1AndV2)
{
    const auto hybrid = parseProcCgroup("12:cpu,cpuacct:/docker/abc\n4:memory:/docker/abc\n"
                                        "1:name=systemd:/docker/abc\n0::/docker/abc\n");
    EXPECT_EQ(hybrid.v1.at("cpu"), "/docker/abc");
    EXPECT_EQ(hybrid.v1.at("cpuacct"), "/docker/abc");
    EXPECT_EQ(hybrid.v1.at("memory"), "/docker/abc");
    EXPECT_EQ(hybrid.v1.at("name=systemd"), "/docker/abc");
    ASSERT_TRUE(hybrid.v2);
    EXPECT_EQ(*hybrid.v2, "/docker/abc");

    const auto unified = parseProcCgroup("0::/system.slice/docker-abc.scope\n");
    EXPECT_TRUE(unified.v1.empty());
    EXPECT_EQ(unified.v2.value_or(""), "/system.slice/docker-abc.scope");
    EXPECT_FALSE(parseProcCgroup("garbage\n").v2);
}

TEST(CgroupFiles, HostCpuAsTheEngineCountsIt)
{
    const char* stat = "cpu  100 2 30 4000 5 6 7 8 0 0\ncpu0 50 1 15 2000 2 3 3 4 0 0\n"
                       "cpu1 50 1 15 2000 3 3 4 4 0 0\nintr 12345\n";
    // user+nice+system+idle+iowait+irq+softirq = 4150 ticks; steal is left out, as the engine does.
    EXPECT_EQ(systemCpuNanos(stat, 100), 4150ull * 10'000'000ull);
    EXPECT_EQ(onlineCpus(stat), 2u);
    EXPECT_EQ(systemCpuNanos("", 100), 0u);
    EXPECT_EQ(onlineCpus("cpu 1 2 3\n"), 0u);
}

TEST(CgroupFiles, BlockBytes)
{
    const auto v1 = blkioV1Bytes("8:0 Read 4096\n8:0 Write 512\n8:0 Sync 4608\n8:0 Total 4608\n"
                                 "8:16 Read 100\n8:16 Write 0\nTotal 4708\n");
    EXPECT_EQ(v1.first, 4196u);
    EXPECT_EQ(v1.second, 512u);
    const auto v2 = ioStatV2Bytes("8:0 rbytes=4096 wbytes=512 rios=1 wios=1 dbytes=0 dios=0\n"
                                  "8:16 rbytes=100 wbytes=0 rios=1 wios=0\n");
    EXPECT_EQ(v2.first, 4196u);
    EXPECT_EQ(v2.second, 512u);
    EXPECT_EQ(blkioV1Bytes("Total 0\n"), std::make_pair(std::uint64_t{0}, std::uint64_t{0}));
}

TEST(CgroupFiles, NetworkBytesWithoutLoopback)
{
    const char* netDev = "Inter-|   Receive                                                |  Transmit\n"
                         " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets "
                         "errs drop fifo colls carrier compressed\n"
                         "    lo:    1000      10    0    0    0     0          0         0     1000      10 "
                         "   0    0    0     0       0          0\n"
                         "  eth0:    5390      40    0    0    0     0          0         0      726       9 "
                         "   0    0    0     0       0          0\n";
    const auto devices = parseNetDev(netDev);
    ASSERT_EQ(devices.size(), 1u);
    EXPECT_EQ(devices.at("eth0").first, 5390u);
    EXPECT_EQ(devices.at("eth0").second, 726u);
}

TEST(CgroupFiles, NumbersAndMemTotal)
{
    EXPECT_EQ(parseNumbers("13188739 18618124 \n"), (std::vector<std::uint64_t>{13188739, 18618124}));
    EXPECT_EQ(parseNumbers("max\n"), std::vector<std::uint64_t>{});
    EXPECT_EQ(memTotalBytes("MemTotal:       24683092 kB\nMemFree: 1 kB\n"), 24683092ull * 1024);
    EXPECT_EQ(memTotalBytes("MemFree: 1 kB\n"), 0u);
}

TEST(DirectStatsReader, SaysWhatIsMissing)
{
    auto none = DirectStatsReader::open(0, "id", "name");
    ASSERT_FALSE(none);
    EXPECT_NE(none.error().message.find("not running"), std::string::npos);
    auto missing = DirectStatsReader::open(12345, "id", "name", "/nonexistent-isolens-proc");
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("/nonexistent-isolens-proc/12345/cgroup"), std::string::npos);
}
