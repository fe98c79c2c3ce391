#pragma once

#include <QMainWindow>

#include <memory>
#include <optional>

#include <QStringList>

namespace isolens {
class EngineClient;
struct EndpointRequest;
struct EngineFacts;
struct Error;
} // namespace isolens
Q_MOC_INCLUDE("isolens/core/engine/engine_facts.hpp")

class BatchDialog;
class DashboardController;
class DashboardView;
class EngineProbe;
class EngineStatusView;
class QStackedWidget;
class QTimer;
class SamplingStatus;
class SeriesChart;
struct StartOnConnect;

// The dashboard's window, the shell that wires the rest: the no-engine banner or the dashboard, menus
// with shortcuts for the main actions, the status bar (SamplingStatus), the engine's state as the probe
// reports it (engine_presentation), the host notes (host_notes), exports (dashboard_exports) and the
// user's layout and last choices remembered between runs (window_settings).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const isolens::EndpointRequest& endpoint, QWidget* parent = nullptr);
    ~MainWindow() override;

    EngineStatusView* engineStatus() const { return status_; }
    EngineProbe* engineProbe() const { return probe_; }
    DashboardController* controller() const { return controller_; }
    DashboardView* dashboard() const { return dashboard_; }
    // Session → Compare several images… (made when first asked for).
    BatchDialog* batchDialog();
    bool isShowingDashboard() const;
    QString statusText() const;

    // Each returns "" on success, or what went wrong (also shown to the user unless quiet).
    QString openRecording(const QString& path, bool quiet = false);
    QString openSampleRecording(bool quiet = false);
    QString exportDashboardPng(const QString& path, QSize size = {});
    QString exportChartPng(SeriesChart* chart, const QString& path, QSize size = {});
    QString exportCsv(const QString& path);
    // The session's report: FILE.html (self-contained) or FILE.md (with PNG charts beside it).
    QString exportReport(const QString& path);
    // Starts a pair as soon as the engine connects (the command line's --start). modes: two labels, or
    // empty for the first two the engine offers. Problems are reported like a click's would be.
    void startPairOnConnect(const QString& image, const QString& command, const QString& workload,
                            const QStringList& modes);
    // Shows a tab by name (compare, host, processes, summary, stacks); false for another name.
    bool showView(const QString& name);

public slots:
    void reconnect();
    void showAbout();
    void startPair();
    void stopPair();
    void refresh(); // once per tick

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void connectController();
    void onEngineReady(const QString& where, const isolens::EngineFacts& facts, const QStringList& warnings,
                       std::shared_ptr<isolens::EngineClient> client);
    void onEngineFailed(const QString& where, const isolens::Error& error);
    void askForRecording();
    void askForDashboardPng();
    void askForChartPng(SeriesChart* chart);
    void askForCsv();
    void askToSaveRecording();
    // Windows: recordings of earlier versions, in the roaming profile, move to the local one.
    void moveEarlierRecordings();
    void requestPreflight(const QString& image);
    // The message (HTML) in the status bar as text for 15 s; report() also shows it in a message box.
    void showInStatusBar(const QString& message);
    void report(const QString& message);

    DashboardController* controller_;
    EngineStatusView* status_;
    EngineProbe* probe_;
    DashboardView* dashboard_;
    QStackedWidget* pages_;
    std::unique_ptr<SamplingStatus> sampling_;
    QTimer* tick_;
    std::unique_ptr<StartOnConnect> pendingStart_; // --start, until the engine connects
    BatchDialog* batchDialog_ = nullptr;
};
