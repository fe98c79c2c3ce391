#include "isolens/core/session/stack_figures.hpp"

#include "isolens/core/session/stack_membership.hpp"

#include <algorithm>
#include <cmath>

namespace isolens {

namespace {

// The newest point in the lookback before atNanos; none when there is none or it is a gap.
std::optional<double> newest(const SeriesStore& store, const std::string& key, Metric metric,
                             std::int64_t atNanos)
{
    const auto lookback = std::chrono::duration_cast<std::chrono::nanoseconds>(kStackFigureLookback).count();
    // The store's ranges are half-open: a point at atNanos itself is in [.., atNanos + 1).
    const auto points = store.range(key, metric, atNanos - lookback, atNanos + 1);
    if (points.empty() || std::isnan(points.back().value))
        return std::nullopt;
    return points.back().value;
}

} // namespace

StackColumnFigures stackColumnFigures(const SeriesStore& store, const std::string& group,
                                      std::int64_t atNanos)
{
    StackColumnFigures column;
    column.cpuPercent = newest(store, group, Metric::CpuPercent, atNanos);
    column.memoryBytes = newest(store, group, Metric::MemoryBytes, atNanos);
    const auto prefix = stackMemberKey(group, "");
    for (const auto& key : store.keys()) {
        if (key.size() <= prefix.size() || key.compare(0, prefix.size(), prefix) != 0)
            continue;
        const auto cpu = newest(store, key, Metric::CpuPercent, atNanos);
        const auto memory = newest(store, key, Metric::MemoryBytes, atNanos);
        if (!cpu || !memory)
            continue;
        column.members.push_back({key.substr(prefix.size()), key, *cpu, *memory});
    }
    std::sort(column.members.begin(), column.members.end(), [](const auto& a, const auto& b) {
        if (a.cpuPercent != b.cpuPercent)
            return a.cpuPercent > b.cpuPercent;
        if (a.memoryBytes != b.memoryBytes)
            return a.memoryBytes > b.memoryBytes;
        return a.name < b.name;
    });
    return column;
}

} // namespace isolens
