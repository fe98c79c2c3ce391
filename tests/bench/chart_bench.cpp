// Chart cost with long histories: 8 series x 86,400 points (24 h at 1 Hz). One refresh as the
// dashboard does it (min/max-downsampled to the chart's width, QXYSeries::replace) against handing
// every point to the chart, in the same run; each with and without painting the chart (offscreen).
#include "series_chart.hpp"

#include "isolens/core/series/series_store.hpp"

#include <benchmark/benchmark.h>

#include <QApplication>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPixmap>
#include <QValueAxis>

#include <cmath>

using namespace isolens;

namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
constexpr std::int64_t kStart = 1'800'000'000 * kSecond;
constexpr int kSeries = 8;
constexpr int kPoints = 86'400;

const SeriesStore& dayOfEightSeries()
{
    static SeriesStore s;
    static const bool filled = [] {
        for (int key = 0; key < kSeries; ++key)
            for (int i = 0; i < kPoints; ++i) {
                StatsSample sample;
                sample.valid = true;
                sample.timeNanos = kStart + i * kSecond;
                sample.cpuPercent = 50.0 + 40.0 * std::sin(i / 600.0 + key);
                sample.memBytes = (100 + key * 10 + i % 50) * 1024 * 1024;
                s.addSample("s" + std::to_string(key), sample);
            }
        return true;
    }();
    (void)filled;
    return s;
}

QVector<ChartLine> lines()
{
    QVector<ChartLine> out;
    for (int key = 0; key < kSeries; ++key)
        out.push_back({QStringLiteral("s%1").arg(key), QStringLiteral("s%1").arg(key),
                       QColor::fromHsv(key * 40, 200, 200)});
    return out;
}

void DownsampledRefresh(benchmark::State& state)
{
    const auto& store = dayOfEightSeries();
    SeriesChart chart(QStringLiteral("CPU"), Metric::CpuPercent, ChartUnit::Percent);
    chart.resize(600, 300);
    chart.setLines(lines());
    const bool paint = state.range(0) != 0;
    for (auto _ : state) {
        chart.draw(chart.collect(store, kStart, kStart + kPoints * kSecond, chart.width() / 2));
        if (paint)
            benchmark::DoNotOptimize(chart.grab());
    }
    state.counters["points_drawn"] = chart.drawnPoints();
    state.SetLabel(paint ? "collect + replace + paint" : "collect + replace");
}
BENCHMARK(DownsampledRefresh)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void EveryPointRefresh(benchmark::State& state)
{
    const auto& store = dayOfEightSeries();
    QChartView view(new QChart);
    view.resize(600, 300);
    auto* x = new QDateTimeAxis;
    auto* y = new QValueAxis;
    view.chart()->addAxis(x, Qt::AlignBottom);
    view.chart()->addAxis(y, Qt::AlignLeft);
    std::vector<QLineSeries*> series;
    for (int key = 0; key < kSeries; ++key) {
        series.push_back(new QLineSeries);
        view.chart()->addSeries(series.back());
        series.back()->attachAxis(x);
        series.back()->attachAxis(y);
    }
    const bool paint = state.range(0) != 0;
    for (auto _ : state) {
        for (int key = 0; key < kSeries; ++key) {
            QList<QPointF> points;
            points.reserve(kPoints);
            for (const auto& point : store.range("s" + std::to_string(key), Metric::CpuPercent, kStart,
                                                 kStart + kPoints * kSecond))
                points.append(QPointF(point.timeNanos / 1e6, point.value));
            series[key]->replace(points);
        }
        y->setRange(0, 100);
        x->setRange(QDateTime::fromMSecsSinceEpoch(kStart / 1'000'000),
                    QDateTime::fromMSecsSinceEpoch((kStart + kPoints * kSecond) / 1'000'000));
        if (paint)
            benchmark::DoNotOptimize(view.grab());
    }
    state.SetLabel(paint ? "all points: build + replace + paint" : "all points: build + replace");
}
BENCHMARK(EveryPointRefresh)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
