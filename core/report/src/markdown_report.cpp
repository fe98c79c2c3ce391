#include "isolens/core/report/markdown_report.hpp"

#include "isolens/core/analysis/published_reference.hpp"
#include "isolens/core/base/url_encoding.hpp"
#include "isolens/core/report/report_table.hpp"

#include <cstdio>

namespace isolens {
namespace {

std::string tableRow(const std::vector<std::string>& cells)
{
    std::string line = "|";
    for (const auto& cell : cells)
        line += " " + markdownCell(cell) + " |";
    return line + "\n";
}

// Cells already in Markdown (images).
std::string markdownRow(const std::vector<std::string>& cells)
{
    std::string line = "|";
    for (const auto& cell : cells)
        line += " " + cell + " |";
    return line + "\n";
}

std::string separatorRow(std::size_t columns)
{
    std::string line = "|";
    for (std::size_t i = 0; i < columns; ++i)
        line += i == 0 ? "---|" : "---:|";
    return line + "\n";
}

std::string image(const std::string& title, const std::string& file)
{
    // Percent-encoded, so a name with spaces or brackets stays one link.
    return "![" + markdownCell(title) + "](" + encodePathSegment(file) + ")";
}

} // namespace

std::string markdownCell(const std::string& text)
{
    std::string out;
    for (const char c : text) {
        if (c == '|' || c == '\\' || c == '`' || c == '*' || c == '_' || c == '[' || c == ']' || c == '<')
            out += '\\';
        out += (c == '\n' || c == '\r') ? ' ' : c;
    }
    return out;
}

std::vector<RunChartFiles> chartFileNames(const ReportDocument& document, const std::string& stem,
                                          const std::string& extension)
{
    std::vector<RunChartFiles> files;
    for (const auto& run : document.runs) {
        const auto prefix = stem + "-" + std::to_string(run.row + 1) + "-" + std::to_string(run.repeat) + "-";
        files.push_back({{prefix + "cpu-a." + extension, prefix + "cpu-b." + extension},
                         {prefix + "memory-a." + extension, prefix + "memory-b." + extension}});
    }
    return files;
}

std::string markdownReport(const ReportDocument& document, const std::vector<RunChartFiles>& charts)
{
    const auto& labels = document.table.labels;
    std::string md = "# IsoLens report: " + labels[0] + " compared with " + labels[1] + "\n\n";
    for (const auto& fact : reportFacts(document)) {
        const bool code = fact.name == "Command" && !document.invocation.empty();
        md += "- **" + fact.name + "**: " + (code ? "`" + fact.value + "`" : markdownCell(fact.value)) + "\n";
    }

    md +=
        "\n## Measured\n\nMeans over each run; with more than one measured run a figure is the median, with "
        "the smallest and largest in brackets.\n\n";
    const auto table = reportTable(document.table);
    md += tableRow(table.header) + separatorRow(table.header.size());
    for (const auto& row : table.rows) {
        if (row.measured) {
            std::vector<std::string> cells;
            for (const auto& cell : row.cells)
                cells.push_back(cell.text());
            md += tableRow(cells);
            continue;
        }
        std::vector<std::string> cells(row.cells.size(), "--");
        cells.front() = row.cells.front().value;
        cells[1] = "Not measured: " + row.reason + (row.hint.empty() ? "" : ". " + row.hint);
        cells.back() = row.cells.back().value;
        md += tableRow(cells);
    }
    if (document.table.cancelled)
        md += "\nThe batch was stopped before its end: later rows did not run.\n";

    md += "\n## Charts\n\n";
    if (document.runs.empty())
        md += "No measured run has a recording to draw.\n";
    for (std::size_t i = 0; i < document.runs.size() && i < charts.size(); ++i) {
        const auto& run = document.runs[i];
        const auto& entry = document.table.rows[run.row].entry;
        md += "### " + markdownCell(entry.image) + ", run " + std::to_string(run.repeat) + "\n\n";
        md += markdownCell(runDescription(entry, run)) + "\n\n";
        md += tableRow({labels[0], labels[1]}) + "|---|---|\n";
        md += markdownRow(
            {image(labels[0] + ": CPU %", charts[i].cpu[0]), image(labels[1] + ": CPU %", charts[i].cpu[1])});
        md += markdownRow({image(labels[0] + ": memory", charts[i].memory[0]),
                           image(labels[1] + ": memory", charts[i].memory[1])});
        md += "\n";
    }

    const auto& published = publishedReference();
    md += "\n## " + std::string(published.label) + "\n\nSource: " + std::string(published.source) +
          ". These figures were not measured here; they are shown for comparison only.\n\n";
    md += "| Image | Memory (Hyper-V) | Memory (process) | Difference |\n|---|---:|---:|---:|\n";
    for (const auto& row : published.rows) {
        char figures[96];
        std::snprintf(figures, sizeof figures, " | %.0f MB | %.0f MB | ", row.hyperVMegabytes,
                      row.processMegabytes);
        md += "| " + markdownCell(std::string(row.image)) + figures + std::string(row.difference) + " |\n";
    }
    for (const auto& note : published.notes)
        md += "\n- " + std::string(note);
    md += "\n\nMade by IsoLens " + document.isolensVersion + ".\n";
    return md;
}

} // namespace isolens
