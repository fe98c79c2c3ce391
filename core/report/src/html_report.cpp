#include "isolens/core/report/html_report.hpp"

#include "isolens/core/analysis/published_reference.hpp"
#include "isolens/core/report/html_text.hpp"
#include "isolens/core/report/report_table.hpp"
#include "isolens/core/report/run_charts.hpp"
#include "isolens/core/series/series_colors.hpp"

#include <cstdio>

namespace isolens {
namespace {

// No url(), no @import, no comment a checker could take for a URL.
std::string styleSheet()
{
    return "body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 24px; color: #222222; "
           "background: #ffffff; font-size: 14px; }\n"
           "h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 28px; } h3 { font-size: 15px; }\n"
           "table { border-collapse: collapse; margin: 8px 0; }\n"
           "th, td { border: 1px solid #cccccc; padding: 4px 8px; text-align: right; font-size: 13px; }\n"
           "th:first-child, td:first-child { text-align: left; white-space: nowrap; }\n"
           "th { background: #f3f3f3; }\n"
           "th.side0 { border-top: 4px solid " +
           modeColor(0).hex() + "; }\nth.side1 { border-top: 4px solid " + modeColor(1).hex() +
           "; }\n"
           ".swatch { display: inline-block; width: 28px; height: 12px; margin: 0 6px 0 16px; }\n"
           ".swatch.side0 { background: " +
           modeColor(0).hex() + "; }\n.swatch.side1 { background: " + modeColor(1).hex() +
           "; }\n"
           "dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 16px; }\n"
           "dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }\n"
           "code { font-family: 'DejaVu Sans Mono', monospace; font-size: 12px; }\n"
           ".pair { display: flex; gap: 12px; flex-wrap: wrap; margin-bottom: 8px; }\n"
           "svg.chart { border: 1px solid #dddddd; }\n"
           "td.failure { text-align: left; color: #c92a2a; }\n"
           "td { white-space: nowrap; } td.failure { white-space: normal; }\n"
           ".range { color: #666666; font-size: 11px; }\n"
           "section.reference { background: #f7f7f7; border-left: 4px solid #999999; padding: 4px 16px; }\n"
           ".note { color: #555555; font-size: 12px; }\n";
}

std::string factsList(const ReportDocument& document)
{
    std::string html = "<dl class=\"facts\">\n";
    for (const auto& fact : reportFacts(document)) {
        const bool code = fact.name == "Command" && !document.invocation.empty();
        html += "<dt>" + htmlText(fact.name) + "</dt><dd>" + (code ? "<code>" : "") + htmlText(fact.value) +
                (code ? "</code>" : "") + "</dd>\n";
    }
    return html + "</dl>\n";
}

// Columns of side A and side B alternate after the image: their headers carry the side's colour.
std::string headerCellClass(const std::string& header, const std::array<std::string, 2>& labels)
{
    for (std::size_t side = 0; side < 2; ++side)
        if (header.size() > labels[side].size() + 2 &&
            header.compare(header.size() - labels[side].size() - 2, std::string::npos,
                           "(" + labels[side] + ")") == 0)
            return " class=\"side" + std::to_string(side) + "\"";
    return {};
}

std::string comparisonTable(const BatchTable& batch)
{
    const auto table = reportTable(batch);
    std::string html = "<table class=\"comparison\">\n<tr>";
    for (const auto& header : table.header)
        html += "<th" + headerCellClass(header, batch.labels) + ">" + htmlText(header) + "</th>";
    html += "</tr>\n";
    for (const auto& row : table.rows) {
        html += "<tr>";
        if (!row.measured) {
            html += "<td>" + htmlText(row.cells.front().value) + "</td><td class=\"failure\" colspan=\"" +
                    std::to_string(row.cells.size() - 2) + "\">Not measured: " + htmlText(row.reason) +
                    (row.hint.empty() ? "" : ". " + htmlText(row.hint)) + "</td><td>" +
                    htmlText(row.cells.back().value) + "</td>";
        } else {
            for (const auto& cell : row.cells)
                html +=
                    "<td>" + htmlText(cell.value) +
                    (cell.range.empty() ? ""
                                        : "<br><span class=\"range\">" + htmlText(cell.range) + "</span>") +
                    "</td>";
        }
        html += "</tr>\n";
    }
    html += "</table>\n";
    if (batch.cancelled)
        html += "<p class=\"note\">The batch was stopped before its end: later rows did not run.</p>\n";
    return html;
}

std::string chartsSection(const ReportDocument& document)
{
    std::string html = "<h2>Charts</h2>\n";
    if (document.runs.empty())
        return html + "<p>No measured run has a recording to draw.</p>\n";
    for (const auto& run : document.runs) {
        const auto& row = document.table.rows[run.row];
        html += "<h3>" + htmlText(row.entry.image) + ", run " + std::to_string(run.repeat) + "</h3>\n";
        html += "<p class=\"note\">" + htmlText(runDescription(row.entry, run)) + "</p>\n";
        const auto charts = runCharts(run, document.table.labels);
        html += "<div class=\"pair\">\n" + svgChart(charts.cpu[0], SvgPlacement::InlineInHtml) + "\n" +
                svgChart(charts.cpu[1], SvgPlacement::InlineInHtml) + "\n</div>\n";
        html += "<div class=\"pair\">\n" + svgChart(charts.memory[0], SvgPlacement::InlineInHtml) + "\n" +
                svgChart(charts.memory[1], SvgPlacement::InlineInHtml) + "\n</div>\n";
    }
    return html;
}

std::string referenceSection()
{
    const auto& published = publishedReference();
    std::string html = "<section class=\"reference\">\n<h2>" + htmlText(published.label) + "</h2>\n";
    html += "<p>Source: " + htmlText(published.source) +
            ". These figures were not measured here; they are shown for comparison only.</p>\n";
    html += "<table class=\"published\">\n<tr><th>Image</th><th>Memory (Hyper-V)</th><th>Memory "
            "(process)</th><th>Difference</th></tr>\n";
    for (const auto& row : published.rows) {
        char hyperV[32];
        char process[32];
        std::snprintf(hyperV, sizeof hyperV, "%.0f MB", row.hyperVMegabytes);
        std::snprintf(process, sizeof process, "%.0f MB", row.processMegabytes);
        html += "<tr><td>" + htmlText(row.image) + "</td><td>" + hyperV + "</td><td>" + process +
                "</td><td>" + htmlText(row.difference) + "</td></tr>\n";
    }
    html += "</table>\n";
    for (const auto& note : published.notes)
        html += "<p class=\"note\">" + htmlText(note) + "</p>\n";
    return html + "</section>\n";
}

} // namespace

std::string htmlReport(const ReportDocument& document)
{
    const auto& labels = document.table.labels;
    const auto title = "IsoLens report: " + labels[0] + " compared with " + labels[1];
    std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                       htmlText(title) + "</title>\n<style>\n" + styleSheet() + "</style>\n</head>\n<body>\n";
    html += "<h1>" + htmlText(title) + "</h1>\n";
    html += "<p class=\"legend\"><span class=\"swatch side0\"></span>" + htmlText(labels[0]) +
            "<span class=\"swatch side1\"></span>" + htmlText(labels[1]) + "</p>\n";
    html += factsList(document);
    html += "<h2>Measured</h2>\n<p class=\"note\">Means over each run; with more than one measured run a "
            "figure is the median, with the smallest and largest beneath it.</p>\n";
    html += comparisonTable(document.table);
    html += chartsSection(document);
    html += referenceSection();
    html += "<p class=\"note\">Made by IsoLens " + htmlText(document.isolensVersion) +
            ". This page is one self-contained file: it loads nothing from anywhere.</p>\n";
    return html + "</body>\n</html>\n";
}

} // namespace isolens
