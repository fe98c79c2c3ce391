#pragma once

#include <QMainWindow>

namespace isolens {
struct EndpointRequest;
} // namespace isolens

class EngineProbe;
class EngineStatusView;

// The dashboard's window. For now: the engine's state (facts, or the no-engine banner with Retry).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(const isolens::EndpointRequest& endpoint, QWidget* parent = nullptr);

    EngineStatusView* engineStatus() const { return status_; }
    EngineProbe* engineProbe() const { return probe_; }

public slots:
    void reconnect();
    void showAbout();

private:
    EngineStatusView* status_;
    EngineProbe* probe_;
};
