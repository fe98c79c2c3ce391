#pragma once

#include "isolens/core/analysis/spread.hpp"
#include "isolens/core/batch/batch_table.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// One cell of the table: a figure (the median, with its unit, over a row's measured runs) and, for a row
// with more than one measured run, its range ("10.9–13.0"), which HTML puts on a line of its own.
struct ReportCell {
    std::string value;
    std::string range; // empty: a single run, or no figure
    // "12.0 MiB (11.0–13.1)", as Markdown and plain text show it.
    std::string text() const { return range.empty() ? value : value + " (" + range + ")"; }
};

// The comparison table as a report shows it, in the published table's shape first (Image, Memory of
// each side, Difference), then CPU mean and p95, the start-up times and the runs.
struct ReportTableRow {
    std::vector<ReportCell> cells; // as many as the header's columns
    bool measured = true;          // false: no run was measured, reason and hint say why
    std::string reason;
    std::string hint;
};
struct ReportTable {
    std::vector<std::string> header;
    std::vector<ReportTableRow> rows;
};
ReportTable reportTable(const BatchTable& table);

// The cells' wording, one rule each.
ReportCell memoryCell(const std::optional<Spread>& bytes);        // "12.3 MiB", "12.3 MiB" + "11.0–13.1"
ReportCell percentCell(const std::optional<Spread>& percent);     // "4.56%"
ReportCell differenceCell(const std::optional<Spread>& percent);  // "88%", truncated as published
ReportCell millisecondsCell(const std::optional<Spread>& millis); // "136 ms"
ReportCell runsCell(const BatchRow& row);                         // "1", "2 of 3 measured"

} // namespace isolens
