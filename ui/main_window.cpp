#include "main_window.hpp"

#include "comparison_panel.hpp"
#include "dashboard_controller.hpp"
#include "dashboard_view.hpp"
#include "engine_probe.hpp"
#include "engine_status_view.hpp"
#include "host_panel.hpp"
#include "host_process_model.hpp"
#include "launcher_panel.hpp"
#include "path_text.hpp"
#include "png_export.hpp"
#include "process_view.hpp"
#include "recording_folder.hpp"
#include "series_chart.hpp"
#include "time_window_bar.hpp"
#include "window_size.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/licence.hpp"
#include "isolens/core/base/version.hpp"
#include "isolens/core/engine/command_line.hpp"
#include "isolens/core/engine/engine_facts.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/recording/recording_csv.hpp"
#include "isolens/core/series/sampling_health.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/session/pair_session.hpp"
#include "isolens/core/session/preflight.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"
#include "isolens/core/transport/endpoint_resolver.hpp"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

using namespace isolens;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

// The shipped sample recording as a file the core can read: copied out of the resources into the user's
// own cache folder (not the shared temporary folder), or why not. A resource's copy is read-only, and
// Windows refuses to delete a read-only file, so the previous copy is made writable before it is replaced.
struct SampleFile {
    QString path;
    QString error;
};

SampleFile sampleRecordingFile()
{
    const QString resource = QStringLiteral(":/isolens/sample-recording.jsonl");
    if (!QFile::exists(resource))
        return {{}, QObject::tr("The sample recording is missing from this build")};
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (!QDir().mkpath(folder))
        return {{},
                QObject::tr("Could not create %1 for the sample recording")
                    .arg(QDir::toNativeSeparators(folder))};
    const QString target =
        folder + QStringLiteral("/isolens-sample-recording-%1.jsonl").arg(QLatin1String(kIsoLensVersion));
    if (QFile::exists(target)) {
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (!QFile::remove(target))
            return {{},
                    QObject::tr("Could not replace the sample recording's copy at %1")
                        .arg(QDir::toNativeSeparators(target))};
    }
    QFile source(resource);
    if (!source.copy(target))
        return {{},
                QObject::tr("Could not copy the sample recording to %1: %2")
                    .arg(QDir::toNativeSeparators(target), source.errorString())};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return {target, {}};
}

} // namespace

MainWindow::MainWindow(const EndpointRequest& endpoint, QWidget* parent)
    : QMainWindow(parent)
    , controller_(new DashboardController(this))
    , status_(new EngineStatusView(this))
    , probe_(new EngineProbe(endpoint, this))
    , dashboard_(new DashboardView(controller_, this))
    , pages_(new QStackedWidget(this))
    , health_(new QLabel(this))
    , samples_(new QLabel(this))
    , recording_(new QLabel(this))
    , tick_(new QTimer(this))
{
    setWindowTitle(tr("IsoLens \u2014 Hyper-V vs process isolation"));
    setWindowIcon(QIcon(QStringLiteral(":/isolens/isolens.png")));
    pages_->addWidget(status_);
    pages_->addWidget(dashboard_);
    setCentralWidget(pages_);
    resize(initialWindowSize({1280, 800}, screen() ? screen()->availableSize() : QSize()));
    health_->setObjectName(QStringLiteral("samplingHealth"));
    samples_->setObjectName(QStringLiteral("samplesRecorded"));
    recording_->setObjectName(QStringLiteral("recordingFile"));
    recording_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(health_);
    statusBar()->addPermanentWidget(samples_);
    statusBar()->addPermanentWidget(recording_);
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
    restoreSettings();
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
    saveSettings();
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
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* session = menuBar()->addMenu(tr("&Session"));
    session->addAction(tr("&Start pair"), QKeySequence(tr("Ctrl+Return")), this, &MainWindow::startPair);
    session->addAction(tr("S&top pair"), QKeySequence(tr("Ctrl+.")), this, &MainWindow::stopPair);
    session->addAction(tr("&Remove leftover containers"), controller_, &DashboardController::removeLeftovers);

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
        gaps_ = {0, 0};
        lastError_.clear();
        exits_ = {};
        exitDetails_ = {};
        dashboard_->comparison()->setNotes({}, {});
        refresh();
    });
    connect(controller_, &DashboardController::containerExited, this,
            [this](const QString& mode, const QString& summary, const QString& details) {
                const auto keys = controller_->modeKeys();
                std::array<QString, 2> notes;
                for (int side = 0; side < 2; ++side) {
                    if (mode == keys[side]) {
                        exits_[side] = summary;
                        exitDetails_[side] = tr("The container %1").arg(details);
                    }
                    notes[side] = exitDetails_[side];
                }
                dashboard_->comparison()->setNotes(notes, exitDetails_);
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
                report(tr("<p><b>The pair did not start.</b></p><p>%1</p><p><b>What to do:</b> %2</p>")
                           .arg(message.toHtmlEscaped(), hint.toHtmlEscaped()));
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
    connect(controller_, &DashboardController::sessionEvent, this,
            [this](const QString& mode, EventKind kind, const QString& detail) {
                const auto keys = controller_->modeKeys();
                for (int side = 0; side < 2; ++side)
                    if (mode == keys[side] && kind == EventKind::Gap)
                        ++gaps_[side];
                if (kind == EventKind::Error)
                    lastError_ = detail;
                else if (kind == EventKind::Resumed)
                    lastError_.clear();
                if (kind == EventKind::Error)
                    statusBar()->showMessage(
                        tr("%1: %2 (%3)").arg(mode, fromStd(std::string(toString(kind))), detail), 10000);
            });
    connect(controller_, &DashboardController::hostSampled, this,
            [this](std::shared_ptr<const HostSnapshot> snapshot, const QHash<int, ContainerProcessTag>& pids,
                   const QString& tax) {
                dashboard_->processes()->model()->update(*snapshot, pids);
                dashboard_->processes()->setNote({});
                QStringList workers;
                for (const auto* worker : snapshot->vmWorkers())
                    workers << QStringLiteral("%1 (PID %2)").arg(fromStd(worker->name)).arg(worker->pid);
                QStringList unavailable;
                for (const auto& missing : snapshot->unavailable)
                    unavailable << fromStd(missing.what + ": " + missing.reason);
                dashboard_->host()->setNotes(
                    tax, workers.isEmpty() ? tr("none on this host") : workers.join(QStringLiteral(", ")),
                    unavailable);
            });
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

void MainWindow::showEngineLocation(const QString& where, bool onThisMachine)
{
    // IsoLens measures the PC it runs on: an engine elsewhere has its own host, processes and VM workers,
    // which nothing here can see, so this PC's figures are not shown as if they were the engine's.
    if (onThisMachine) {
        dashboard_->processes()->setNote({});
        return;
    }
    const auto remote =
        tr("The engine at %1 runs on another machine. IsoLens measures the PC it runs on, so "
           "the host figures, its VM workers (vmmem), the isolation tax and the host process "
           "list are not shown for it; the pair's own CPU and memory are the engine's figures. "
           "Run IsoLens on the engine's host to see them.")
            .arg(where);
    dashboard_->processes()->model()->update(HostSnapshot{}, {});
    dashboard_->processes()->setNote(remote);
    const auto notMeasured = tr("not measured: the engine is on another machine");
    dashboard_->host()->setNotes(notMeasured, notMeasured, {remote});
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
    controller_->setEngine(std::move(client), facts.info);
    showEngineLocation(where, onThisMachine);
    const auto modes = availableModes(facts.info);
    dashboard_->launcher()->setModes(modes.modes, fromStd(modes.reason));
    dashboard_->launcher()->setCommandSyntax(commandSyntaxFor(facts.info.osType));
    dashboard_->launcher()->setEngineOs(engineOsFromOsType(facts.info.osType));
    dashboard_->setEngineSummary(
        tr("<b>Engine</b> %1 \u00b7 %2 \u00b7 Docker %3 \u00b7 default isolation: %4 \u00b7 "
           "<span style='color:#2b8a3e'>connected</span>")
            .arg(where.toHtmlEscaped(), fromStd(facts.info.osType), fromStd(facts.version.version),
                 fromStd(describeDefaultIsolation(facts.info)).toHtmlEscaped()),
        status_->factsText(), true);
    for (const auto& warning : warnings)
        statusBar()->showMessage(warning, 15000);
    pages_->setCurrentWidget(dashboard_);
    statusBar()->showMessage(tr("Connected to %1").arg(where), 5000);
    controller_->listImages();
    controller_->findLeftovers();
    requestPreflight(dashboard_->launcher()->choice().image);
    refresh();
    if (pendingStart_ && !controller_->isRunning() && !controller_->isBusy()) {
        const auto [texts, wanted] = *std::exchange(pendingStart_, std::nullopt);
        auto* launcher = dashboard_->launcher();
        PairChoice choice{texts[0], texts[1], texts[2], {0, 1}};
        for (int side = 0; side < 2 && side < wanted.size(); ++side) {
            auto found = findMode(modes, facts.info, wanted[side].toStdString());
            if (!found) {
                report(fromStd(found.error().message));
                return;
            }
            choice.modeIndexes[side] = static_cast<int>(found.value());
        }
        launcher->setChoice(choice);
        startPair();
    }
}

void MainWindow::onEngineFailed(const QString& where, const Error& error)
{
    status_->showFailure(where, error);
    controller_->clearEngine();
    dashboard_->setEngineSummary(
        tr("<b>No engine</b> at %1: %2").arg(where.toHtmlEscaped(), fromStd(error.message).toHtmlEscaped()),
        status_->bannerText(), false);
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

void MainWindow::stopPair()
{
    controller_->stopPair();
}

void MainWindow::refresh()
{
    dashboard_->refresh();
    const auto keys = controller_->modeKeys();
    // A hardened pair's figures are not a default pair's: every caption of it says so.
    const auto hardened = controller_->hardening().isEmpty()
                              ? QString()
                              : tr(" \u00b7 <span style='color:#e67700'>hardened: %1 (changes what is "
                                   "measured)</span>")
                                    .arg(controller_->hardening().toHtmlEscaped());
    if (controller_->isReplay()) {
        health_->setText(tr("replay"));
        samples_->clear();
        recording_->setText(tr("Recording: %1").arg(QFileInfo(controller_->recordingPath()).fileName()));
        recording_->setToolTip(controller_->recordingPath());
        dashboard_->setSessionCaption(
            tr("Replaying <b>%1</b> \u2014 %2 vs %3, from %4")
                .arg(controller_->sessionTitle().toHtmlEscaped(), keys[0].toHtmlEscaped(),
                     keys[1].toHtmlEscaped(),
                     QFileInfo(controller_->recordingPath()).fileName().toHtmlEscaped()) +
            hardened);
        return;
    }
    if (!controller_->isRunning()) {
        health_->setText(controller_->isBusy() ? tr("starting") : tr("no pair running"));
        samples_->setText(controller_->recordingPath().isEmpty() ? QString() : tr("last recording:"));
        recording_->setText(QFileInfo(controller_->recordingPath()).fileName());
        recording_->setToolTip(controller_->recordingPath());
        dashboard_->setSessionCaption(
            controller_->sessionTitle().isEmpty()
                ? QString()
                : tr("Last pair: <b>%1</b>").arg(controller_->sessionTitle().toHtmlEscaped()) + hardened);
        return;
    }
    const auto store = controller_->store();
    const auto now = wallClockNanos();
    QStringList health;
    double quietSeconds = 1e9; // the fresher side's silence
    for (int side = 0; side < 2; ++side) {
        if (!exits_[side].isEmpty()) { // its silence is explained: it is not the engine's
            health << QStringLiteral("%1: %2").arg(keys[side], exits_[side]);
            continue;
        }
        const auto sideHealth = seriesHealth(*store, keys[side].toStdString(), now);
        const bool live = sideHealth.freshness == Freshness::Live;
        quietSeconds = std::min(quietSeconds, live ? 0.0 : sideHealth.secondsSinceLast);
        auto text = QStringLiteral("%1: %2").arg(keys[side], fromStd(describeHealth(sideHealth)));
        if (gaps_[side] > 0)
            text += tr(" (%n gap(s))", nullptr, gaps_[side]);
        health << text;
    }
    health_->setText(health.join(QStringLiteral(" \u00b7 ")));
    const auto lines = static_cast<int>(controller_->linesRecorded());
    if (controller_->recordingProblem().isEmpty()) {
        samples_->setText(tr("%n line(s) recorded", nullptr, lines));
        samples_->setToolTip({});
    } else {
        // Stays in view for as long as the pair runs: the recording no longer grows.
        samples_->setText(tr("recording stopped after %n line(s)", nullptr, lines));
        samples_->setToolTip(controller_->recordingProblem());
    }
    recording_->setText(tr("Recording: %1").arg(QFileInfo(controller_->recordingPath()).fileName()));
    recording_->setToolTip(controller_->recordingPath());
    dashboard_->setSessionCaption(tr("Live: <b>%1</b> \u2014 %2 vs %3")
                                      .arg(controller_->sessionTitle().toHtmlEscaped(),
                                           keys[0].toHtmlEscaped(), keys[1].toHtmlEscaped()) +
                                  hardened);
    if (!exits_[0].isEmpty() && !exits_[1].isEmpty()) {
        dashboard_->setSessionCaption(
            tr("<span style='color:#c92a2a'><b>Both containers have exited</b> (%1: %2; %3: %4). Nothing "
               "more "
               "is measured; Stop removes them, and the recording keeps what was measured.</span>")
                .arg(keys[0].toHtmlEscaped(), exits_[0].toHtmlEscaped(), keys[1].toHtmlEscaped(),
                     exits_[1].toHtmlEscaped()));
        return;
    }
    // Every side still running is silent: most likely the engine, not the containers. Say so, and that
    // nothing is lost.
    if (quietSeconds >= 5.0 && quietSeconds < 1e9)
        dashboard_->setSessionCaption(
            tr("<span style='color:#c92a2a'><b>No samples from the running containers for %1 s.</b> The "
               "engine may "
               "have stopped or restarted%2. IsoLens retries every second and keeps recording; the charts "
               "show the silence as a gap. Check the engine, or stop the pair.</span>")
                .arg(static_cast<int>(quietSeconds))
                .arg(lastError_.isEmpty() ? QString()
                                          : QStringLiteral(" (%1)").arg(lastError_.toHtmlEscaped())));
}

QString MainWindow::statusText() const
{
    return health_->text() + QLatin1Char(' ') + samples_->text() + QLatin1Char(' ') + recording_->text();
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
    // The process list and the host notes are live views: a recording holds the charts' series only.
    dashboard_->processes()->model()->update(HostSnapshot{}, {});
    dashboard_->processes()->setNote(tr("The process list is live: it shows this machine's processes while "
                                        "IsoLens is connected to an engine. A recording keeps the charts' "
                                        "series (the pair, the host, VM workers, the isolation tax), not the "
                                        "process list."));
    dashboard_->host()->setNotes(tr("as recorded (a chart, when the recording has a figure)"),
                                 tr("as recorded (the VM workers line, when there were any)"), {});
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
    const auto image = renderWidget(centralWidget(), size);
    if (!image.save(path, "PNG"))
        return tr("Could not write %1").arg(path);
    return {};
}

QString MainWindow::exportChartPng(SeriesChart* chart, const QString& path, QSize size)
{
    const auto image = renderWidget(chart, size);
    if (!image.save(path, "PNG"))
        return tr("Could not write %1").arg(path);
    return {};
}

QString MainWindow::exportCsv(const QString& path)
{
    if (controller_->recordingPath().isEmpty())
        return tr("Nothing recorded yet: start a pair, or open a recording");
    // The save dialog has asked before replacing a file. The CSV goes to a temporary file beside it,
    // renamed over it when whole: a failure leaves the old file as it was, never half a new one.
    // After a write failure the recording ends early: the samples it could not take are in memory.
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return tr("Could not write %1: %2").arg(path, out.errorString());
    bool writeFailed = false;
    const CsvSink write = [&](std::string_view text) -> Result<void> {
        if (out.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size()))
            return success();
        writeFailed = true;
        return makeError(ErrorKind::Other, out.errorString().toStdString());
    };
    auto exported = exportRecordingCsv(pathFromQString(controller_->recordingPath()),
                                       controller_->samplesNotRecorded(), write);
    if (!exported) {
        out.cancelWriting();
        return writeFailed ? tr("Could not write %1: %2").arg(path, fromStd(exported.error().message))
                           : fromStd(exported.error().describe());
    }
    if (!out.commit())
        return tr("Could not write %1: %2").arg(path, out.errorString());
    return {};
}

void MainWindow::startPairOnConnect(const QString& image, const QString& command, const QString& workload,
                                    const QStringList& modes)
{
    pendingStart_ = std::make_pair(QStringList{image, command, workload}, modes);
}

bool MainWindow::showView(const QString& name)
{
    static const QStringList kViews{QStringLiteral("compare"), QStringLiteral("host"),
                                    QStringLiteral("processes"), QStringLiteral("summary")};
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

namespace {

// Asks for a file name; "" when cancelled. Remembers the folder under key.
QString askSavePath(QWidget* parent, const QString& title, const QString& key, const QString& name,
                    const QString& filter)
{
    QSettings settings;
    const auto dir =
        settings.value(key, QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)).toString();
    const auto path = QFileDialog::getSaveFileName(parent, title, dir + QLatin1Char('/') + name, filter);
    if (!path.isEmpty())
        settings.setValue(key, QFileInfo(path).absolutePath());
    return path;
}

} // namespace

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
    QFile::remove(path);
    if (!QFile::copy(controller_->recordingPath(), path))
        report(tr("Could not write %1").arg(path));
    else
        statusBar()->showMessage(tr("Saved %1").arg(path), 8000);
}

void MainWindow::report(const QString& message)
{
    statusBar()->showMessage(QString(message).remove(QRegularExpression(QStringLiteral("<[^>]*>"))), 15000);
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
    saveSettings();
    event->accept();
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    // A size saved on a bigger screen (or at a lower scale) is fitted to this one.
    if (screen()) {
        const QSize available = screen()->availableSize();
        if (width() > available.width() || height() > available.height())
            resize(initialWindowSize(size(), available));
    }
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    PairChoice choice;
    choice.image = settings.value(QStringLiteral("pair/image")).toString();
    choice.command = settings.value(QStringLiteral("pair/command")).toString();
    choice.workload = settings.value(QStringLiteral("pair/workload")).toString();
    dashboard_->launcher()->setChoice(choice);
    dashboard_->timeBar()->setWidthIndex(settings.value(QStringLiteral("view/window"), 1).toInt());
    dashboard_->setCpuMetricIndex(settings.value(QStringLiteral("view/cpu"), 0).toInt());
    dashboard_->setOverlay(settings.value(QStringLiteral("view/overlay"), false).toBool());
    dashboard_->tabs()->setCurrentIndex(settings.value(QStringLiteral("view/tab"), 0).toInt());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    const auto choice = dashboard_->launcher()->choice();
    settings.setValue(QStringLiteral("pair/image"), choice.image);
    settings.setValue(QStringLiteral("pair/command"), choice.command);
    settings.setValue(QStringLiteral("pair/workload"), choice.workload);
    if (!controller_->isReplay())
        settings.setValue(QStringLiteral("view/window"), dashboard_->timeBar()->widthIndex());
    settings.setValue(QStringLiteral("view/cpu"), dashboard_->cpuMetricIndex());
    settings.setValue(QStringLiteral("view/overlay"), dashboard_->isOverlay());
    settings.setValue(QStringLiteral("view/tab"), dashboard_->tabs()->currentIndex());
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
