#include "isolens/core/stats/stats_formulas.hpp"

#include "isolens/core/base/saturating.hpp"

#include <algorithm>

namespace isolens::stats {

double cpuPercentLinux(std::uint64_t total, std::uint64_t preTotal, std::uint64_t system,
                       std::uint64_t preSystem, std::uint32_t onlineCpus, std::size_t perCpuCount)
{
    const double cpuDelta = static_cast<double>(total) - static_cast<double>(preTotal);
    const double systemDelta = static_cast<double>(system) - static_cast<double>(preSystem);
    double cpus = static_cast<double>(onlineCpus);
    if (cpus == 0.0)
        cpus = static_cast<double>(perCpuCount);
    if (systemDelta > 0.0 && cpuDelta > 0.0)
        return cpuDelta / systemDelta * cpus * 100.0;
    return 0.0;
}

double cpuPercentWindows(std::int64_t readNanos, std::int64_t prereadNanos, std::uint32_t numProcs,
                         std::uint64_t total, std::uint64_t preTotal)
{
    const std::int64_t nanos = saturating::sub(readNanos, prereadNanos);
    if (nanos <= 0)
        return 0.0;
    // Integer steps as the CLI does them: whole 100 ns intervals, times the processor count.
    std::uint64_t possibleIntervals = static_cast<std::uint64_t>(nanos);
    possibleIntervals /= 100;
    possibleIntervals *= numProcs;
    if (possibleIntervals == 0 || total < preTotal)
        return 0.0;
    return static_cast<double>(total - preTotal) / static_cast<double>(possibleIntervals) * 100.0;
}

std::uint64_t memoryUsageLinuxNoCache(std::uint64_t usage, const std::map<std::string, std::uint64_t>& stats)
{
    if (auto v1 = stats.find("total_inactive_file"); v1 != stats.end() && v1->second < usage)
        return usage - v1->second;
    auto v2 = stats.find("inactive_file");
    const std::uint64_t inactive = v2 == stats.end() ? 0 : v2->second; // Go's map yields 0 when absent
    if (inactive < usage)
        return usage - inactive;
    return usage;
}

std::optional<double> memoryPercent(std::uint64_t used, std::uint64_t limit)
{
    if (limit == 0)
        return std::nullopt;
    return static_cast<double>(used) / static_cast<double>(limit) * 100.0;
}

double allottedCpus(const ContainerLimits& limits, double hostCpus)
{
    double cpus = hostCpus;
    if (limits.nanoCpus > 0)
        cpus = static_cast<double>(limits.nanoCpus) / 1e9;
    else if (limits.cpuCount > 0)
        cpus = limits.cpuCount;
    else if (limits.effectiveIsolation == "hyperv")
        cpus = kHyperVDefaultCpus;
    if (hostCpus > 0.0)
        cpus = std::min(cpus, hostCpus);
    return cpus;
}

} // namespace isolens::stats
