#include "isolens/core/analysis/pair_figures.hpp"

namespace isolens {

std::optional<double> PairFigures::memoryDifferencePercent() const
{
    return percentDifference(sides[0].memory.mean, sides[1].memory.mean);
}

bool PairFigures::measured() const
{
    return sides[0].memory.count > 0 && sides[1].memory.count > 0;
}

PairFigures pairFigures(const std::vector<ModeSummary>& summaries, const std::array<StartupTimes, 2>& startup)
{
    PairFigures figures;
    for (std::size_t side = 0; side < 2 && side < summaries.size(); ++side)
        figures.sides[side] = {summaries[side].label, summaries[side].cpu, summaries[side].memory,
                               startup[side]};
    return figures;
}

} // namespace isolens
