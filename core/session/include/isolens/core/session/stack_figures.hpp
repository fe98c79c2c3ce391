#pragma once

#include "isolens/core/series/series_store.hpp"
#include "isolens/core/stats/staleness.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// How far back a figure counts as current: the stale time, and a second for the tick that writes sums.
inline constexpr std::chrono::milliseconds kStackFigureLookback = kStaleAfter + std::chrono::seconds(1);

// One member's newest figures.
struct StackMemberFigure {
    std::string name;      // the container's
    std::string seriesKey; // stackMemberKey(group, name)
    double cpuPercent = 0.0;
    double memoryBytes = 0.0;
};

// What a column of the stacks view shows at one moment: the group's sum, and its members, costliest first
// (by CPU, then memory). A sum or member without a sample in the lookback before it (or whose line broke:
// it left the stack, or fell silent) is not there.
struct StackColumnFigures {
    std::optional<double> cpuPercent;
    std::optional<double> memoryBytes;
    std::vector<StackMemberFigure> members;
};

// From the store alone, so a live stack and its replay show the same: the series a StackSession wrote.
StackColumnFigures stackColumnFigures(const SeriesStore& store, const std::string& group,
                                      std::int64_t atNanos);

} // namespace isolens
