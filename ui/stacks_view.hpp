#pragma once

#include <QString>
#include <QWidget>

#include <array>

class HostPanel;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class SeriesChart;
class StackController;
class StackMemberModel;

// The Stacks tab: two stacks (the containers with one label's two values, a compose project per isolation
// mode) side by side, each column its summed CPU and memory and its members costliest first, and the host
// beside. Started from its own fields (label, the two values); live or replayed from a stacks recording.
// refresh() redraws from the stack controller's store once per tick.
class StacksView : public QWidget {
    Q_OBJECT
public:
    explicit StacksView(QWidget* parent = nullptr);

    StackController* controller() const { return controller_; }
    StackMemberModel* members(int side) const { return models_[side]; }
    SeriesChart* cpuChart(int side) const { return cpu_[side]; }
    SeriesChart* memoryChart(int side) const { return memory_[side]; }
    HostPanel* host() const { return host_; }
    QString statusText() const;

    // What the fields ask for; the Start button does this.
    void setRequest(const QString& label, const QString& first, const QString& second);
    void start();
    void stop();
    void focusFields();
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void showState();     // on a start, a stop or a new store: lines, buttons and what is shown
    void enableButtons(); // each tick too: the engine may have come or gone

    StackController* controller_;
    QLineEdit* label_;
    std::array<QLineEdit*, 2> values_;
    QPushButton* start_;
    QPushButton* stop_;
    QLabel* status_;
    std::array<QLabel*, 2> captions_;
    std::array<SeriesChart*, 2> cpu_;
    std::array<SeriesChart*, 2> memory_;
    std::array<StackMemberModel*, 2> models_;
    HostPanel* host_;
    std::array<QString, 2> shownGroups_; // the charts' lines
};
