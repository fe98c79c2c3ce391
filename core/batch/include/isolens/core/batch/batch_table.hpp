#pragma once

#include "isolens/core/analysis/pair_figures.hpp"
#include "isolens/core/analysis/spread.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace isolens {

// How one run of a pair ended.
enum class RunOutcome {
    Measured,  // both sides have samples
    Failed,    // the pull, create or start failed, or a side had no sample: reason says why
    Cancelled, // stopped by the user before it ended
};
std::string_view runOutcomeName(RunOutcome outcome); // "measured", "failed", "cancelled"

// One run of one row's pair.
struct BatchRun {
    std::size_t repeat = 1; // 1..N
    RunOutcome outcome = RunOutcome::Measured;
    PairFigures figures;             // meaningful when measured
    std::string reason;              // when not measured: what happened
    std::string hint;                // and what to do
    std::filesystem::path recording; // the pair's recording; empty when none was kept
};

// What a row runs: the same in both modes.
struct BatchEntry {
    std::string image;
    std::vector<std::string> command;  // empty: the image's own
    std::vector<std::string> workload; // empty: none
    std::optional<std::int64_t> memoryBytes;
    std::optional<std::int64_t> nanoCpus;
    bool operator==(const BatchEntry&) const = default;
};

// One image (one row of the published table) and its runs, in the order they ran.
struct BatchRow {
    BatchEntry entry;
    std::vector<BatchRun> runs;

    std::size_t measuredRuns() const;
    // The first failure's reason and hint when no run was measured; empty otherwise.
    const BatchRun* firstFailure() const;
};

// The spread of each figure over a row's measured runs (none when no run measured it).
struct SideSpread {
    std::optional<Spread> memoryMean;
    std::optional<Spread> cpuMean;
    std::optional<Spread> cpuP95;
    std::optional<Spread> createToRunningMillis;
    std::optional<Spread> startToFirstSampleMillis;
};
struct RowSpread {
    std::array<SideSpread, 2> sides;
    std::optional<Spread> memoryDifferencePercent;
    std::size_t measuredRuns = 0;
};
RowSpread rowSpread(const BatchRow& row);

// The whole batch: the two modes' labels (side 0, side 1) and a row per image.
struct BatchTable {
    std::array<std::string, 2> labels;
    std::vector<BatchRow> rows;
    bool cancelled = false; // the user stopped the batch: later rows did not run

    bool allMeasured() const;
};

} // namespace isolens
