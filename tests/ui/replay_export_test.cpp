#include "comparison_panel.hpp"
#include "dashboard_colors.hpp"
#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "engine_status_view.hpp"
#include "host_panel.hpp"
#include "host_process_model.hpp"
#include "main_window.hpp"
#include "png_export.hpp"
#include "process_view.hpp"
#include "series_chart.hpp"
#include "summary_view.hpp"
#include "ui_test_support.hpp"

#include "isolens/core/host/host_series.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <gtest/gtest.h>

#include <array>
#include <filesystem>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace isolens;

namespace {

// Pixels close to a colour (antialiasing blends line edges; the middle of a 2 px line keeps it).
int pixelsNear(const QImage& image, const QColor& color, int tolerance = 40)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor pixel = image.pixelColor(x, y);
            if (std::abs(pixel.red() - color.red()) + std::abs(pixel.green() - color.green()) +
                    std::abs(pixel.blue() - color.blue()) <
                tolerance)
                ++count;
        }
    return count;
}

// A 1280x800 window without an engine, replaying the shipped sample recording.
class ReplayingWindow : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.resize(1280, 800);
        window.show();
        ASSERT_TRUE(waitForProbe(window));
        ASSERT_EQ(window.openSampleRecording(true), "");
    }

    MainWindow window{unreachableEndpoint()};
};

} // namespace

TEST(SampleRecording, ReplaysIntoEveryView)
{
    MainWindow window(unreachableEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_EQ(window.openSampleRecording(true), "");
    EXPECT_TRUE(window.isShowingDashboard());
    auto* controller = window.controller();
    EXPECT_TRUE(controller->isReplay());
    const auto keys = controller->modeKeys();
    EXPECT_EQ(keys[0], "runc");
    EXPECT_EQ(keys[1], "isolens-vm");
    const auto store = controller->store();
    EXPECT_GE(store->size("runc"), 50u) << "the sample is a minute of a real paired run";
    EXPECT_GE(store->size("isolens-vm"), 50u);
    EXPECT_GE(store->size(kHostSeries), 50u) << "the host was recorded beside the pair";

    window.refresh();
    auto* comparison = window.dashboard()->comparison();
    for (int side = 0; side < 2; ++side) {
        EXPECT_GE(comparison->cpuChart(side)->drawnPoints(), 50) << side;
        EXPECT_GE(comparison->memoryChart(side)->drawnPoints(), 50) << side;
    }
    EXPECT_GE(window.dashboard()->host()->cpuChart()->drawnPoints(), 50);
    const auto summary = window.dashboard()->summary()->toPlainText();
    EXPECT_TRUE(summary.contains("Measured in this session")) << summary.toStdString();
    EXPECT_TRUE(summary.contains("Published reference (not measured here)")) << summary.toStdString();
    EXPECT_TRUE(summary.contains("nanoserver:ltsc2022"));
    // The start-up times come from the recording's events.
    const auto startup = controller->startupTimes();
    for (int side = 0; side < 2; ++side) {
        ASSERT_TRUE(startup[side].createToRunningMillis) << side;
        EXPECT_GT(*startup[side].createToRunningMillis, 0.0);
        ASSERT_TRUE(startup[side].startToFirstSampleMillis) << side;
    }
    EXPECT_TRUE(summary.contains(QStringLiteral("%1 ms").arg(*startup[0].createToRunningMillis, 0, 'f', 0)))
        << summary.toStdString();
    EXPECT_TRUE(window.statusText().contains("replay")) << window.statusText().toStdString();
    EXPECT_EQ(window.dashboard()->processes()->model()->rowCount(), 0);
    EXPECT_TRUE(window.dashboard()->processes()->note().contains("The process list is live"));
}

// The sample is copied out of the resources as a read-only file; Windows refuses to delete a read-only
// file, so a second opening (the next launch, or a second click) failed there before the copy was made
// writable first.
TEST(SampleRecording, OpensAgainAfterAnEarlierCopyAndFromASecondWindow)
{
    {
        MainWindow first(unreachableEndpoint());
        ASSERT_TRUE(waitForProbe(first));
        ASSERT_EQ(first.openSampleRecording(true), "");
        ASSERT_EQ(first.openSampleRecording(true), "");
    }
    MainWindow second(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(second));
    ASSERT_EQ(second.openSampleRecording(true), "");
    EXPECT_TRUE(second.controller()->isReplay());
    EXPECT_TRUE(second.controller()->recordingPath().startsWith(
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation)))
        << second.controller()->recordingPath().toStdString();
}

TEST(SampleRecording, TheNoEngineBannerOffersIt)
{
    MainWindow window(unreachableEndpoint());
    window.show();
    ASSERT_TRUE(waitForProbe(window));
    ASSERT_FALSE(window.isShowingDashboard());
    auto* button = window.engineStatus()->findChild<QPushButton*>("openSampleRecording");
    ASSERT_NE(button, nullptr);
    ASSERT_TRUE(button->isVisible());
    button->click();
    EXPECT_TRUE(window.isShowingDashboard());
    EXPECT_TRUE(window.controller()->isReplay());
    // A retry that fails again leaves the replay on screen.
    window.reconnect();
    ASSERT_TRUE(waitForProbe(window));
    EXPECT_TRUE(window.isShowingDashboard());
}

TEST_F(ReplayingWindow, WholeDashboardAtAChosenSizeShowsBothModesColours)
{
    QTemporaryDir dir;
    const auto path = dir.filePath("dashboard.png");
    ASSERT_EQ(window.exportDashboardPng(path, QSize(1600, 1000)), "");
    QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1600, 1000));
    EXPECT_GT(pixelsNear(image, colors::mode(0)), 200) << "mode A's blue is in the picture";
    EXPECT_GT(pixelsNear(image, colors::mode(1)), 200) << "mode B's orange is in the picture";
}

TEST_F(ReplayingWindow, OneChartAtTheDisplaysPixelRatio)
{
    auto* chart = window.dashboard()->comparison()->memoryChart(1);
    QTemporaryDir dir;
    const auto path = dir.filePath("memory.png");
    ASSERT_EQ(window.exportChartPng(chart, path), "");
    QImage image(path);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), chart->size() * chart->devicePixelRatioF());
    EXPECT_GT(pixelsNear(image, colors::mode(1)), 50);
    EXPECT_EQ(pixelsNear(image, colors::mode(0)), 0) << "mode B's chart holds no mode A line";

    // At twice the pixels (a high-DPI display), lines are drawn again, not blown up.
    const auto doubled = renderWidget(chart, {}, 2.0);
    EXPECT_EQ(doubled.size(), chart->size() * 2);
    EXPECT_GT(pixelsNear(doubled, colors::mode(1)), 2 * pixelsNear(image, colors::mode(1)));
}

TEST(PngExport, RefusesAnUnwritablePathWithAMessage)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    const auto error = window.exportDashboardPng("/nonexistent-isolens-dir/x.png");
    EXPECT_TRUE(error.contains("Could not write /nonexistent-isolens-dir/x.png")) << error.toStdString();
}

TEST(PngExport, ImageSizeText)
{
    EXPECT_EQ(parseImageSize("1920x1080"), QSize(1920, 1080));
    EXPECT_EQ(parseImageSize(" 800 X 600 "), QSize(800, 600));
    EXPECT_FALSE(parseImageSize("1920").isValid());
    EXPECT_FALSE(parseImageSize("0x100").isValid());
    EXPECT_FALSE(parseImageSize("99999x100").isValid());
    EXPECT_FALSE(parseImageSize("-5x100").isValid());
}

TEST(CsvExport, FromTheOpenRecording)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    QTemporaryDir dir;
    EXPECT_TRUE(window.exportCsv(dir.filePath("none.csv")).contains("Nothing recorded yet"));
    ASSERT_EQ(window.openSampleRecording(true), "");
    ASSERT_EQ(window.exportCsv(dir.filePath("session.csv")), "");
    QFile csv(dir.filePath("session.csv"));
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const auto lines = QString::fromUtf8(csv.readAll()).split('\n', Qt::SkipEmptyParts);
    ASSERT_GT(lines.size(), 150);
    EXPECT_TRUE(lines[0].startsWith("time,mode,cpu_percent")) << lines[0].toStdString();
    EXPECT_EQ(lines.filter(",\"runc\",").size() + lines.filter(",runc,").size(),
              static_cast<qsizetype>(window.controller()->store()->size("runc")));
}

TEST(ReportExport, NothingRecordedSaysSo)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    QTemporaryDir dir;
    EXPECT_TRUE(window.exportReport(dir.filePath("none.html")).contains("Nothing recorded yet"));
    EXPECT_FALSE(QFile::exists(dir.filePath("none.html")));
}

TEST_F(ReplayingWindow, ReportAsOneSelfContainedHtmlFile)
{
    QTemporaryDir dir;
    ASSERT_EQ(window.exportReport(dir.filePath("report.html")), "");
    QFile file(dir.filePath("report.html"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto html = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(html.contains(colors::mode(0).name())) << "mode A's blue";
    EXPECT_TRUE(html.contains(colors::mode(1).name())) << "mode B's orange";
    EXPECT_TRUE(html.contains("isolens-test/busybox:latest") ||
                html.contains("isolens-test&#47;busybox:latest"));
    EXPECT_TRUE(html.contains("Published reference (not measured here)"));
    for (const char* external : {"http", "//", "url(", "<script", "<link"})
        EXPECT_FALSE(html.contains(external)) << external;
    // Never written over: a second export to the same file is refused, naming it.
    EXPECT_TRUE(window.exportReport(dir.filePath("report.html")).contains("Will not overwrite"));
    EXPECT_TRUE(window.exportReport(dir.filePath("report.pdf")).contains("HTML or Markdown"));
}

TEST_F(ReplayingWindow, ReportAsMarkdownWithPngChartsBesideIt)
{
    QTemporaryDir dir;
    ASSERT_EQ(window.exportReport(dir.filePath("report.md")), "");
    QFile file(dir.filePath("report.md"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const auto md = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(md.contains("| Image | Memory (runc) | Memory (isolens-vm) | Difference |"))
        << md.toStdString();
    const std::array<std::pair<const char*, int>, 4> charts{{{"report-1-1-cpu-a.png", 0},
                                                             {"report-1-1-cpu-b.png", 1},
                                                             {"report-1-1-memory-a.png", 0},
                                                             {"report-1-1-memory-b.png", 1}}};
    for (const auto& [name, side] : charts) {
        EXPECT_TRUE(md.contains(QStringLiteral("](%1)").arg(name))) << name;
        QImage image(dir.filePath(name));
        ASSERT_FALSE(image.isNull()) << name;
        EXPECT_EQ(image.size(), QSize(640, 240)) << name;
        EXPECT_GT(pixelsNear(image, colors::mode(side)), 50) << name << ": its mode's colour";
        EXPECT_EQ(pixelsNear(image, colors::mode(1 - side)), 0) << name << ": not the other mode's";
    }
}

// Replacing a file the save dialog confirmed writes a new file and renames it over the old one:
// the old file is never truncated in place, so a failed export cannot leave half a file. Another
// name of the old file (a hard link) still reads the old contents.
TEST(CsvExport, AReplacedFileIsNeverTruncatedInPlace)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    QTemporaryDir dir;
    const auto path = dir.filePath("session.csv");
    const auto other = dir.filePath("other-name.csv");
    {
        QFile old(path);
        ASSERT_TRUE(old.open(QIODevice::WriteOnly));
        old.write("old export\n");
    }
    std::error_code linked;
    std::filesystem::create_hard_link(path.toStdString(), other.toStdString(), linked);
    ASSERT_FALSE(linked) << linked.message();
    ASSERT_EQ(window.openSampleRecording(true), "");
    ASSERT_EQ(window.exportCsv(path), "");
    QFile replaced(path);
    ASSERT_TRUE(replaced.open(QIODevice::ReadOnly));
    EXPECT_TRUE(replaced.readAll().startsWith("time,mode,cpu_percent"));
    QFile kept(other);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly));
    EXPECT_EQ(kept.readAll(), QByteArray("old export\n"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files).size(), 2) << "no temporary file is left behind";
}

TEST(OpenRecording, SaysWhatIsWrongWithABadFile)
{
    MainWindow window(unreachableEndpoint());
    ASSERT_TRUE(waitForProbe(window));
    QTemporaryDir dir;
    const auto missing = window.openRecording(dir.filePath("missing.jsonl"), true);
    EXPECT_TRUE(missing.contains(QStringLiteral("Cannot open the recording"))) << missing.toStdString();
    EXPECT_TRUE(missing.contains(QStringLiteral("missing.jsonl"))) << missing.toStdString();
    QFile bad(dir.filePath("bad.jsonl"));
    ASSERT_TRUE(bad.open(QIODevice::WriteOnly));
    bad.write("this is not a recording\n");
    bad.close();
    const auto error = window.openRecording(bad.fileName(), true);
    EXPECT_TRUE(error.contains(QStringLiteral("bad.jsonl is not an IsoLens recording")))
        << error.toStdString();
    EXPECT_FALSE(window.controller()->isReplay());
}
