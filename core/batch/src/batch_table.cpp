#include "isolens/core/batch/batch_table.hpp"

#include <algorithm>
#include <functional>

namespace isolens {

std::string_view runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Measured:
        return "measured";
    case RunOutcome::Failed:
        return "failed";
    case RunOutcome::Cancelled:
        return "cancelled";
    }
    return "failed";
}

std::size_t BatchRow::measuredRuns() const
{
    return static_cast<std::size_t>(std::count_if(
        runs.begin(), runs.end(), [](const BatchRun& run) { return run.outcome == RunOutcome::Measured; }));
}

const BatchRun* BatchRow::firstFailure() const
{
    for (const auto& run : runs)
        if (run.outcome != RunOutcome::Measured)
            return &run;
    return nullptr;
}

RowSpread rowSpread(const BatchRow& row)
{
    RowSpread spread;
    std::vector<const PairFigures*> measured;
    for (const auto& run : row.runs)
        if (run.outcome == RunOutcome::Measured)
            measured.push_back(&run.figures);
    spread.measuredRuns = measured.size();
    const auto over = [&](const std::function<std::optional<double>(const PairFigures&)>& figure) {
        std::vector<std::optional<double>> values;
        for (const auto* figures : measured)
            values.push_back(figure(*figures));
        return spreadOfKnown(values);
    };
    for (std::size_t side = 0; side < 2; ++side) {
        auto& out = spread.sides[side];
        out.memoryMean = over([side](const PairFigures& f) { return f.sides[side].memory.mean; });
        out.cpuMean = over([side](const PairFigures& f) { return f.sides[side].cpu.mean; });
        out.cpuP95 = over([side](const PairFigures& f) { return f.sides[side].cpu.p95; });
        out.createToRunningMillis =
            over([side](const PairFigures& f) { return f.sides[side].startup.createToRunningMillis; });
        out.startToFirstSampleMillis =
            over([side](const PairFigures& f) { return f.sides[side].startup.startToFirstSampleMillis; });
    }
    spread.memoryDifferencePercent = over([](const PairFigures& f) { return f.memoryDifferencePercent(); });
    return spread;
}

bool BatchTable::allMeasured() const
{
    return !cancelled && std::all_of(rows.begin(), rows.end(), [](const BatchRow& row) {
        return !row.runs.empty() && row.measuredRuns() == row.runs.size();
    });
}

} // namespace isolens
