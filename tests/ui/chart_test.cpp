#include "comparison_panel.hpp"
#include "series_chart.hpp"
#include "summary_view.hpp"

#include "isolens/core/series/series_store.hpp"

#include <gtest/gtest.h>

#include <QCategoryAxis>
#include <QDateTime>
#include <QImage>
#include <QLineSeries>
#include <QTextDocument>

#include <algorithm>
#include <utility>
#include <vector>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'700'000'000 * kSecond;

StatsSample sample(std::int64_t second, double cpu, std::int64_t memory)
{
    StatsSample s;
    s.timeNanos = kStart + second * kSecond;
    s.valid = true;
    s.cpuPercent = cpu;
    s.cpuHostPercent = cpu / 2;
    s.memBytes = memory;
    return s;
}

int visibleSeries(const SeriesChart& chart)
{
    int count = 0;
    for (auto* series : chart.chart()->series())
        count += static_cast<QLineSeries*>(series)->count() > 0;
    return count;
}

} // namespace

TEST(SeriesChart, DrawsTheStoresPointsAndBreaksTheLineAtGaps)
{
    SeriesStore store;
    for (int second = 0; second < 10; ++second)
        store.addSample("a", sample(second, 10.0 * second, 1 << 20));
    store.addGap("a", kStart + 10 * kSecond + 500'000'000);
    for (int second = 12; second < 20; ++second)
        store.addSample("a", sample(second, 5.0, 3 << 20));

    SeriesChart chart("CPU", Metric::CpuPercent, ChartUnit::Percent);
    chart.resize(600, 300);
    chart.setLines({{"a", "a", Qt::blue}});
    const double largest = chart.collect(store, kStart, kStart + 20 * kSecond, 200);
    EXPECT_DOUBLE_EQ(largest, 90.0);
    chart.draw(largest);
    EXPECT_EQ(chart.drawnPoints(), 18);
    EXPECT_EQ(visibleSeries(chart), 2) << "the gap splits the line in two, it does not drop to zero";
    EXPECT_DOUBLE_EQ(chart.axisTop(), 100.0);
    EXPECT_EQ(chart.valueAxisTitle(), "CPU (%)");

    // The next refresh replaces the points (no duplicates), and a narrower window draws fewer.
    chart.draw(chart.collect(store, kStart + 12 * kSecond, kStart + 20 * kSecond, 200));
    EXPECT_EQ(chart.drawnPoints(), 8);
    EXPECT_EQ(visibleSeries(chart), 1);
}

TEST(SeriesChart, DownsamplesLongSeriesToTheBucketCountAndKeepsThePeak)
{
    SeriesStore store;
    for (int second = 0; second < 86'400; ++second)
        store.addSample("a", sample(second, second == 50'000 ? 400.0 : 1.0, 1 << 20));
    SeriesChart chart("CPU", Metric::CpuPercent, ChartUnit::Percent);
    chart.setLines({{"a", "a", Qt::blue}});
    const double largest = chart.collect(store, kStart, kStart + 86'400 * kSecond, 300);
    chart.draw(largest);
    EXPECT_LE(chart.drawnPoints(), 300) << "a day at 1 Hz is drawn as one point per bucket";
    EXPECT_DOUBLE_EQ(largest, 400.0) << "the one-second peak survives downsampling";
    double drawnPeak = 0.0;
    for (auto* series : chart.chart()->series())
        for (const auto& point : static_cast<QLineSeries*>(series)->points())
            drawnPeak = std::max(drawnPeak, point.y());
    EXPECT_DOUBLE_EQ(drawnPeak, 400.0) << "the peak is drawn, not only counted in the axis";
    EXPECT_DOUBLE_EQ(chart.axisTop(), 500.0);
}

TEST(SeriesChart, MemoryAxisIsInBinaryUnits)
{
    SeriesStore store;
    store.addSample("a", sample(0, 1.0, 300LL << 20));
    store.addSample("a", sample(1, 1.0, 310LL << 20));
    SeriesChart chart("Memory", Metric::MemoryBytes, ChartUnit::Bytes);
    chart.setLines({{"a", "a", Qt::blue}});
    chart.draw(chart.collect(store, kStart, kStart + 2 * kSecond, 100));
    EXPECT_EQ(chart.valueAxisTitle(), "Memory (MiB)");
    EXPECT_DOUBLE_EQ(chart.axisTop(), 500.0);
    auto* series = static_cast<QLineSeries*>(chart.chart()->series().front());
    ASSERT_EQ(series->count(), 2);
    EXPECT_NEAR(series->at(1).y(), 310.0, 0.01) << "points are drawn in the axis' unit";
}

TEST(ComparisonPanel, BothColumnsShareOneValueAxisPerMetric)
{
    SeriesStore store;
    for (int second = 0; second < 5; ++second) {
        store.addSample("hyperv", sample(second, 80.0, 400LL << 20));
        store.addSample("process", sample(second, 12.0, 45LL << 20));
    }
    ComparisonPanel panel;
    panel.resize(1000, 700);
    panel.setModes({"hyperv", "process"});
    panel.refresh(store, kStart, kStart + 5 * kSecond);
    EXPECT_DOUBLE_EQ(panel.cpuChart(0)->axisTop(), panel.cpuChart(1)->axisTop());
    EXPECT_DOUBLE_EQ(panel.cpuChart(1)->axisTop(), 100.0)
        << "the quieter side is drawn on the busier side's scale";
    EXPECT_DOUBLE_EQ(panel.memoryChart(0)->axisTop(), panel.memoryChart(1)->axisTop());
    EXPECT_EQ(panel.memoryChart(1)->valueAxisTitle(), "Memory (MiB)");
    EXPECT_EQ(panel.cpuChart(0)->drawnPoints(), 5);
    EXPECT_EQ(panel.cpuChart(1)->drawnPoints(), 5);
    EXPECT_EQ(panel.overlayMemoryChart()->drawnPoints(), 10) << "the overlay draws both modes";
    EXPECT_EQ(panel.visibleCharts().size(), 4);
    panel.setOverlay(true);
    EXPECT_EQ(panel.visibleCharts().size(), 2);
}

TEST(SeriesChart, TimeAxisIsLabelledFromTheFirstRefresh)
{
    // A date-time axis left at its default range before the first refresh drew no labels or
    // gridlines afterwards: the chart starts with a real range.
    SeriesChart chart("CPU", Metric::CpuPercent, ChartUnit::Percent);
    chart.resize(500, 280);
    chart.show();
    SeriesStore store;
    chart.setLines({{"a", "a", Qt::blue}});
    chart.draw(chart.collect(store, kStart, kStart + 300 * kSecond, 100));
    const auto* axis = static_cast<QCategoryAxis*>(chart.chart()->axes(Qt::Horizontal).front());
    EXPECT_EQ(axis->min(), static_cast<double>(kStart / 1'000'000));
    EXPECT_EQ(axis->max(), static_cast<double>((kStart + 300 * kSecond) / 1'000'000));
    // The labels row is painted: the strip under the plot area holds dark pixels (text).
    const QImage image = chart.grab().toImage();
    const QRectF plot = chart.chart()->plotArea();
    int dark = 0;
    for (int y = static_cast<int>(plot.bottom()) + 4;
         y < static_cast<int>(plot.bottom()) + 20 && y < image.height(); ++y)
        for (int x = static_cast<int>(plot.left()); x < static_cast<int>(plot.right()); ++x)
            dark += QColor(image.pixel(x, y)).lightness() < 128;
    EXPECT_GT(dark, 30) << "time labels under the plot";
}

namespace {

// The labelled instants of a chart's time axis, in milliseconds since 1970, and their labels.
std::vector<std::pair<qint64, QString>> timeLabels(const SeriesChart& chart)
{
    auto* axis = qobject_cast<QCategoryAxis*>(chart.chart()->axes(Qt::Horizontal).front());
    std::vector<std::pair<qint64, QString>> labels;
    if (axis)
        for (const auto& label : axis->categoriesLabels())
            labels.emplace_back(static_cast<qint64>(axis->endValue(label)), label);
    return labels;
}

} // namespace

TEST(SeriesChart, TimeAxisIsLabelledAtRoundInstantsOfWallClockTime)
{
    struct Case {
        std::int64_t firstSecond, lastSecond;
        const char* format;
        std::vector<qint64> allowedStepsMillis;
    };
    // Windows that start at odd seconds: five minutes and thirty seconds.
    for (const auto& c : {Case{25, 325, "HH:mm", {60'000, 120'000, 300'000}},
                          Case{7, 37, "HH:mm:ss", {5'000, 10'000, 15'000}}}) {
        SeriesChart chart("CPU", Metric::CpuPercent, ChartUnit::Percent);
        chart.resize(600, 280);
        SeriesStore store;
        chart.setLines({{"a", "a", Qt::blue}});
        const std::int64_t first = kStart + c.firstSecond * kSecond;
        const std::int64_t last = kStart + c.lastSecond * kSecond;
        chart.draw(chart.collect(store, first, last, 100));

        const auto labels = timeLabels(chart);
        ASSERT_GE(labels.size(), 2u) << c.format;
        const qint64 step = labels[1].first - labels[0].first;
        EXPECT_NE(std::find(c.allowedStepsMillis.begin(), c.allowedStepsMillis.end(), step),
                  c.allowedStepsMillis.end())
            << step << " ms between labels";
        for (std::size_t i = 0; i < labels.size(); ++i) {
            const auto& [millis, label] = labels[i];
            const auto time = QDateTime::fromMSecsSinceEpoch(millis);
            EXPECT_EQ((millis + time.offsetFromUtc() * 1000LL) % step, 0) << label.toStdString();
            EXPECT_EQ(label, time.toString(QString::fromLatin1(c.format)));
            EXPECT_GE(millis, first / 1'000'000);
            EXPECT_LE(millis, last / 1'000'000);
            if (i > 0) {
                EXPECT_EQ(millis - labels[i - 1].first, step) << "evenly spaced";
            }
        }

        // A second later (a live window slides): still on round instants, from the new start.
        chart.draw(chart.collect(store, first + kSecond, last + kSecond, 100));
        for (const auto& [millis, label] : timeLabels(chart)) {
            const auto time = QDateTime::fromMSecsSinceEpoch(millis);
            EXPECT_EQ((millis + time.offsetFromUtc() * 1000LL) % step, 0) << label.toStdString();
            EXPECT_GT(millis, (first + kSecond) / 1'000'000);
            EXPECT_LE(millis, (last + kSecond) / 1'000'000);
        }
    }
}

TEST(SeriesChart, FollowsADarkPaletteAndKeepsTheLineColours)
{
    SeriesChart chart("CPU", Metric::CpuPercent, ChartUnit::Percent);
    chart.setLines({{"a", "a", QColor(0x1f, 0x77, 0xb4)}});
    chart.draw(0.0);
    EXPECT_EQ(chart.chart()->theme(), QChart::ChartThemeLight);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, Qt::white);
    chart.setPalette(dark);
    EXPECT_EQ(chart.chart()->theme(), QChart::ChartThemeDark);
    auto* series = static_cast<QLineSeries*>(chart.chart()->series().front());
    EXPECT_EQ(series->pen().color(), QColor(0x1f, 0x77, 0xb4))
        << "the theme does not repaint the modes' colours";
}

TEST(SummaryView, RecomputesOnlyWhenWhatItShowsChanges)
{
    auto store = std::make_shared<SeriesStore>();
    for (int second = 0; second < 5; ++second) {
        store->addSample("hyperv", sample(second, 80.0, 400LL << 20));
        store->addSample("process", sample(second, 12.0, 45LL << 20));
    }
    SummaryView view;
    const std::array<QString, 2> modes{"hyperv", "process"};
    view.refresh(store, modes, {});
    const auto shown = view.document()->revision();
    EXPECT_TRUE(view.toPlainText().contains("400.00 MiB")) << view.toPlainText().toStdString();
    // The published table names its source, the article, not a file users do not have.
    EXPECT_TRUE(view.toPlainText().contains(
        QStringLiteral("Source: the blog article \"Docker Bootcamp – Container Isolation Modes\"")))
        << view.toPlainText().toStdString();
    EXPECT_FALSE(view.toPlainText().contains("REFERENCE.md")) << view.toPlainText().toStdString();
    view.refresh(store, modes, {});
    EXPECT_EQ(view.document()->revision(), shown) << "nothing changed: a replay is summarized once";

    store->addSample("hyperv", sample(5, 80.0, 500LL << 20));
    view.refresh(store, modes, {});
    EXPECT_NE(view.document()->revision(), shown) << "a new sample is summarized";
    EXPECT_TRUE(view.toPlainText().contains("500.00 MiB")) << view.toPlainText().toStdString();

    const auto again = view.document()->revision();
    auto other = std::make_shared<SeriesStore>();
    view.refresh(other, modes, {});
    EXPECT_NE(view.document()->revision(), again) << "another store is summarized";
    EXPECT_TRUE(view.toPlainText().contains("No samples yet"));
}
