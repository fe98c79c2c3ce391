#include "host_process_model.hpp"

#include "dashboard_colors.hpp"

#include "isolens/core/base/units.hpp"
#include "isolens/core/host/host_metrics.hpp"

#include <QBrush>

#include <unordered_map>

using namespace isolens;

HostProcessModel::Row HostProcessModel::rowFor(const HostProcess& process,
                                               const QHash<int, ContainerProcessTag>& containers)
{
    Row row;
    row.pid = process.pid;
    row.name = QString::fromStdString(process.name);
    row.path = QString::fromStdString(process.imagePath);
    row.cpu = process.cpuPercent.value_or(-1.0);
    row.memory = process.workingSetBytes.value_or(-1);
    row.owner = QString::fromStdString(process.owner);
    if (auto it = containers.find(process.pid); it != containers.end()) {
        row.role = tr("container process: %1 (%2)").arg(it->mode, it->container);
        row.mark = it->color;
        row.marked = true;
    } else if (process.vmWorker) {
        row.role = tr("VM worker");
        row.mark = colors::vmWorkers();
        row.marked = true;
    }
    return row;
}

void HostProcessModel::update(const HostSnapshot& snapshot, const QHash<int, ContainerProcessTag>& containers)
{
    std::unordered_map<int, const HostProcess*> fresh;
    for (const auto& process : snapshot.processes)
        fresh.emplace(process.pid, &process);

    // Gone processes leave (in runs of rows, from the end so indexes stay valid).
    for (int i = static_cast<int>(rows_.size()) - 1; i >= 0;) {
        if (fresh.count(rows_[i].pid)) {
            --i;
            continue;
        }
        int first = i;
        while (first > 0 && !fresh.count(rows_[first - 1].pid))
            --first;
        beginRemoveRows({}, first, i);
        rows_.remove(first, i - first + 1);
        endRemoveRows();
        i = first - 1;
    }
    // Known processes change in place.
    for (int i = 0; i < rows_.size(); ++i) {
        auto it = fresh.find(rows_[i].pid);
        rows_[i] = rowFor(*it->second, containers);
        fresh.erase(it);
    }
    if (!rows_.isEmpty())
        emit dataChanged(index(0, 0), index(static_cast<int>(rows_.size()) - 1, ColumnCount - 1));
    // New ones are added at the end, in the snapshot's order.
    QVector<Row> added;
    for (const auto& process : snapshot.processes)
        if (fresh.count(process.pid))
            added.push_back(rowFor(process, containers));
    if (!added.isEmpty()) {
        beginInsertRows({}, static_cast<int>(rows_.size()),
                        static_cast<int>(rows_.size() + added.size()) - 1);
        rows_ += added;
        endInsertRows();
    }
}

int HostProcessModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int HostProcessModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HostProcessModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = rows_[index.row()];
    const auto column = static_cast<Column>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Pid:
            return row.pid;
        case Name:
            return row.name;
        case Cpu:
            return row.cpu < 0 ? QStringLiteral("--") : QStringLiteral("%1%").arg(row.cpu, 0, 'f', 1);
        case Memory:
            return row.memory < 0 ? QStringLiteral("--") : QString::fromStdString(formatBytes(row.memory));
        case Owner:
            return row.owner;
        case Role:
            return row.role;
        case ColumnCount:
            break;
        }
        break;
    case SortRole:
        switch (column) {
        case Pid:
            return row.pid;
        case Cpu:
            return row.cpu;
        case Memory:
            return row.memory;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case MarkedRole:
        return row.marked;
    case Qt::BackgroundRole:
        if (row.marked) {
            QColor tint = row.mark;
            tint.setAlpha(60);
            return QBrush(tint);
        }
        break;
    case Qt::ToolTipRole:
        if (!row.path.isEmpty())
            return row.path;
        break;
    case Qt::TextAlignmentRole:
        if (column == Pid || column == Cpu || column == Memory)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant HostProcessModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Pid:
        return tr("PID");
    case Name:
        return tr("Name");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case Owner:
        return tr("Owner");
    case Role:
        return tr("What it is");
    default:
        return {};
    }
}
