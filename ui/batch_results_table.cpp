#include "batch_results_table.hpp"

#include "isolens/core/base/units.hpp"
#include "isolens/core/batch/batch_table.hpp"

#include <QHeaderView>
#include <QTableWidget>

#include <functional>

using namespace isolens;

namespace {

enum Column { Image, MemoryA, MemoryB, Difference, CpuA, CpuB, Runs, ColumnCount };

QString bytes(double value)
{
    return QString::fromStdString(formatBytes(static_cast<std::int64_t>(value)));
}

QString percent(double value)
{
    return QStringLiteral("%1%").arg(value, 0, 'f', 2);
}

// One run: its value; several: the median and the range.
QString spreadText(const std::optional<Spread>& spread, const std::function<QString(double)>& format)
{
    if (!spread)
        return QStringLiteral("--");
    if (spread->count == 1)
        return format(spread->median);
    return QStringLiteral("%1 (%2\u2013%3)")
        .arg(format(spread->median), format(spread->min), format(spread->max));
}

void setCell(QTableWidget& view, int row, int column, const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    if (column != Image)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    view.setItem(row, column, item);
}

QString notMeasured(const BatchRow& row)
{
    const auto* failure = row.firstFailure();
    if (!failure)
        return QObject::tr("not run");
    auto text =
        QStringLiteral("%1: %2").arg(QString::fromStdString(std::string(runOutcomeName(failure->outcome))),
                                     QString::fromStdString(failure->reason));
    if (!failure->hint.empty())
        text += QStringLiteral(" \u2014 ") + QString::fromStdString(failure->hint);
    return text;
}

} // namespace

void showBatchTable(QTableWidget& view, const BatchTable& table)
{
    const auto a = QString::fromStdString(table.labels[0]);
    const auto b = QString::fromStdString(table.labels[1]);
    view.clear();
    view.clearSpans();
    view.setColumnCount(ColumnCount);
    view.setHorizontalHeaderLabels({QObject::tr("Image"), QObject::tr("Memory %1").arg(a),
                                    QObject::tr("Memory %1").arg(b), QObject::tr("Difference"),
                                    QObject::tr("CPU mean %1").arg(a), QObject::tr("CPU mean %1").arg(b),
                                    QObject::tr("Runs")});
    view.setRowCount(static_cast<int>(table.rows.size()));
    for (int r = 0; r < static_cast<int>(table.rows.size()); ++r) {
        const auto& row = table.rows[static_cast<std::size_t>(r)];
        setCell(view, r, Image, QString::fromStdString(row.entry.image));
        setCell(view, r, Runs, QObject::tr("%1 of %2 measured").arg(row.measuredRuns()).arg(row.runs.size()));
        if (row.firstFailure())
            view.item(r, Runs)->setToolTip(notMeasured(row));
        if (row.measuredRuns() == 0) {
            setCell(view, r, MemoryA, notMeasured(row));
            view.setSpan(r, MemoryA, 1, CpuB - MemoryA + 1);
            view.item(r, MemoryA)->setTextAlignment(Qt::AlignLeft | Qt::AlignVCenter);
            continue;
        }
        const auto spread = rowSpread(row);
        setCell(view, r, MemoryA, spreadText(spread.sides[0].memoryMean, bytes));
        setCell(view, r, MemoryB, spreadText(spread.sides[1].memoryMean, bytes));
        setCell(view, r, Difference, spreadText(spread.memoryDifferencePercent, percent));
        setCell(view, r, CpuA, spreadText(spread.sides[0].cpuMean, percent));
        setCell(view, r, CpuB, spreadText(spread.sides[1].cpuMean, percent));
    }
    view.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}
