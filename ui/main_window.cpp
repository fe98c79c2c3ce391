#include "main_window.hpp"

#include "batch_dialog.hpp"
#include "batch_queue.hpp"
#include "comparison_panel.hpp"
#include "dashboard_controller.hpp"
#include "dashboard_exports.hpp"
#include "dashboard_view.hpp"
#include "engine_presentation.hpp"
#include "engine_probe.hpp"
#include "engine_status_view.hpp"
#include "host_notes.hpp"
#include "launcher_panel.hpp"
#include "png_export.hpp"
#include "recording_folder.hpp"
#include "report_export.hpp"
#include "sample_recording.hpp"
#include "sampling_status.hpp"
#include "series_chart.hpp"
#include "session_caption.hpp"
#include "stack_controller.hpp"
#include "stacks_view.hpp"
#include "time_window_bar.hpp"
#include "window_settings.hpp"
#include "window_size.hpp"

#include "isolens/core/base/licence.hpp"
#include "isolens/core/base/version.hpp"
#include "isolens/core/engine/command_line.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/session/pair_session.hpp"
#include "isolens/core/session/preflight.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

using namespace isolens;

MainWindow::MainWindow(const EndpointRequest& endpoint, QWidget* parent)
    : QMainWindow(parent)
    , controller_(new DashboardController(this))
    , status_(new EngineStatusView(this))
    , probe_(new EngineProbe(endpoint, this))
    , dashboard_(new DashboardView(controller_, this))
    , pages_(new QStackedWidget(this))
    , sampling_(std::make_unique<SamplingStatus>(statusBar()))
    , tick_(new QTimer(this))
{
    setWindowTitle(tr("IsoLens \u2014 Hyper-V vs process isolation"));
    setWindowIcon(QIcon(QStringLiteral(":/isolens/isolens.png")));
    pages_->addWidget(status_);
    pages_->addWidget(dashboard_);
    setCentralWidget(pages_);
    resize(initialWindowSize({1280, 800}, screen() ? screen()->availableSize() : QSize()));
    buildMenus();
    connectController();

    connect(status_, &EngineStatusView::retryRequested, this, &MainWindow::reconnect);
    connect(status_, &EngineStatusView::openRecordingRequested, this, &MainWindow::askForRecording);
    connect(status_, &EngineStatusView::openSampleRequested, this, [this] { openSampleRecording(); });
    connect(dashboard_, &DashboardView::reconnectRequested, this, &MainWindow::reconnect);
    connect(dashboard_, &DashboardView::exportChartRequested, this, &MainWindow::askForChartPng);
    connect(probe_, &EngineProbe::probing, this, [this](const QString& where) {
        status_->showProbing(where);
        statusBar()->showMessage(tr("Connecting to the engine\u2026"));
    });
    connect(probe_, &EngineProbe::factsReady, this, &MainWindow::onEngineReady);
    connect(probe_, &EngineProbe::probeFailed, this, &MainWindow::onEngineFailed);

    auto* launcher = dashboard_->launcher();
    connect(launcher, &LauncherPanel::startRequested, this, &MainWindow::startPair);
    connect(launcher, &LauncherPanel::stopRequested, this, &MainWindow::stopPair);
    connect(launcher, &LauncherPanel::cancelPullRequested, controller_, &DashboardController::cancelPull);
    connect(launcher, &LauncherPanel::removeLeftoversRequested, controller_,
            &DashboardController::removeLeftovers);
    connect(launcher, &LauncherPanel::imageChosen, this, &MainWindow::requestPreflight);

    tick_->setInterval(1000);
    connect(tick_, &QTimer::timeout, this, &MainWindow::refresh);
    tick_->start();
    restoreWindowSettings(*this, *dashboard_);
    moveEarlierRecordings();
    reconnect();
}

void MainWindow::moveEarlierRecordings()
{
    const QString from = earlierRecordingFolder();
    const QString to = defaultRecordingFolder();
    const auto moved = moveRecordings(from, to);
    if (!moved.failed.isEmpty())
        statusBar()->showMessage(
            tr("Recordings left in %1: %2").arg(QDir::toNativeSeparators(from), moved.failed.join(u"; ")),
            30000);
    else if (moved.moved > 0)
        statusBar()->showMessage(
            tr("%n recording(s) moved to %1", nullptr, moved.moved).arg(QDir::toNativeSeparators(to)), 15000);
}

MainWindow::~MainWindow()
{
    saveWindowSettings(*this, *dashboard_, controller_->isReplay());
}

void MainWindow::buildMenus()
{
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open recording\u2026"), QKeySequence::Open, this, &MainWindow::askForRecording);
    file->addAction(tr("Open the &sample recording"), this, [this] { openSampleRecording(); });
    file->addAction(tr("&Save recording as\u2026"), QKeySequence::Save, this,
                    &MainWindow::askToSaveRecording);
    file->addSeparator();
    file->addAction(tr("Export dashboard as &PNG\u2026"), QKeySequence(tr("Ctrl+E")), this,
                    &MainWindow::askForDashboardPng);
    file->addAction(tr("Export data as &CSV\u2026"), QKeySequence(tr("Ctrl+Shift+E")), this,
                    &MainWindow::askForCsv);
    file->addAction(tr("Export &report\u2026"), this, [this] {
        if (controller_->recordingPath().isEmpty()) {
            report(tr("Nothing recorded yet: start a pair, or open a recording, then export its report"));
            return;
        }
        const auto path = askReportPath(this, tr("Export report"), QStringLiteral("isolens-report.html"));
        if (path.isEmpty())
            return;
        if (const auto error = exportReport(path); !error.isEmpty())
            report(error);
        else
            statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* session = menuBar()->addMenu(tr("&Session"));
    session->addAction(tr("&Start pair"), QKeySequence(tr("Ctrl+Return")), this, &MainWindow::startPair);
    session->addAction(tr("S&top pair"), QKeySequence(tr("Ctrl+.")), this, &MainWindow::stopPair);
    session->addAction(tr("&Remove leftover containers"), controller_, &DashboardController::removeLeftovers);
    session->addAction(tr("&Compare several images\u2026"), this, [this] { batchDialog()->showPrefilled(); });
    session->addAction(tr("Compare two st&acks\u2026"), this, [this] {
        dashboard_->showStacks();
        dashboard_->stacks()->focusFields();
    });

    auto* view = menuBar()->addMenu(tr("&View"));
    auto* overlay = view->addAction(tr("&Overlay both modes"), QKeySequence(tr("Ctrl+L")), this,
                                    [this] { dashboard_->setOverlay(!dashboard_->isOverlay()); });
    (void)overlay;
    for (int tab = 0; tab < 4; ++tab)
        view->addAction(dashboard_->tabs()->tabText(tab).remove(QLatin1Char('&')),
                        QKeySequence(QStringLiteral("Alt+%1").arg(tab + 1)), this,
                        [this, tab] { dashboard_->tabs()->setCurrentIndex(tab); });

    auto* engine = menuBar()->addMenu(tr("&Engine"));
    engine->addAction(tr("&Reconnect"), QKeySequence::Refresh, this, &MainWindow::reconnect);
    menuBar()->addMenu(tr("&Help"))->addAction(tr("&About IsoLens"), this, &MainWindow::showAbout);
}

void MainWindow::connectController()
{
    auto* launcher = dashboard_->launcher();
    connect(controller_, &DashboardController::imagesListed, launcher, &LauncherPanel::setImages);
    connect(controller_, &DashboardController::pullProgress, launcher, &LauncherPanel::setPullProgress);
    connect(controller_, &DashboardController::pullFinished, launcher, &LauncherPanel::hidePullProgress);
    connect(controller_, &DashboardController::pairStarting, launcher, &LauncherPanel::setBusy);
    connect(controller_, &DashboardController::pairStarting, this,
            [this](const QString& what) { statusBar()->showMessage(what); });
    connect(controller_, &DashboardController::storeReplaced, this, [this] {
        sampling_->reset();
        dashboard_->comparison()->setNotes({}, {});
        refresh();
    });
    connect(controller_, &DashboardController::containerExited, this,
            [this](const QString& mode, const QString& summary, const QString& details) {
                sampling_->onContainerExited(controller_->modeKeys(), mode, summary, details);
                dashboard_->comparison()->setNotes(sampling_->exitDetails(), sampling_->exitDetails());
                statusBar()->showMessage(tr("%1: the container %2").arg(mode, summary), 15000);
                if (!controller_->isReplay())
                    report(
                        tr("<p><b>%1: the container %2.</b></p><pre>%3</pre><p><b>What to do:</b> give the "
                           "pair a command that keeps running (for example <code>sh -c 'while true; do "
                           "sleep 1; done'</code>, or <code>ping -t localhost</code> on Windows), then "
                           "Stop and Start pair again. What was measured stays in the recording.</p>")
                            .arg(mode.toHtmlEscaped(), summary.toHtmlEscaped(), details.toHtmlEscaped()));
                refresh();
            });
    connect(controller_, &DashboardController::pairStarted, this, [this] {
        dashboard_->launcher()->setRunning(true);
        dashboard_->launcher()->hidePullProgress();
        statusBar()->showMessage(
            tr("Pair running: %1 | %2").arg(controller_->modeKeys()[0], controller_->modeKeys()[1]), 5000);
        refresh();
    });
    connect(controller_, &DashboardController::pairFailed, this,
            [this](const QString& message, const QString& hint) {
                dashboard_->launcher()->setRunning(false);
                dashboard_->launcher()->hidePullProgress();
                const auto text =
                    tr("<p><b>The pair did not start.</b></p><p>%1</p><p><b>What to do:</b> %2</p>")
                        .arg(message.toHtmlEscaped(), hint.toHtmlEscaped());
                // A batch shows each run's failure in its own dialog and goes on: no message box to close per
                // run.
                if (batchDialog_ && batchDialog_->queue()->isActive())
                    statusBar()->showMessage(
                        QString(text).remove(QRegularExpression(QStringLiteral("<[^>]*>"))), 15000);
                else
                    report(text);
            });
    connect(controller_, &DashboardController::recordingFailed, this,
            [this](const QString& message, const QString& hint) {
                report(tr("<p><b>The recording could not be written.</b></p><p>%1</p><p><b>What to do:</b> "
                          "%2</p>")
                           .arg(message.toHtmlEscaped(), hint.toHtmlEscaped()));
                refresh();
            });
    connect(controller_, &DashboardController::pairStopped, this, [this] {
        dashboard_->launcher()->setRunning(false);
        statusBar()->showMessage(tr("Pair stopped; its recording is %1").arg(controller_->recordingPath()));
        controller_->listImages();
        refresh();
    });
    connect(
        controller_, &DashboardController::sessionEvent, this,
        [this](const QString& mode, EventKind kind, const QString& detail) {
            sampling_->onSessionEvent(controller_->modeKeys(), mode, kind, detail);
            if (kind == EventKind::Error)
                statusBar()->showMessage(
                    tr("%1: %2 (%3)").arg(mode, QString::fromStdString(std::string(toString(kind))), detail),
                    10000);
        });
    connect(controller_, &DashboardController::hostSampled, this,
            [this](std::shared_ptr<const HostSnapshot> snapshot, const QHash<int, ContainerProcessTag>& pids,
                   const QString& tax) { showHostSample(*dashboard_, *snapshot, pids, tax); });
    connect(controller_, &DashboardController::preflightReady, this,
            [this](const QString& image, int side, const ModePreflight& preflight) {
                if (image == dashboard_->launcher()->choice().image)
                    dashboard_->launcher()->setPreflight(side, preflight);
            });
    connect(controller_, &DashboardController::leftoversFound, this,
            [this](int count, const QString& detail) {
                dashboard_->launcher()->setLeftovers(count);
                if (count > 0)
                    statusBar()->showMessage(tr("%n container(s) of ended IsoLens sessions are still there: "
                                                "Session \u2192 Remove leftover containers",
                                                nullptr, count),
                                             15000);
                (void)detail;
            });
    connect(controller_, &DashboardController::problem, this, &MainWindow::report);
}

bool MainWindow::isShowingDashboard() const
{
    return pages_->currentWidget() == dashboard_;
}

void MainWindow::reconnect()
{
    probe_->start();
}

void MainWindow::onEngineReady(const QString& where, const EngineFacts& facts, const QStringList& warnings,
                               std::shared_ptr<EngineClient> client)
{
    status_->showFacts(where, facts, warnings);
    const bool onThisMachine = client->endpoint().isOnThisMachine();
    dashboard_->stacks()->controller()->setEngine(client, facts.info);
    controller_->setEngine(std::move(client), facts.info);
    showEngineLocation(*dashboard_, where, onThisMachine);
    showEngineFacts(*dashboard_, where, facts, status_->factsText());
    for (const auto& warning : warnings)
        statusBar()->showMessage(warning, 15000);
    pages_->setCurrentWidget(dashboard_);
    statusBar()->showMessage(tr("Connected to %1").arg(where), 5000);
    controller_->listImages();
    controller_->findLeftovers();
    requestPreflight(dashboard_->launcher()->choice().image);
    refresh();
    if (pendingStart_ && !controller_->isRunning() && !controller_->isBusy()) {
        const auto start = std::exchange(pendingStart_, nullptr);
        PairChoice choice;
        if (const auto problem = choiceForStart(*start, facts, choice); !problem.isEmpty()) {
            report(problem);
            return;
        }
        dashboard_->launcher()->setChoice(choice);
        startPair();
    }
}

void MainWindow::onEngineFailed(const QString& where, const Error& error)
{
    status_->showFailure(where, error);
    controller_->clearEngine();
    dashboard_->stacks()->controller()->clearEngine();
    showNoEngine(*dashboard_, where, error, status_->bannerText());
    // A replay stays on screen; otherwise the banner says what was tried and what to do.
    if (!controller_->isReplay() && !controller_->isRunning())
        pages_->setCurrentWidget(status_);
    statusBar()->showMessage(tr("No engine at %1").arg(where));
}

void MainWindow::requestPreflight(const QString& image)
{
    auto* launcher = dashboard_->launcher();
    const auto choice = launcher->choice();
    const auto* a = launcher->mode(choice.modeIndexes[0]);
    const auto* b = launcher->mode(choice.modeIndexes[1]);
    if (!controller_->hasEngine() || !a || !b || image.isEmpty())
        return;
    for (int side = 0; side < 2; ++side)
        launcher->setPreflight(side, ModePreflight{}); // checking
    controller_->preflight(image, {*a, *b});
}

void MainWindow::startPair()
{
    auto* launcher = dashboard_->launcher();
    if (const auto problem = launcher->inputProblem(); !problem.isEmpty()) {
        statusBar()->showMessage(problem, 8000);
        return;
    }
    const auto choice = launcher->choice();
    PairRequest request;
    request.image = choice.image.toStdString();
    // The launcher has checked both (inputProblem), under the same rules.
    request.command = parseCommandLine(choice.command.toStdString(), launcher->commandSyntax()).value();
    request.workload = parseCommandLine(choice.workload.toStdString(), launcher->commandSyntax()).value();
    request.modes = {*launcher->mode(choice.modeIndexes[0]), *launcher->mode(choice.modeIndexes[1])};
    if (choice.hardened)
        request.hardening = fullHardening();
    controller_->startPair(request);
    dashboard_->tabs()->setCurrentIndex(0);
}

BatchDialog* MainWindow::batchDialog()
{
    if (!batchDialog_)
        batchDialog_ = new BatchDialog(controller_, dashboard_->launcher(), this);
    return batchDialog_;
}

void MainWindow::stopPair()
{
    controller_->stopPair();
}

void MainWindow::refresh()
{
    dashboard_->refresh();
    sampling_->update(*controller_);
    dashboard_->setSessionCaption(sessionCaption(*controller_, *sampling_));
}

QString MainWindow::statusText() const
{
    return sampling_->text();
}

QString MainWindow::openRecording(const QString& path, bool quiet)
{
    const auto error = controller_->openRecording(path);
    if (!error.isEmpty()) {
        if (!quiet)
            report(
                tr("<p><b>Cannot open %1</b></p><p>%2</p>").arg(path.toHtmlEscaped(), error.toHtmlEscaped()));
        return error;
    }
    dashboard_->launcher()->setEnabledForEngine(false);
    // A stacks recording is a pair's to the Compare tab too (its groups are its modes); the Stacks tab
    // shows it with its members.
    if (const auto stacks = dashboard_->stacks()->controller()->openRecording(path); stacks.isStacks)
        dashboard_->showStacks();
    else if (!stacks.error.isEmpty())
        statusBar()->showMessage(tr("The Stacks tab keeps its stacks: %1").arg(stacks.error), 8000);
    showRecordedHostNotes(*dashboard_);
    pages_->setCurrentWidget(dashboard_);
    dashboard_->timeBar()->setWidthIndex(6); // a replay opens on the whole session
    refresh();
    return {};
}

QString MainWindow::openSampleRecording(bool quiet)
{
    const auto sample = sampleRecordingFile();
    if (!sample.error.isEmpty()) {
        if (!quiet)
            report(sample.error);
        return sample.error;
    }
    return openRecording(sample.path, quiet);
}

QString MainWindow::exportDashboardPng(const QString& path, QSize size)
{
    refresh();
    return exportWidgetPng(centralWidget(), path, size);
}

QString MainWindow::exportChartPng(SeriesChart* chart, const QString& path, QSize size)
{
    return exportWidgetPng(chart, path, size);
}

QString MainWindow::exportCsv(const QString& path)
{
    return exportSessionCsv(*controller_, path);
}

QString MainWindow::exportReport(const QString& path)
{
    return exportSessionReport(controller_->recordingPath(), path);
}

void MainWindow::startPairOnConnect(const QString& image, const QString& command, const QString& workload,
                                    const QStringList& modes)
{
    pendingStart_ = std::make_unique<StartOnConnect>(StartOnConnect{image, command, workload, modes});
}

bool MainWindow::showView(const QString& name)
{
    static const QStringList kViews{QStringLiteral("compare"), QStringLiteral("host"),
                                    QStringLiteral("processes"), QStringLiteral("summary"),
                                    QStringLiteral("stacks")};
    const auto index = kViews.indexOf(name.toLower());
    if (index < 0)
        return false;
    dashboard_->tabs()->setCurrentIndex(static_cast<int>(index));
    return true;
}

void MainWindow::askForRecording()
{
    QSettings settings;
    const auto path = QFileDialog::getOpenFileName(
        this, tr("Open recording"),
        settings.value(QStringLiteral("dirs/recordings"), controller_->recordingDirectory()).toString(),
        tr("IsoLens recordings (*.jsonl);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("dirs/recordings"), QFileInfo(path).absolutePath());
    openRecording(path);
}

void MainWindow::askForDashboardPng()
{
    const auto path = askSavePath(this, tr("Export dashboard as PNG"), QStringLiteral("dirs/png"),
                                  QStringLiteral("isolens-dashboard.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const auto native = QStringLiteral("%1x%2")
                            .arg(qRound(centralWidget()->width() * devicePixelRatioF()))
                            .arg(qRound(centralWidget()->height() * devicePixelRatioF()));
    const auto sizeText = QInputDialog::getText(
        this, tr("Image size"), tr("Width x height in pixels (the display's is %1):").arg(native),
        QLineEdit::Normal, native, &ok);
    if (!ok)
        return;
    const auto size = parseImageSize(sizeText);
    if (!size.isValid()) {
        report(tr("\"%1\" is not a size: write it as WIDTHxHEIGHT, e.g. 1920x1080").arg(sizeText));
        return;
    }
    if (const auto error = exportDashboardPng(path, size); !error.isEmpty())
        report(error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::askForChartPng(SeriesChart* chart)
{
    const auto path =
        askSavePath(this, tr("Export chart as PNG"), QStringLiteral("dirs/png"),
                    QStringLiteral("isolens-%1.png").arg(chart->objectName()), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const auto error = exportChartPng(chart, path); !error.isEmpty())
        report(error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::askForCsv()
{
    const auto path = askSavePath(this, tr("Export data as CSV"), QStringLiteral("dirs/csv"),
                                  QStringLiteral("isolens-session.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto error = exportCsv(path); !error.isEmpty())
        report(error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::askToSaveRecording()
{
    if (controller_->recordingPath().isEmpty()) {
        report(tr("Nothing recorded yet: start a pair, or open a recording"));
        return;
    }
    const auto path =
        askSavePath(this, tr("Save recording as"), QStringLiteral("dirs/recordings"),
                    QFileInfo(controller_->recordingPath()).fileName(), tr("IsoLens recordings (*.jsonl)"));
    if (path.isEmpty() ||
        QFileInfo(path).absoluteFilePath() == QFileInfo(controller_->recordingPath()).absoluteFilePath())
        return;
    // The dialog has asked about replacing an existing file; the copy is of what is recorded so far.
    if (const auto error = copyRecording(controller_->recordingPath(), path); !error.isEmpty())
        report(error);
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::showInStatusBar(const QString& message)
{
    statusBar()->showMessage(QString(message).remove(QRegularExpression(QStringLiteral("<[^>]*>"))), 15000);
}

void MainWindow::report(const QString& message)
{
    showInStatusBar(message);
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        return; // nobody can close a dialog there
    QMessageBox::warning(this, tr("IsoLens"), message);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (controller_->isRunning() || controller_->isBusy()) {
        const auto answer =
            QMessageBox::question(this, tr("Stop the pair?"),
                                  tr("A pair is running. Closing IsoLens stops it and removes both "
                                     "containers; the recording is kept "
                                     "at %1.")
                                      .arg(controller_->recordingPath()),
                                  QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Close) {
            event->ignore();
            return;
        }
    }
    saveWindowSettings(*this, *dashboard_, controller_->isReplay());
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About IsoLens"),
                       tr("<h3>IsoLens %1</h3><p>What does Hyper-V isolation cost compared with process "
                          "isolation? One image, two containers, one per mode, watched side by side.</p>"
                          "<p>Built with Qt %2 (running on %3).</p><p>%4</p>")
                           .arg(QString::fromLatin1(isolens::kIsoLensVersion), QStringLiteral(QT_VERSION_STR),
                                QString::fromLatin1(qVersion()),
                                QString::fromUtf8(isolens::kLicenceStatement.data(),
                                                  static_cast<qsizetype>(isolens::kLicenceStatement.size()))
                                    .toHtmlEscaped()
                                    .replace(QLatin1Char('\n'), QStringLiteral("<br>"))));
}
