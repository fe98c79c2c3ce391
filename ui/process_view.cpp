#include "process_view.hpp"

#include "host_process_model.hpp"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace {

// Text filter on every column, and optionally only the rows the model marks.
class ProcessFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setOnlyMarked(bool only)
    {
        onlyMarked_ = only;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        if (onlyMarked_ && !sourceModel()->index(row, 0, parent).data(HostProcessModel::MarkedRole).toBool())
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }

private:
    bool onlyMarked_ = false;
};

} // namespace

ProcessView::ProcessView(QWidget* parent)
    : QWidget(parent)
    , model_(new HostProcessModel(this))
    , proxy_(new ProcessFilter(this))
    , filter_(new QLineEdit(this))
    , onlyMarked_(new QCheckBox(tr("Only containers' processes and VM workers"), this))
    , table_(new QTableView(this))
    , note_(new QLabel(this))
{
    note_->setWordWrap(true);
    note_->setObjectName(QStringLiteral("processNote"));
    note_->hide();
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(HostProcessModel::SortRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setDynamicSortFilter(true);
    filter_->setPlaceholderText(tr("Filter processes (name, PID, owner\u2026)"));
    filter_->setClearButtonEnabled(true);
    filter_->setObjectName(QStringLiteral("processFilter"));
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(HostProcessModel::Cpu, Qt::DescendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);

    auto* bar = new QHBoxLayout;
    bar->addWidget(filter_, 1);
    bar->addWidget(onlyMarked_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(note_);
    layout->addLayout(bar);
    layout->addWidget(table_);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(onlyMarked_, &QCheckBox::toggled, this, &ProcessView::setOnlyMarked);
}

void ProcessView::setFilterText(const QString& text)
{
    filter_->setText(text);
}

void ProcessView::setOnlyMarked(bool only)
{
    if (onlyMarked_->isChecked() != only)
        onlyMarked_->setChecked(only);
    static_cast<ProcessFilter*>(proxy_)->setOnlyMarked(only);
}

void ProcessView::setNote(const QString& note)
{
    note_->setText(note);
    note_->setVisible(!note.isEmpty());
}

QString ProcessView::note() const
{
    return note_->text();
}
