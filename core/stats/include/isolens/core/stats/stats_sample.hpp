#pragma once

#include "isolens/core/engine/engine_os.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace isolens {

// One normalized stats sample for one container: the same meaning whatever engine sent it.
struct StatsSample {
    std::string id;
    std::string name;
    EngineOs os = EngineOs::Linux;
    std::int64_t timeNanos = 0; // the engine's "read" time
    bool valid = false;         // false for a stopped container's zeroed sample

    // CPU, three ways. cpuPercent is the docker CLI's figure (Linux: 100% per busy CPU, up to
    // N x 100%; Windows: percent of the whole host). cpuHostPercent is always 0-100 of the whole
    // host. cpuAllotmentPercent is 0-100 of the CPUs the container may use (its limit, or the
    // Hyper-V default of 2 vCPUs), so a Hyper-V container's 12.5% of a 16-CPU host reads 100%.
    double cpuPercent = 0.0;
    double cpuHostPercent = 0.0;
    double cpuAllotmentPercent = 0.0;
    double hostCpus = 0.0;
    double allottedCpus = 0.0;
    // The container's CPU time since it started (all its CPUs together), in seconds: the counter
    // behind the percentages (Linux: cpu_usage.total_usage in ns; Windows: in 100 ns units).
    double cpuSeconds = 0.0;

    // Memory: the docker CLI's figure (Linux: usage without inactive file cache; Windows: private
    // working set), plus Windows' commit, which is what a memory limit enforces.
    std::int64_t memBytes = 0;
    std::optional<std::int64_t> commitBytes;
    std::optional<std::int64_t> commitPeakBytes;
    std::int64_t memLimitBytes = 0; // 0: no limit known
    std::optional<double> memPercent;

    std::int64_t netRxBytes = 0;
    std::int64_t netTxBytes = 0;
    std::int64_t blockReadBytes = 0;
    std::int64_t blockWriteBytes = 0;
    std::optional<std::int64_t> pids; // Linux only: Windows reports no process count
};

// What the engine's stats do not say but the allotment figure needs (from container inspect).
struct ContainerLimits {
    std::int64_t nanoCpus = 0;      // HostConfig.NanoCpus
    int cpuCount = 0;               // HostConfig.CpuCount (Windows)
    std::string effectiveIsolation; // "hyperv", "process" or "" (Linux, or unknown)
    std::int64_t memoryBytes = 0;   // HostConfig.Memory
};

// Hyper-V utility VMs get 2 virtual CPUs unless told otherwise (docker/for-win#1877).
inline constexpr double kHyperVDefaultCpus = 2.0;

} // namespace isolens
