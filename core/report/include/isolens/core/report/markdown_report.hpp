#pragma once

#include "isolens/core/report/report_document.hpp"

#include <array>
#include <string>
#include <vector>

namespace isolens {

// The chart images a Markdown report names, one set per run of the document, side A then side B. They
// are files beside the Markdown: SVG from the command line, PNG from the dashboard.
struct RunChartFiles {
    std::array<std::string, 2> cpu;
    std::array<std::string, 2> memory;
};
// "<stem>-1-1-cpu-a.<extension>": row, repeat, metric, side; names that need no escaping in Markdown.
std::vector<RunChartFiles> chartFileNames(const ReportDocument& document, const std::string& stem,
                                          const std::string& extension);

// The report as Markdown, naming the charts' files (one set per document run) relative to it.
std::string markdownReport(const ReportDocument& document, const std::vector<RunChartFiles>& charts);

// Text as a Markdown table cell: pipes and backslashes escaped, line breaks as spaces.
std::string markdownCell(const std::string& text);

} // namespace isolens
