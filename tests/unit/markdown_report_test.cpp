#include "pair_recordings.hpp"

#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/report/markdown_report.hpp"
#include "isolens/core/report/report_file.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace isolens;
namespace fs = std::filesystem;

class MarkdownReport : public PairRecordings {};

TEST_F(MarkdownReport, HasTheTableTheReferenceAndItsChartsBesideIt)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox", 10 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    const auto file = folder / "report.md";
    ASSERT_TRUE(writeReport(table.value(), {}, file));
    const auto md = readAll(file);
    EXPECT_NE(md.find("| Image | Memory (runc) | Memory (isolens-vm) | Difference |"), std::string::npos)
        << md;
    EXPECT_NE(md.find("| busybox | 20.0 MiB | 10.0 MiB | 50% |"), std::string::npos) << md;
    EXPECT_NE(md.find("## Published reference (not measured here)"), std::string::npos);
    EXPECT_NE(md.find("| nanoserver:ltsc2022 | 246 MB | 29 MB | 88% |"), std::string::npos);
    EXPECT_NE(md.find("`isolens-cli compare --image busybox --runtimes runc,isolens-vm`"), std::string::npos);
    for (const char* chart : {"report-1-1-cpu-a.svg", "report-1-1-cpu-b.svg", "report-1-1-memory-a.svg",
                              "report-1-1-memory-b.svg"}) {
        EXPECT_NE(md.find(std::string("](") + chart + ")"), std::string::npos) << chart;
        const auto svg = readAll(folder / chart);
        EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u) << chart;
    }
    EXPECT_NE(readAll(folder / "report-1-1-cpu-a.svg").find("#1f77b4"), std::string::npos);
    EXPECT_NE(readAll(folder / "report-1-1-cpu-b.svg").find("#e8590c"), std::string::npos);
}

TEST_F(MarkdownReport, AChartThatExistsLeavesNoFileBehind)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox", 10 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    std::ofstream(folder / "report-1-1-memory-b.svg") << "mine";
    const auto written = writeReport(table.value(), {}, folder / "report.md");
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find("report-1-1-memory-b.svg"), std::string::npos);
    EXPECT_FALSE(fs::exists(folder / "report.md"));
    EXPECT_FALSE(fs::exists(folder / "report-1-1-cpu-a.svg"));
    EXPECT_EQ(readAll(folder / "report-1-1-memory-b.svg"), "mine");
}

TEST_F(MarkdownReport, ALinkToAChartWithSpacesInItsNameStaysOneLink)
{
    auto table = tableFromRecordings({record("a.jsonl", "busybox", 10 * kMiB, 5 * kMiB)});
    ASSERT_TRUE(table);
    ASSERT_TRUE(writeReport(table.value(), {}, folder / "my report (1).md"));
    EXPECT_NE(readAll(folder / "my report (1).md").find("](my%20report%20%281%29-1-1-cpu-a.svg)"),
              std::string::npos);
    EXPECT_TRUE(fs::exists(folder / "my report (1)-1-1-cpu-a.svg"));
}

TEST(MarkdownReportNames, ChartFilesNameRowRepeatMetricAndSide)
{
    ReportDocument document;
    document.runs.resize(2);
    document.runs[1].row = 1;
    document.runs[1].repeat = 2;
    const auto names = chartFileNames(document, "out", "png");
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[0].cpu[0], "out-1-1-cpu-a.png");
    EXPECT_EQ(names[1].memory[1], "out-2-2-memory-b.png");
}
