#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// Pure calculations behind the host metrics, shared by every platform.
namespace isolens::host {

// Busy share of the whole machine between two readings of its idle and total CPU time.
// Nothing sensible when total did not advance (returns 0); clamped to 0-100.
double cpuPercentBetween(std::uint64_t previousIdle, std::uint64_t previousTotal, std::uint64_t idle,
                         std::uint64_t total);

// A process's CPU time over wall time, as a share of the whole host (all logical CPUs).
double processCpuPercent(std::int64_t previousCpuNanos, std::int64_t cpuNanos, std::int64_t elapsedNanos,
                         int logicalCpus);

// Glob match with '*' and '?', case-insensitive (process names on Windows are).
bool matchesPattern(std::string_view name, std::string_view pattern);
bool matchesAnyPattern(std::string_view name, const std::vector<std::string>& patterns);

} // namespace isolens::host
