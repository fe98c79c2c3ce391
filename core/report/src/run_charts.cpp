#include "isolens/core/report/run_charts.hpp"

#include "isolens/core/series/series_colors.hpp"

#include <algorithm>

namespace isolens {

RunCharts runCharts(const RunSeries& run, const std::array<std::string, 2>& labels)
{
    const double cpuTop =
        sharedValueTop(ChartValueUnit::Percent, std::max(largestValue(run.cpu[0]), largestValue(run.cpu[1])));
    const double memoryTop = sharedValueTop(
        ChartValueUnit::Bytes, std::max(largestValue(run.memory[0]), largestValue(run.memory[1])));
    RunCharts charts;
    for (std::size_t side = 0; side < 2; ++side) {
        const auto color = modeColor(side).hex();
        charts.cpu[side] = {labels[side] + ": CPU %",
                            color,
                            ChartValueUnit::Percent,
                            cpuTop,
                            run.firstNanos,
                            run.lastNanos,
                            run.cpu[side]};
        charts.memory[side] = {
            labels[side] + ": memory", color, ChartValueUnit::Bytes, memoryTop, run.firstNanos, run.lastNanos,
            run.memory[side]};
    }
    return charts;
}

} // namespace isolens
