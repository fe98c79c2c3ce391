#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <QVector>

// The members of one stack as a table: name, CPU % and memory, the costliest first (as
// stackColumnFigures orders them). Replaced whole each tick: a stack has a few dozen members at most.
// Sort with SortRole (the raw number, not the formatted text).
class StackMemberModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Cpu, Memory, ColumnCount };
    static constexpr int SortRole = Qt::UserRole;

    struct Row {
        QString name;
        double cpuPercent = 0.0;
        double memoryBytes = 0.0;
    };

    explicit StackMemberModel(QObject* parent = nullptr);

    // In the order given.
    void setRows(const QVector<Row>& rows);
    const QVector<Row>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<Row> rows_;
};
