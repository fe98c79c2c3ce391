#pragma once

#include "isolens/core/analysis/pair_summary.hpp"
#include "isolens/core/stats/startup_times.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// One side of a measured pair, as the comparison table shows it.
struct SideFigures {
    std::string label;
    MetricSummary cpu;    // the docker CLI's CPU %
    MetricSummary memory; // bytes
    StartupTimes startup;
};

// One pair's figures: the published table's memory columns, plus CPU and start-up times.
struct PairFigures {
    std::array<SideFigures, 2> sides;

    // (A - B) / A of the mean memory, as the published table gives it; nothing when A is zero.
    std::optional<double> memoryDifferencePercent() const;
    // Both sides have at least one sample.
    bool measured() const;
};

// From the two modes' summaries (in side order) and their start-up times.
PairFigures pairFigures(const std::vector<ModeSummary>& summaries,
                        const std::array<StartupTimes, 2>& startup);

} // namespace isolens
