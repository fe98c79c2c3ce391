#include "pair_recordings.hpp"

#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/report/html_report.hpp"
#include "isolens/core/report/html_text.hpp"
#include "isolens/core/report/report_file.hpp"
#include "isolens/core/report/report_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace isolens;
namespace fs = std::filesystem;

namespace {

std::string htmlOf(const BatchTable& table, const ReportContext& context = {})
{
    auto document = reportDocument(table, context);
    EXPECT_TRUE(document) << document.error().describe();
    return document ? htmlReport(document.value()) : std::string{};
}

} // namespace

class HtmlReport : public PairRecordings {};

TEST_F(HtmlReport, TheFiguresAreTheTables)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox:1", 10 * kMiB, 5 * kMiB),
                                      record("b.jsonl", "busybox:2", 8 * kMiB, 6 * kMiB)});
    ASSERT_TRUE(table) << table.error().describe();
    const auto html = htmlOf(table.value());
    // Twice the step is the mean: 20.0 MiB against 10.0 MiB, half as much.
    for (const char* figure : {"<td>20.0 MiB</td>", "<td>10.0 MiB</td>", "<td>50%</td>", "<td>16.0 MiB</td>",
                               "<td>12.0 MiB</td>", "<td>25%</td>"})
        EXPECT_NE(html.find(figure), std::string::npos) << figure;
    for (const auto& row : reportTable(table.value()).rows)
        for (const auto& cell : row.cells)
            EXPECT_NE(html.find("<td>" + htmlText(cell.value) + "</td>"), std::string::npos) << cell.value;
    // A chart of each metric for each side of each run, in the modes' colours.
    std::size_t charts = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1))
        ++charts;
    EXPECT_EQ(charts, 8u);
    EXPECT_NE(html.find("stroke=\"#1f77b4\""), std::string::npos);
    EXPECT_NE(html.find("stroke=\"#e8590c\""), std::string::npos);
}

TEST_F(HtmlReport, RepeatsShowTheirSpread)
{
    auto table = tableFromRecordings({record("a1.jsonl", "busybox", 10 * kMiB, 5 * kMiB),
                                      record("a2.jsonl", "busybox", 12 * kMiB, 5 * kMiB),
                                      record("a3.jsonl", "busybox", 11 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    ASSERT_EQ(table.value().rows.size(), 1u);
    const auto html = htmlOf(table.value());
    EXPECT_NE(html.find("<td>22.0 MiB<br><span class=\"range\">20.0\u201324.0</span></td>"),
              std::string::npos);
    EXPECT_NE(html.find("<td>3</td>"), std::string::npos) << "three runs";
}

TEST_F(HtmlReport, TheFactsAndTheCommandAreThere)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox", 10 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    const auto fromHeader = htmlOf(table.value());
    EXPECT_NE(fromHeader.find(htmlText("isolens-cli compare --image busybox --runtimes runc,isolens-vm")),
              std::string::npos);
    EXPECT_NE(fromHeader.find("Debian GNU&#47;Linux 12 (bookworm)"), std::string::npos);
    EXPECT_NE(fromHeader.find("20.10.24"), std::string::npos);
    EXPECT_NE(fromHeader.find("IsoLens version"), std::string::npos);
    ReportContext context;
    context.invocation = {"isolens-cli", "compare", "--image", "busybox", "--report", "my report.html"};
    EXPECT_NE(htmlOf(table.value(), context).find("--report &#39;my report.html&#39;"), std::string::npos);
}

TEST_F(HtmlReport, ThePublishedFiguresAreLabelledNotMeasuredHere)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox", 10 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    const auto html = htmlOf(table.value());
    EXPECT_NE(html.find("<h2>Published reference (not measured here)</h2>"), std::string::npos);
    EXPECT_NE(html.find("Docker Bootcamp"), std::string::npos);
    EXPECT_NE(html.find("<td>nanoserver:ltsc2022</td><td>246 MB</td><td>29 MB</td><td>88%</td>"),
              std::string::npos);
}

TEST_F(HtmlReport, NamesNothingOutsideItselfAndEscapesWhatItShows)
{
    auto table =
        tableFromRecordings({record("a.jsonl", "evil<&\">image", 10 * kMiB, 5 * kMiB, /*gap=*/true)});
    ASSERT_TRUE(table);
    const auto file = folder / "report.html";
    ASSERT_TRUE(writeReport(table.value(), {}, file));
    const auto html = readAll(file);
    for (const char* external : {"http", "//", "url(", "<script", "<link", "@import", "src=", "href=", "<img",
                                 "<iframe", "<object", "xmlns"})
        EXPECT_EQ(html.find(external), std::string::npos) << external;
    EXPECT_EQ(html.find("evil<"), std::string::npos);
    EXPECT_NE(html.find("evil&lt;&amp;&quot;&gt;image"), std::string::npos);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<style>"), std::string::npos);
}

TEST_F(HtmlReport, AFailedRowSaysWhyAndWhatToDo)
{
    BatchRow row;
    row.entry.image = "windows/nanoserver:ltsc2019";
    BatchRun run;
    run.outcome = RunOutcome::Failed;
    run.reason = "no matching manifest for windows 10.0.20348";
    run.hint = "Use an image of this host's build";
    row.runs = {run};
    const auto html = htmlOf(BatchTable{{"hyperv", "process"}, {row}});
    EXPECT_NE(html.find("Not measured: no matching manifest for windows 10.0.20348. Use an image of this "
                        "host&#39;s build"),
              std::string::npos)
        << html;
    EXPECT_NE(html.find("No measured run has a recording to draw"), std::string::npos);
}

TEST_F(HtmlReport, AnExistingFileIsNeverReplaced)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox", 10 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    const auto file = folder / "report.html";
    std::ofstream(file) << "mine";
    const auto written = writeReport(table.value(), {}, file);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find("Will not overwrite"), std::string::npos);
    EXPECT_EQ(readAll(file), "mine");
}
