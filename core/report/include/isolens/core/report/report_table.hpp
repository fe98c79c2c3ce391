#pragma once

#include "isolens/core/analysis/spread.hpp"
#include "isolens/core/batch/batch_table.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// The comparison table as a report shows it, in the published table's shape first (Image, Memory of
// each side, Difference), then CPU mean and p95, the start-up times and the runs. A figure of a row with
// more than one measured run reads "median (min–max)".
struct ReportTableRow {
    std::vector<std::string> cells; // as many as the header's columns
    bool measured = true;           // false: no run was measured, reason and hint say why
    std::string reason;
    std::string hint;
};
struct ReportTable {
    std::vector<std::string> header;
    std::vector<ReportTableRow> rows;
};
ReportTable reportTable(const BatchTable& table);

// The cells' wording, one rule each.
std::string memoryCell(const std::optional<Spread>& bytes);        // "12.3 MiB", "12.3 MiB (11.0–13.1)"
std::string percentCell(const std::optional<Spread>& percent);     // "4.56%"
std::string differenceCell(const std::optional<Spread>& percent);  // "88%", truncated as published
std::string millisecondsCell(const std::optional<Spread>& millis); // "136 ms"
std::string runsCell(const BatchRow& row);                         // "1", "2 of 3 measured"

} // namespace isolens
