#pragma once

#include <QWidget>

class HostProcessModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// The host's process list: sortable, filtered by any column's text, optionally only the processes
// IsoLens knows (a process-isolated container's processes, VM workers), which are highlighted.
class ProcessView : public QWidget {
    Q_OBJECT
public:
    explicit ProcessView(QWidget* parent = nullptr);

    HostProcessModel* model() const { return model_; }
    QSortFilterProxyModel* proxy() const { return proxy_; }
    QTableView* table() const { return table_; }
    void setFilterText(const QString& text);
    void setOnlyMarked(bool only);
    // A line above the list, e.g. why it is empty during a replay; hidden when empty.
    void setNote(const QString& note);
    QString note() const;

private:
    HostProcessModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filter_;
    QCheckBox* onlyMarked_;
    QTableView* table_;
    QLabel* note_;
};
