#include "isolens/core/report/html_text.hpp"
#include "isolens/core/report/markdown_report.hpp"
#include "isolens/core/report/report_document.hpp"
#include "isolens/core/report/report_file.hpp"
#include "isolens/core/report/report_table.hpp"

#include <gtest/gtest.h>

using namespace isolens;

TEST(ReportTable, CellsReadAsThePublishedTableDoes)
{
    struct Case {
        ReportCell cell;
        std::string expected;
    };
    const Case cases[] = {
        {memoryCell(Spread{1, 0, 12.34 * 1024 * 1024, 0}), "12.3 MiB"},
        {memoryCell(Spread{3, 11.0 * 1024 * 1024, 12.0 * 1024 * 1024, 13.06 * 1024 * 1024}),
         "12.0 MiB (11.0\u201313.1)"},
        {memoryCell(std::nullopt), "--"},
        {percentCell(Spread{1, 4.561, 4.561, 4.561}), "4.56%"},
        {differenceCell(Spread{1, 88.9, 88.9, 88.9}), "88%"}, // truncated, as published
        {differenceCell(Spread{1, -12.7, -12.7, -12.7}), "-12%"},
        {millisecondsCell(Spread{1, 135.7, 135.7, 135.7}), "136 ms"},
        {millisecondsCell(Spread{2, 120.0, 120.5, 121.0}), "121 ms (120\u2013121)"}, // as the CLI rounds
        {millisecondsCell(std::nullopt), "--"},
    };
    for (const auto& c : cases)
        EXPECT_EQ(c.cell.text(), c.expected);
}

TEST(ReportTable, TheRangeOfRepeatsIsApartFromTheMedian)
{
    const auto cell = memoryCell(Spread{2, 10.0 * 1024 * 1024, 11.0 * 1024 * 1024, 12.0 * 1024 * 1024});
    EXPECT_EQ(cell.value, "11.0 MiB");
    EXPECT_EQ(cell.range, "10.0\u201312.0");
    EXPECT_EQ(memoryCell(Spread{1, 1, 1, 1}).range, "");
}

TEST(ReportTable, AFailedRowHasItsReasonAndHint)
{
    BatchRow row;
    row.entry.image = "mcr.microsoft.com/windows/nanoserver:ltsc2019";
    BatchRun run;
    run.outcome = RunOutcome::Failed;
    run.reason = "no matching manifest";
    run.hint = "Use an image for this host's build";
    row.runs = {run, run};
    const auto table = reportTable(BatchTable{{"hyperv", "process"}, {row}});
    ASSERT_EQ(table.rows.size(), 1u);
    EXPECT_FALSE(table.rows[0].measured);
    EXPECT_EQ(table.rows[0].reason, "no matching manifest");
    EXPECT_EQ(table.rows[0].hint, "Use an image for this host's build");
    EXPECT_EQ(table.rows[0].cells.back().value, "0 of 2 measured");
    EXPECT_EQ(table.header.size(), table.rows[0].cells.size());
    EXPECT_EQ(table.header[1], "Memory (hyperv)");
    EXPECT_EQ(table.header[3], "Difference");
}

TEST(ReportFacts, LimitsReadAsTheOptionsTakeThem)
{
    const auto limitsFact = [](RecordedLimits limits) {
        ReportDocument document;
        document.firstHeader = RecordingHeader{};
        document.firstHeader->limits = limits;
        for (const auto& fact : reportFacts(document))
            if (fact.name == "Limits")
                return fact.value;
        return std::string("no Limits fact");
    };
    EXPECT_EQ(limitsFact({64ll << 20, 1'500'000'000}), "memory 64 MiB, 1.5 CPUs");
    EXPECT_EQ(limitsFact({3ll << 29, std::nullopt}), "memory 1.5 GiB");
    EXPECT_EQ(limitsFact({std::nullopt, 1'000'000'000}), "1 CPU");
    EXPECT_EQ(limitsFact({}), "none (the engine's default)");
}

TEST(ReportFile, TheFormatFollowsTheExtension)
{
    EXPECT_EQ(reportFormatFor("a/report.html").value(), ReportFormat::Html);
    EXPECT_EQ(reportFormatFor("REPORT.HTM").value(), ReportFormat::Html);
    EXPECT_EQ(reportFormatFor("report.md").value(), ReportFormat::Markdown);
    for (const char* name : {"report.txt", "report", "report.pdf"}) {
        const auto format = reportFormatFor(name);
        ASSERT_FALSE(format) << name;
        EXPECT_NE(format.error().message.find(name), std::string::npos) << format.error().message;
        EXPECT_NE(format.error().hint.find("FILE.html"), std::string::npos);
    }
}

TEST(HtmlText, EscapesTextAndAttributesAndEverySlash)
{
    EXPECT_EQ(htmlText("<img src=\"x\">&'"), "&lt;img src=&quot;x&quot;&gt;&amp;&#39;");
    EXPECT_EQ(htmlText("unix:///run/docker.sock"), "unix:&#47;&#47;&#47;run&#47;docker.sock");
    EXPECT_EQ(htmlText("plain"), "plain");
}

TEST(MarkdownCell, EscapesWhatWouldBreakATable)
{
    EXPECT_EQ(markdownCell("a|b"), "a\\|b");
    EXPECT_EQ(markdownCell("two\nlines"), "two lines");
    EXPECT_EQ(markdownCell("[x](y)"), "\\[x\\](y)");
}

TEST(ReportCommandLine, QuotesEveryWordAShellWouldActOn)
{
    struct Case {
        std::vector<std::string> words;
        std::string expected;
    };
    const Case cases[] = {
        {{"isolens-cli", "compare", "--image", "localhost:5000/isolens/batch:1", "--memory=512m"},
         "isolens-cli compare --image localhost:5000/isolens/batch:1 --memory=512m"},
        {{"sh", "-c", "echo hi"}, "sh -c 'echo hi'"},
        {{"--report", "my report.html"}, "--report 'my report.html'"},
        {{"echo", "it's"}, "echo 'it'\\''s'"},
        {{"echo", ""}, "echo ''"},
        {{"sh", "-c", "a;b"}, "sh -c 'a;b'"},
        {{"ls", "*.jsonl"}, "ls '*.jsonl'"},
        {{"cd", "~"}, "cd '~'"},
        {{"echo", "#x"}, "echo '#x'"},
        {{"echo", "$HOME"}, "echo '$HOME'"},
        {{"echo", "a|b&c>d<e"}, "echo 'a|b&c>d<e'"},
        {{"echo", "(x)"}, "echo '(x)'"},
        {{"echo", "`x`"}, "echo '`x`'"},
        {{"echo", "a\\b"}, "echo 'a\\b'"},
        {{"echo", "line\nnext"}, "echo 'line\nnext'"},
        {{"C:\\IsoLens\\isolens-cli.exe"}, "'C:\\IsoLens\\isolens-cli.exe'"},
        {{}, ""},
    };
    for (const auto& c : cases)
        EXPECT_EQ(commandLineText(c.words), c.expected);
}
