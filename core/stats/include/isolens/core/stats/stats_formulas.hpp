#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "isolens/core/stats/stats_sample.hpp"

// The docker CLI's stats calculations (cli/command/container/stats_helpers.go), as pure functions.
namespace isolens::stats {

// calculateCPUPercentUnix: (cpuDelta / systemDelta) * onlineCPUs * 100 when both deltas are positive.
// onlineCpus 0 falls back to the number of per-CPU counters.
double cpuPercentLinux(std::uint64_t total, std::uint64_t preTotal, std::uint64_t system,
                       std::uint64_t preSystem, std::uint32_t onlineCpus, std::size_t perCpuCount);

// calculateCPUPercentWindows: usage in 100 ns units over (read - preread) / 100 * numProcs.
// A counter that went backwards (a restarted container) gives 0, where the CLI would overflow.
double cpuPercentWindows(std::int64_t readNanos, std::int64_t prereadNanos, std::uint32_t numProcs,
                         std::uint64_t total, std::uint64_t preTotal);

// calculateMemUsageUnixNoCache: usage minus total_inactive_file (cgroup v1) or inactive_file (v2).
std::uint64_t memoryUsageLinuxNoCache(std::uint64_t usage, const std::map<std::string, std::uint64_t>& stats);

// mem / limit * 100; nothing when the limit is 0.
std::optional<double> memoryPercent(std::uint64_t used, std::uint64_t limit);

// The CPUs a container may use: its NanoCpus, else CpuCount, else 2 for Hyper-V, else the host's;
// never more than the host has.
double allottedCpus(const ContainerLimits& limits, double hostCpus);

} // namespace isolens::stats
