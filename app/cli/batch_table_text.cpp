#include "batch_table_text.hpp"

#include "text_table.hpp"

#include "isolens/core/base/safe_text.hpp"
#include "isolens/core/batch/batch_output.hpp"

#include <functional>

using namespace isolens;

namespace {

using Format = std::function<std::string(double)>;

std::string wholePercent(double value)
{
    return std::to_string(static_cast<long long>(value)) + "%";
}

std::string median(const std::optional<Spread>& spread, const Format& format)
{
    return spread ? format(spread->median) : std::string("--");
}

std::string range(const std::optional<Spread>& spread, const Format& format)
{
    if (!spread)
        return "--";
    if (spread->count == 1)
        return format(spread->median);
    return format(spread->min) + " / " + format(spread->median) + " / " + format(spread->max);
}

std::string runsCell(const BatchRow& row)
{
    const auto measured = row.measuredRuns();
    if (measured == row.runs.size())
        return std::to_string(measured);
    return std::to_string(measured) + " of " + std::to_string(row.runs.size());
}

} // namespace

std::string batchTableText(const BatchTable& table)
{
    const auto& [a, b] = table.labels;
    std::vector<std::vector<std::string>> main{
        {"IMAGE", "MEMORY " + a, "MEMORY " + b, "DIFFERENCE", "RUNS", "STATUS"}};
    std::vector<std::vector<std::string>> detail{{"IMAGE", "CPU % MEAN " + a, "CPU % MEAN " + b,
                                                  "CPU % P95 " + a, "CPU % P95 " + b, "TO RUNNING " + a,
                                                  "TO RUNNING " + b}};
    std::vector<std::vector<std::string>> spread{
        {"IMAGE", "MEMORY " + a, "MEMORY " + b, "DIFFERENCE", "CPU % MEAN " + a, "CPU % MEAN " + b}};
    std::string failures;
    bool repeated = false;
    for (const auto& row : table.rows) {
        const auto figures = rowSpread(row);
        const auto image = escapeForTerminal(row.entry.image);
        main.push_back({image, median(figures.sides[0].memoryMean, megabytes),
                        median(figures.sides[1].memoryMean, megabytes),
                        median(figures.memoryDifferencePercent, wholePercent), runsCell(row),
                        rowStatus(row)});
        if (figures.measuredRuns == 0) {
            if (const auto* failure = row.firstFailure())
                failures += image + ": " + escapeForTerminal(failure->reason) +
                            "\n  what to do: " + escapeForTerminal(failure->hint) + '\n';
            continue;
        }
        detail.push_back({image, median(figures.sides[0].cpuMean, percent),
                          median(figures.sides[1].cpuMean, percent), median(figures.sides[0].cpuP95, percent),
                          median(figures.sides[1].cpuP95, percent),
                          median(figures.sides[0].createToRunningMillis, milliseconds),
                          median(figures.sides[1].createToRunningMillis, milliseconds)});
        if (figures.measuredRuns > 1) {
            repeated = true;
            spread.push_back({image, range(figures.sides[0].memoryMean, megabytes),
                              range(figures.sides[1].memoryMean, megabytes),
                              range(figures.memoryDifferencePercent, wholePercent),
                              range(figures.sides[0].cpuMean, percent),
                              range(figures.sides[1].cpuMean, percent)});
        }
    }
    std::string out =
        repeated ? "\nMeasured (median of the runs' means)\n" : "\nMeasured (mean over the run)\n";
    out += alignColumns(main);
    if (detail.size() > 1)
        out += '\n' + alignColumns(detail);
    if (repeated)
        out += "\nSpread over the runs (min / median / max)\n" + alignColumns(spread);
    if (!failures.empty())
        out += "\nNot measured\n" + failures;
    if (table.cancelled)
        out += "\nThe batch was interrupted: the rows marked not run did not start.\n";
    return out;
}
