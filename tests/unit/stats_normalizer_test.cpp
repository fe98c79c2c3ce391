#include "isolens/core/stats/sample_json.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

using namespace isolens;
using nlohmann::json;

namespace {

// A cgroup v1 sample as docker.io 20.10 sends it (trimmed to the fields the formulas read).
json linuxV1Sample()
{
    return json::parse(R"({
      "read": "2026-11-28T00:39:05.000000000Z", "preread": "2026-11-28T00:39:04.000000000Z",
      "id": "951d1962e2a52c8d", "name": "/busy",
      "pids_stats": {"current": 3},
      "blkio_stats": {"io_service_bytes_recursive": [
          {"major": 8, "minor": 0, "op": "Read", "value": 4096},
          {"major": 8, "minor": 0, "op": "Write", "value": 8192},
          {"major": 8, "minor": 0, "op": "Sync", "value": 12288},
          {"major": 8, "minor": 0, "op": "Total", "value": 12288}]},
      "cpu_stats": {"cpu_usage": {"total_usage": 3000000000, "percpu_usage": [1, 2]},
                    "system_cpu_usage": 20000000000, "online_cpus": 2},
      "precpu_stats": {"cpu_usage": {"total_usage": 2000000000}, "system_cpu_usage": 18000000000, "online_cpus": 2},
      "memory_stats": {"usage": 10485760, "limit": 1073741824,
                       "stats": {"total_inactive_file": 2097152, "inactive_file": 1048576}},
      "networks": {"eth0": {"rx_bytes": 1000, "tx_bytes": 200}, "eth1": {"rx_bytes": 24, "tx_bytes": 6}}
    })");
}

// A Windows sample (fields as moby's windows stats fill them).
json windowsSample()
{
    return json::parse(R"({
      "read": "2026-11-28T00:39:05.000000000Z", "preread": "2026-11-28T00:39:04.000000000Z",
      "id": "c0ffee", "name": "/hyperv-side", "num_procs": 16,
      "cpu_stats": {"cpu_usage": {"total_usage": 30000000, "usage_in_kernelmode": 0, "usage_in_usermode": 0}},
      "precpu_stats": {"cpu_usage": {"total_usage": 10000000}},
      "memory_stats": {"commitbytes": 268435456, "commitpeakbytes": 301989888, "privateworkingset": 104857600},
      "storage_stats": {"read_count_normalized": 10, "read_size_bytes": 65536,
                        "write_count_normalized": 2, "write_size_bytes": 16384},
      "networks": {"8d3e1bd0-1c4a-4b09-9c1e-1a2b3c4d5e6f": {"rx_bytes": 5000, "tx_bytes": 700}}
    })");
}

} // namespace

TEST(NormalizeLinux, CgroupV1SampleMatchesTheCliFigures)
{
    const auto sample = normalizeStats(linuxV1Sample(), EngineOs::Linux);
    EXPECT_TRUE(sample.valid);
    EXPECT_EQ(sample.name, "busy");
    EXPECT_DOUBLE_EQ(sample.cpuPercent, 100.0); // 1e9 of 2e9 system ns, 2 CPUs
    EXPECT_DOUBLE_EQ(sample.cpuHostPercent, 50.0);
    EXPECT_DOUBLE_EQ(sample.hostCpus, 2.0);
    EXPECT_DOUBLE_EQ(sample.allottedCpus, 2.0);
    EXPECT_DOUBLE_EQ(sample.cpuAllotmentPercent, 50.0);
    EXPECT_DOUBLE_EQ(sample.cpuSeconds, 3.0); // total_usage in ns
    EXPECT_EQ(sample.memBytes, 10485760 - 2097152);
    EXPECT_EQ(sample.memLimitBytes, 1073741824);
    ASSERT_TRUE(sample.memPercent);
    EXPECT_NEAR(*sample.memPercent, 0.78125, 1e-9);
    EXPECT_EQ(sample.netRxBytes, 1024);
    EXPECT_EQ(sample.netTxBytes, 206);
    EXPECT_EQ(sample.blockReadBytes, 4096);
    EXPECT_EQ(sample.blockWriteBytes, 8192);
    EXPECT_EQ(sample.pids, 3);
    EXPECT_FALSE(sample.commitBytes);
}

TEST(NormalizeLinux, CgroupV2UsesInactiveFileAndLowerCaseOps)
{
    auto raw = linuxV1Sample();
    raw["memory_stats"]["stats"] = {{"inactive_file", 1048576}, {"anon", 5}};
    raw["blkio_stats"]["io_service_bytes_recursive"] = json::parse(
        R"([{"op":"read","value":100},{"op":"write","value":50},{"op":"","value":7},{"value":9}])");
    const auto sample = normalizeStats(raw, EngineOs::Linux);
    EXPECT_EQ(sample.memBytes, 10485760 - 1048576);
    EXPECT_EQ(sample.blockReadBytes, 100);
    EXPECT_EQ(sample.blockWriteBytes, 50);
}

TEST(NormalizeLinux, ACpuLimitRaisesTheAllotmentFigure)
{
    ContainerLimits limits;
    limits.nanoCpus = 500'000'000; // --cpus 0.5
    const auto sample = normalizeStats(linuxV1Sample(), EngineOs::Linux, limits);
    EXPECT_DOUBLE_EQ(sample.allottedCpus, 0.5);
    EXPECT_DOUBLE_EQ(sample.cpuAllotmentPercent, 200.0); // more than allowed: the sample shows the overrun
}

TEST(NormalizeLinux, MissingPieces)
{
    auto raw = linuxV1Sample();
    raw.erase("precpu_stats"); // one-shot: no previous sample
    raw["cpu_stats"]["online_cpus"] = 0;
    raw["blkio_stats"]["io_service_bytes_recursive"] = nullptr; // cgroup v2 engines may send null
    raw.erase("networks");                                      // --network none
    const auto sample = normalizeStats(raw, EngineOs::Linux);
    // Like the CLI, a missing previous sample counts as zero: the figure is the average since start.
    EXPECT_DOUBLE_EQ(sample.cpuPercent, 3e9 / 20e9 * 2 * 100);
    EXPECT_DOUBLE_EQ(sample.hostCpus, 2.0); // from percpu_usage's length
    EXPECT_EQ(sample.blockReadBytes, 0);
    EXPECT_EQ(sample.netRxBytes, 0);
}

TEST(NormalizeLinux, AStoppedContainersZeroSampleIsInvalid)
{
    auto raw = json::parse(R"({"read":"0001-01-01T00:00:00Z","preread":"0001-01-01T00:00:00Z","id":"x",
        "name":"/gone","pids_stats":{},"blkio_stats":{},"cpu_stats":{"cpu_usage":{"total_usage":0},"throttling_data":{}},
        "precpu_stats":{"cpu_usage":{"total_usage":0}},"memory_stats":{}})");
    const auto sample = normalizeStats(raw, EngineOs::Linux);
    EXPECT_FALSE(sample.valid);
    EXPECT_EQ(sample.memBytes, 0);
    EXPECT_FALSE(sample.memPercent);
}

TEST(NormalizeWindows, UsesWindowsFieldsAndUnits)
{
    const auto sample = normalizeStats(windowsSample(), EngineOs::Windows);
    EXPECT_TRUE(sample.valid);
    // 2e7 100-ns units used of 1 s * 16 CPUs = 1.6e8 possible: 12.5%, as docker stats shows.
    EXPECT_DOUBLE_EQ(sample.cpuPercent, 12.5);
    EXPECT_DOUBLE_EQ(sample.cpuHostPercent, 12.5);
    EXPECT_DOUBLE_EQ(sample.hostCpus, 16.0);
    EXPECT_DOUBLE_EQ(sample.cpuSeconds, 3.0); // total_usage in 100 ns units
    EXPECT_EQ(sample.memBytes, 104857600);
    EXPECT_EQ(sample.commitBytes, 268435456);
    EXPECT_EQ(sample.commitPeakBytes, 301989888);
    EXPECT_EQ(sample.blockReadBytes, 65536);
    EXPECT_EQ(sample.blockWriteBytes, 16384);
    EXPECT_EQ(sample.netRxBytes, 5000);
    EXPECT_FALSE(sample.pids);       // num_procs is the host's CPU count, not a process count
    EXPECT_FALSE(sample.memPercent); // no limit known
}

TEST(NormalizeWindows, HyperVAllotmentReadsTheUtilityVmsTwoCpusAsTheWhole)
{
    ContainerLimits limits;
    limits.effectiveIsolation = "hyperv";
    const auto sample = normalizeStats(windowsSample(), EngineOs::Windows, limits);
    EXPECT_DOUBLE_EQ(sample.allottedCpus, 2.0);
    EXPECT_DOUBLE_EQ(sample.cpuAllotmentPercent, 100.0); // the docker CLI's 12.5% is a full VM
}

TEST(NormalizeWindows, AMemoryLimitGivesAPercentageOfCommit)
{
    ContainerLimits limits;
    limits.memoryBytes = 536870912;
    limits.effectiveIsolation = "process";
    const auto sample = normalizeStats(windowsSample(), EngineOs::Windows, limits);
    ASSERT_TRUE(sample.memPercent);
    EXPECT_DOUBLE_EQ(*sample.memPercent, 50.0);
    EXPECT_DOUBLE_EQ(sample.allottedCpus, 16.0);
}

TEST(NormalizeWindows, NumProcsZeroGivesNoCpuFigureRatherThanAnError)
{
    auto raw = windowsSample();
    raw["num_procs"] = 0;
    const auto sample = normalizeStats(raw, EngineOs::Windows);
    EXPECT_DOUBLE_EQ(sample.cpuPercent, 0.0);
    EXPECT_DOUBLE_EQ(sample.cpuAllotmentPercent, 0.0);
}

TEST(NormalizeGuess, TellsWindowsFromLinuxByTheirFields)
{
    EXPECT_EQ(guessEngineOs(linuxV1Sample()), EngineOs::Linux);
    EXPECT_EQ(guessEngineOs(windowsSample()), EngineOs::Windows);
    EXPECT_EQ(guessEngineOs(json::parse(R"({"os_type":"windows"})")), EngineOs::Windows);
    EXPECT_FALSE(guessEngineOs(json::parse(R"({"read":"x"})")));
    EXPECT_FALSE(guessEngineOs(json::parse("[1,2]")));
}

TEST(SampleJson, HasTheDocumentedKeys)
{
    const auto json = sampleToJson(normalizeStats(windowsSample(), EngineOs::Windows));
    for (const char* key : {"id",
                            "name",
                            "os",
                            "time",
                            "time_ns",
                            "valid",
                            "cpu_percent",
                            "cpu_host_percent",
                            "cpu_allotment_percent",
                            "host_cpus",
                            "allotted_cpus",
                            "cpu_seconds",
                            "mem_bytes",
                            "mem_limit_bytes",
                            "mem_percent",
                            "commit_bytes",
                            "commit_peak_bytes",
                            "net_rx_bytes",
                            "net_tx_bytes",
                            "block_read_bytes",
                            "block_write_bytes",
                            "pids"})
        EXPECT_TRUE(json.contains(key)) << key;
    EXPECT_EQ(json["os"], "windows");
    EXPECT_EQ(json["time"], "2026-11-28T00:39:05.000Z");
    EXPECT_EQ(json["commit_bytes"], 268435456);
    EXPECT_TRUE(json["pids"].is_null());
}

TEST(NormalizeRobustness, WrongTypesCountAsZero)
{
    auto raw = linuxV1Sample();
    raw["memory_stats"]["usage"] = "lots";
    raw["cpu_stats"]["online_cpus"] = -3;
    raw["networks"]["eth0"] = "down";
    const auto sample = normalizeStats(raw, EngineOs::Linux);
    EXPECT_EQ(sample.memBytes, 0);
    EXPECT_EQ(sample.netRxBytes, 24);
    EXPECT_TRUE(sample.valid);
}

// Counters at and beyond the 64-bit limits and floats of 1e300: the figures saturate, and none of
// it is undefined behaviour (the dev-asan preset runs this under UBSan without recovery).
TEST(StatsNormalizer, ExtremeLinuxNumbersSaturate)
{
    const auto raw = json::parse(R"({
      "read": "9999-12-31T23:59:59.999999999Z", "preread": "0001-01-01T00:00:00Z",
      "cpu_stats": {"cpu_usage": {"total_usage": 18446744073709551615}, "system_cpu_usage": 1e300,
                    "online_cpus": 1e300},
      "precpu_stats": {"cpu_usage": {"total_usage": -1e300}, "system_cpu_usage": -9223372036854775808},
      "memory_stats": {"usage": 18446744073709551615, "limit": 1e300, "stats": {"inactive_file": -1e300}},
      "networks": {"eth0": {"rx_bytes": 9223372036854775807, "tx_bytes": 1e300},
                   "eth1": {"rx_bytes": 9223372036854775807, "tx_bytes": 18446744073709551615}},
      "blkio_stats": {"io_service_bytes_recursive": [
          {"op": "Read", "value": 18446744073709551615}, {"op": "read", "value": 1e300},
          {"op": "Write", "value": 9223372036854775807}, {"op": "write", "value": 9223372036854775807}]},
      "pids_stats": {"current": 1e300}})");
    const auto sample = normalizeStats(raw, EngineOs::Linux);
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    EXPECT_FALSE(sample.valid); // year 9999 is beyond 64-bit nanoseconds: no time
    EXPECT_EQ(sample.netRxBytes, kMax);
    EXPECT_EQ(sample.netTxBytes, kMax);
    EXPECT_EQ(sample.blockReadBytes, kMax);
    EXPECT_EQ(sample.blockWriteBytes, kMax);
    EXPECT_EQ(sample.memBytes, kMax);
    EXPECT_EQ(sample.memLimitBytes, kMax);
    EXPECT_EQ(sample.pids, kMax);
    EXPECT_EQ(sample.hostCpus, static_cast<double>(std::numeric_limits<std::uint32_t>::max()));
    EXPECT_TRUE(std::isfinite(sample.cpuPercent));
}

TEST(StatsNormalizer, ExtremeWindowsNumbersSaturate)
{
    const auto raw = json::parse(R"({
      "read": "9999-12-31T23:59:59Z", "preread": "0001-01-01T00:00:00Z", "num_procs": 1e300,
      "cpu_stats": {"cpu_usage": {"total_usage": 18446744073709551615}},
      "precpu_stats": {"cpu_usage": {"total_usage": 0}},
      "memory_stats": {"privateworkingset": 1e300, "commitbytes": 18446744073709551615,
                       "commitpeakbytes": -1e300},
      "storage_stats": {"read_size_bytes": 1e300, "write_size_bytes": 18446744073709551615}})");
    ContainerLimits limits;
    limits.memoryBytes = -1;
    const auto sample = normalizeStats(raw, EngineOs::Windows, limits);
    constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
    EXPECT_EQ(sample.cpuPercent, 0.0); // neither time is a time
    EXPECT_EQ(sample.hostCpus, static_cast<double>(std::numeric_limits<std::uint32_t>::max()));
    EXPECT_EQ(sample.memBytes, kMax);
    EXPECT_EQ(sample.commitBytes, kMax);
    EXPECT_EQ(sample.commitPeakBytes, 0);
    EXPECT_EQ(sample.blockReadBytes, kMax);
    EXPECT_EQ(sample.blockWriteBytes, kMax);
}
