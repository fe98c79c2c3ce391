#include "report_export.hpp"

#include "dashboard_colors.hpp"
#include "path_text.hpp"
#include "png_export.hpp"
#include "series_chart.hpp"

#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/platform/system_text.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/report/markdown_report.hpp"
#include "isolens/core/report/report_file.hpp"
#include "isolens/core/series/series_store.hpp"

#include <QBuffer>
#include <QImage>
#include <QObject>

#include <algorithm>
#include <array>
#include <memory>

using namespace isolens;

namespace {

// The size of the core's SVG charts, so both Markdown reports look alike.
constexpr int kChartWidth = 640;
constexpr int kChartHeight = 240;

QString describe(const Error& error)
{
    return QString::fromStdString(error.describe());
}

std::string pngBytes(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toStdString();
}

// Side A's and side B's chart of one metric, on one value axis, as PNGs.
std::array<std::string, 2> chartPair(const SeriesStore& store, const std::array<std::string, 2>& labels,
                                     Metric metric, ChartUnit unit, const QString& what,
                                     std::int64_t firstNanos, std::int64_t lastNanos)
{
    std::array<std::unique_ptr<SeriesChart>, 2> charts;
    double top = 0.0;
    for (std::size_t side = 0; side < 2; ++side) {
        const auto label = QString::fromStdString(labels[side]);
        charts[side] = std::make_unique<SeriesChart>(label + QStringLiteral(": ") + what, metric, unit);
        charts[side]->resize(kChartWidth, kChartHeight);
        charts[side]->setLines({{label, label, colors::mode(static_cast<int>(side))}});
        top = std::max(top, charts[side]->collect(store, firstNanos, lastNanos, charts[side]->bucketCount()));
    }
    std::array<std::string, 2> pngs;
    for (std::size_t side = 0; side < 2; ++side) {
        charts[side]->draw(top);
        pngs[side] = pngBytes(renderWidget(charts[side].get(), {}, 1.0));
    }
    return pngs;
}

Result<std::vector<NewFile>> markdownFiles(const BatchTable& table, const ReportContext& context,
                                           const std::filesystem::path& file)
{
    auto document = reportDocument(table, context);
    if (!document)
        return document.error();
    const auto names = chartFileNames(document.value(), utf8FromPath(file.stem()), "png");
    std::vector<NewFile> files{{file, markdownReport(document.value(), names)}};
    std::size_t index = 0;
    for (const auto& row : table.rows) {
        for (const auto& run : row.runs) {
            if (run.outcome != RunOutcome::Measured || run.recording.empty())
                continue;
            SeriesStore store;
            if (auto replayed = replayFile(run.recording, store); !replayed)
                return replayed.error();
            const auto span = store.timeSpan().value_or(std::pair<std::int64_t, std::int64_t>{0, 0});
            const auto last = span.second + 1'000'000; // one millisecond past the data
            const auto cpu = chartPair(store, table.labels, Metric::CpuPercent, ChartUnit::Percent,
                                       QObject::tr("CPU %"), span.first, last);
            const auto memory = chartPair(store, table.labels, Metric::MemoryBytes, ChartUnit::Bytes,
                                          QObject::tr("memory"), span.first, last);
            const auto& named = names.at(index++);
            for (std::size_t side = 0; side < 2; ++side) {
                files.push_back({file.parent_path() / pathFromUtf8(named.cpu[side]), cpu[side]});
                files.push_back({file.parent_path() / pathFromUtf8(named.memory[side]), memory[side]});
            }
        }
    }
    return files;
}

} // namespace

QString exportTableReport(const BatchTable& table, const QString& path)
{
    const auto file = pathFromQString(path);
    auto format = reportFormatFor(file);
    if (!format)
        return describe(format.error());
    ReportContext context;
    context.madeBy = "isolens dashboard";
    if (format.value() == ReportFormat::Html) {
        if (auto written = writeReport(table, context, file); !written)
            return describe(written.error());
        return {};
    }
    auto files = markdownFiles(table, context, file);
    if (!files)
        return describe(files.error());
    if (auto written = writeNewFiles(files.value()); !written)
        return describe(written.error());
    return {};
}

QString exportSessionReport(const QString& recordingPath, const QString& path)
{
    if (recordingPath.isEmpty())
        return QObject::tr("Nothing recorded yet: start a pair, or open a recording, then export its report");
    if (auto format = reportFormatFor(pathFromQString(path)); !format)
        return describe(format.error());
    auto table = tableFromRecordings({pathFromQString(recordingPath)});
    if (!table)
        return describe(table.error());
    return exportTableReport(table.value(), path);
}
