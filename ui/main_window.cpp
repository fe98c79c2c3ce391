#include "main_window.hpp"

#include "engine_probe.hpp"
#include "engine_status_view.hpp"

#include "isolens/core/endpoint_resolver.hpp"
#include "isolens/core/engine_facts.hpp"
#include "isolens/core/version.hpp"

#include <QAction>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

MainWindow::MainWindow(const isolens::EndpointRequest& endpoint, QWidget* parent)
    : QMainWindow(parent)
    , status_(new EngineStatusView(this))
    , probe_(new EngineProbe(endpoint, this))
{
    setWindowTitle(tr("IsoLens \u2014 Hyper-V vs process isolation"));
    setCentralWidget(status_);
    resize(900, 600);

    auto* engineMenu = menuBar()->addMenu(tr("&Engine"));
    auto* reconnectAction = engineMenu->addAction(tr("&Reconnect"), this, &MainWindow::reconnect);
    reconnectAction->setShortcut(QKeySequence::Refresh);
    engineMenu->addSeparator();
    auto* quitAction = engineMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quitAction->setShortcut(QKeySequence::Quit);
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About IsoLens"), this, &MainWindow::showAbout);

    connect(status_, &EngineStatusView::retryRequested, this, &MainWindow::reconnect);
    connect(probe_, &EngineProbe::probing, status_, &EngineStatusView::showProbing);
    connect(probe_, &EngineProbe::factsReady, this,
            [this](const QString& where, const isolens::EngineFacts& facts, const QStringList& warnings) {
                status_->showFacts(where, facts, warnings);
                statusBar()->showMessage(tr("Connected to %1").arg(where));
            });
    connect(probe_, &EngineProbe::probeFailed, this,
            [this](const QString& where, const isolens::Error& error) {
                status_->showFailure(where, error);
                statusBar()->showMessage(tr("No engine at %1").arg(where));
            });
    reconnect();
}

void MainWindow::reconnect()
{
    probe_->start();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About IsoLens"),
                       tr("<h3>IsoLens %1</h3><p>What does Hyper-V isolation cost compared with process "
                          "isolation?</p><p>Built with Qt %2 (running on %3).</p>")
                           .arg(QString::fromLatin1(isolens::kIsoLensVersion), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion())));
}
