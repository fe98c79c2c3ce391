#include "batch_results_table.hpp"

#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/report/report_table.hpp"

#include <QHeaderView>
#include <QStringList>
#include <QTableWidget>

using namespace isolens;

namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

void setCell(QTableWidget& view, int row, int column, const QString& content, Qt::Alignment alignment)
{
    auto* item = new QTableWidgetItem(content);
    item->setFlags(item->flags() & ~Qt::ItemIsEditable);
    item->setTextAlignment(alignment | Qt::AlignVCenter);
    view.setItem(row, column, item);
}

// "failed: no such image — Check the image name…"; the outcome only when a run failed.
QString whyNotMeasured(const BatchRow& row, const std::string& reason, const std::string& hint)
{
    auto why = text(reason);
    if (const auto* failure = row.firstFailure())
        why = text(std::string(runOutcomeName(failure->outcome))) + QStringLiteral(": ") + why;
    if (!hint.empty())
        why += QStringLiteral(" \u2014 ") + text(hint);
    return why;
}

} // namespace

void showBatchTable(QTableWidget& view, const BatchTable& table)
{
    const auto report = reportTable(table);
    const int columns = static_cast<int>(report.header.size());
    const int runsColumn = columns - 1; // the report's last column
    view.clear();
    view.clearSpans();
    view.setColumnCount(columns);
    QStringList header;
    for (const auto& name : report.header)
        header << text(name);
    view.setHorizontalHeaderLabels(header);
    view.setRowCount(static_cast<int>(report.rows.size()));
    for (int r = 0; r < static_cast<int>(report.rows.size()); ++r) {
        const auto& cells = report.rows[static_cast<std::size_t>(r)];
        const auto& row = table.rows[static_cast<std::size_t>(r)];
        for (int c = 0; c < columns; ++c)
            setCell(view, r, c, text(cells.cells[static_cast<std::size_t>(c)].text()),
                    c == 0 ? Qt::AlignLeft : Qt::AlignRight);
        if (!cells.measured) {
            const auto why = whyNotMeasured(row, cells.reason, cells.hint);
            setCell(view, r, 1, why, Qt::AlignLeft);
            view.setSpan(r, 1, 1, runsColumn - 1);
            view.item(r, runsColumn)->setToolTip(why);
        } else if (const auto* failure = row.firstFailure()) { // some runs measured, some not
            view.item(r, runsColumn)->setToolTip(whyNotMeasured(row, failure->reason, failure->hint));
        }
    }
    view.horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
}
