#include "isolens/core/report/report_table.hpp"

#include "isolens/core/base/units.hpp"

#include <cmath>
#include <cstdio>
#include <functional>

namespace isolens {
namespace {

constexpr const char* kUnknown = "--";

std::string formatted(const char* format, double value)
{
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

// The single value, or the median and "min–max" over repeats; the unit after the median only.
ReportCell spreadCell(const std::optional<Spread>& spread, const std::function<std::string(double)>& value,
                      const std::string& unit)
{
    if (!spread)
        return {kUnknown, {}};
    if (spread->count <= 1)
        return {value(spread->median) + unit, {}};
    return {value(spread->median) + unit, value(spread->min) + "\u2013" + value(spread->max)};
}

} // namespace

ReportCell memoryCell(const std::optional<Spread>& bytes)
{
    return spreadCell(
        bytes, [](double v) { return formatted("%.1f", v / (1024.0 * 1024.0)); }, " MiB");
}

ReportCell percentCell(const std::optional<Spread>& percent)
{
    return spreadCell(
        percent, [](double v) { return formatted("%.2f", v); }, "%");
}

ReportCell differenceCell(const std::optional<Spread>& percent)
{
    return spreadCell(
        percent, [](double v) { return formatted("%.0f", std::trunc(v)); }, "%");
}

ReportCell millisecondsCell(const std::optional<Spread>& millis)
{
    return spreadCell(
        millis, [](double v) { return wholeMilliseconds(v); }, " ms");
}

ReportCell runsCell(const BatchRow& row)
{
    const auto measured = row.measuredRuns();
    if (measured == row.runs.size())
        return {std::to_string(measured), {}};
    return {std::to_string(measured) + " of " + std::to_string(row.runs.size()) + " measured", {}};
}

ReportTable reportTable(const BatchTable& table)
{
    const auto& a = table.labels[0];
    const auto& b = table.labels[1];
    ReportTable out;
    out.header = {"Image",
                  "Memory (" + a + ")",
                  "Memory (" + b + ")",
                  "Difference",
                  "CPU mean (" + a + ")",
                  "CPU mean (" + b + ")",
                  "CPU p95 (" + a + ")",
                  "CPU p95 (" + b + ")",
                  "Create to running (" + a + ")",
                  "Create to running (" + b + ")",
                  "Start to first sample (" + a + ")",
                  "Start to first sample (" + b + ")",
                  "Runs"};
    for (const auto& row : table.rows) {
        ReportTableRow cells;
        const auto spread = rowSpread(row);
        const auto& [sideA, sideB] = spread.sides;
        cells.cells = {{row.entry.image, {}},
                       memoryCell(sideA.memoryMean),
                       memoryCell(sideB.memoryMean),
                       differenceCell(spread.memoryDifferencePercent),
                       percentCell(sideA.cpuMean),
                       percentCell(sideB.cpuMean),
                       percentCell(sideA.cpuP95),
                       percentCell(sideB.cpuP95),
                       millisecondsCell(sideA.createToRunningMillis),
                       millisecondsCell(sideB.createToRunningMillis),
                       millisecondsCell(sideA.startToFirstSampleMillis),
                       millisecondsCell(sideB.startToFirstSampleMillis),
                       runsCell(row)};
        if (spread.measuredRuns == 0) {
            cells.measured = false;
            if (const auto* failure = row.firstFailure()) {
                cells.reason = failure->reason;
                cells.hint = failure->hint;
            } else {
                cells.reason = table.cancelled ? "cancelled before it was measured" : "not measured";
            }
        }
        out.rows.push_back(std::move(cells));
    }
    return out;
}

} // namespace isolens
