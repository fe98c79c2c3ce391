#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QString>
#include <QVector>

namespace isolens {
struct HostProcess;
struct HostSnapshot;
} // namespace isolens

// Which container a host process belongs to, for the process list.
struct ContainerProcessTag {
    QString mode;      // "process", "runc"
    QString container; // the container's name
    QColor color;
};

// The host's processes as a table: PID, name, CPU %, memory, owner, and what the process is to
// IsoLens (a container's process, a VM worker). Updated in place by PID, so sorting, selection and
// scrolling survive each refresh. Sort with Qt::UserRole (the raw number, not the formatted text).
class HostProcessModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Pid, Name, Cpu, Memory, Owner, Role, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;
    static constexpr int MarkedRole = Qt::UserRole + 1; // true for container processes and VM workers

    using QAbstractTableModel::QAbstractTableModel;

    void update(const isolens::HostSnapshot& snapshot, const QHash<int, ContainerProcessTag>& containers);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        int pid = 0;
        QString name;
        QString path;
        double cpu = -1.0;  // -1: not known (first sample, or not readable)
        qint64 memory = -1; // -1: not readable
        QString owner;
        QString role;
        QColor mark;
        bool marked = false;
    };
    static Row rowFor(const isolens::HostProcess& process, const QHash<int, ContainerProcessTag>& containers);
    QVector<Row> rows_;
};
