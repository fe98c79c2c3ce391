#pragma once

#include <QWidget>

class ComparisonPanel;
class DashboardController;
class HostPanel;
class LauncherPanel;
class ProcessView;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class SeriesChart;
class StacksView;
class SummaryView;
class TimeWindowBar;

// The dashboard: the engine bar on top, the launcher on the left, and tabs for the side-by-side
// comparison, the host, its processes and the summary. refresh() redraws everything from the
// controller's series store once per tick.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(DashboardController* controller, QWidget* parent = nullptr);

    void refresh();
    void setEngineSummary(const QString& text, const QString& details, bool connected);
    void setSessionCaption(const QString& text);
    QString sessionCaption() const;
    void setCpuMetricIndex(int index);
    int cpuMetricIndex() const;
    void setOverlay(bool overlay);
    bool isOverlay() const;

    LauncherPanel* launcher() const { return launcher_; }
    ComparisonPanel* comparison() const { return comparison_; }
    HostPanel* host() const { return host_; }
    ProcessView* processes() const { return processes_; }
    SummaryView* summary() const { return summary_; }
    StacksView* stacks() const { return stacks_; }
    // The Stacks tab in front, and whether it is.
    void showStacks();
    bool showsStacks() const;
    TimeWindowBar* timeBar() const { return timeBar_; }
    QTabWidget* tabs() const { return tabs_; }
    QList<SeriesChart*> allCharts() const;
    QString engineSummary() const;

signals:
    void reconnectRequested();
    void exportChartRequested(SeriesChart* chart);

private:
    DashboardController* controller_;
    QLabel* engine_;
    QPushButton* reconnect_;
    QLabel* session_;
    LauncherPanel* launcher_;
    TimeWindowBar* timeBar_;
    QComboBox* cpuMetric_;
    QCheckBox* overlay_;
    ComparisonPanel* comparison_;
    HostPanel* host_;
    ProcessView* processes_;
    SummaryView* summary_;
    StacksView* stacks_;
    QScrollArea* stacksTab_ = nullptr; // holds stacks_
    QTabWidget* tabs_;
};
