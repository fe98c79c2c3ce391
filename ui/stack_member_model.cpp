#include "stack_member_model.hpp"

#include "isolens/core/base/units.hpp"

#include <cstdint>

StackMemberModel::StackMemberModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void StackMemberModel::setRows(const QVector<Row>& rows)
{
    if (rows.size() == rows_.size()) { // the usual tick: the same members, new figures
        rows_ = rows;
        if (!rows_.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    rows_ = rows;
    endResetModel();
}

int StackMemberModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int StackMemberModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StackMemberModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = rows_[index.row()];
    if (role == SortRole) {
        switch (index.column()) {
        case Name:
            return row.name;
        case Cpu:
            return row.cpuPercent;
        case Memory:
            return row.memoryBytes;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Name ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return row.name;
    case Cpu:
        return QString::number(row.cpuPercent, 'f', 1);
    case Memory:
        return QString::fromStdString(isolens::formatBytes(static_cast<std::int64_t>(row.memoryBytes)));
    }
    return {};
}

QVariant StackMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Member");
    case Cpu:
        return tr("CPU %");
    case Memory:
        return tr("Memory");
    }
    return {};
}
