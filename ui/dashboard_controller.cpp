#include "dashboard_controller.hpp"

#include "dashboard_colors.hpp"
#include "path_text.hpp"
#include "recording_folder.hpp"
#include "recording_replay.hpp"
#include "session_recording.hpp"

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/pair_session.hpp"

using namespace isolens;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

QString pullDetail(const PullProgressTracker& progress)
{
    QStringList parts;
    for (const auto& [layer, state] : progress.layers()) {
        QString part = QStringLiteral("%1: %2").arg(fromStd(layer.substr(0, 12)), fromStd(state.status));
        if (!state.done && state.total > 0)
            part += QStringLiteral(" %1%").arg(100 * state.current / state.total);
        parts << part;
    }
    return QObject::tr("%1 of %2 layers done\n%3")
        .arg(progress.layersDone())
        .arg(progress.layers().size())
        .arg(parts.join(QLatin1Char('\n')));
}

} // namespace

DashboardController::DashboardController(QObject* parent)
    : QObject(parent)
    , store_(std::make_shared<SeriesStore>())
    , inbox_(this)
    , queries_(engineJobs_)
    , host_(this, [this](std::shared_ptr<const HostSnapshot> snapshot,
                         const QHash<int, ContainerProcessTag>& containerProcesses, const QString& tax) {
        emit hostSampled(std::move(snapshot), containerProcesses, tax);
    })
{
    modeKeys_ = {tr("mode A"), tr("mode B")};
    connect(&queries_, &EngineQueries::imagesListed, this, &DashboardController::imagesListed);
    connect(&queries_, &EngineQueries::preflightReady, this, &DashboardController::preflightReady);
    connect(&queries_, &EngineQueries::leftoversFound, this, &DashboardController::leftoversFound);
    connect(&queries_, &EngineQueries::problem, this, &DashboardController::problem);
}

DashboardController::~DashboardController()
{
    // The GUI thread never waits on an engine request, also not here: the window goes at once. A start or a
    // stop under way finishes on the engine queue, and then, last in that queue, the pair is stopped and its
    // containers are removed (as soon as the engine answers: a hung engine delays it, it does not lose it);
    // the queue runs to its end after close, and the application waits for it once its window is gone
    // (work_after_close.hpp). The job owns the session, its store and its recording.
    if (pullCancel_)
        pullCancel_->cancel();
    host_.stop(); // its sampler writes the store and the recording
    if (session_)
        engineJobs_.start([session = std::exchange(session_, nullptr),
                           recorder = std::exchange(recorder_, nullptr), store = store_,
                           pullCancel = pullCancel_] {
            session->stop(); // removes the pair's containers
            if (recorder)
                (void)recorder->close();
        });
}

QString DashboardController::recordingDirectory() const
{
    return recordingDirectory_.isEmpty() ? defaultRecordingFolder() : recordingDirectory_;
}

std::array<isolens::StartupTimes, 2> DashboardController::startupTimes() const
{
    if (!session_ || busy_)
        return startup_;
    const auto runs = session_->runs();
    std::array<isolens::StartupTimes, 2> times;
    for (int side = 0; side < 2; ++side)
        times[side] = runs[side].startup;
    return times;
}

std::vector<std::pair<std::string, StatsSample>> DashboardController::samplesNotRecorded() const
{
    if (recorder_)
        return recorder_->unwrittenSamples();
    return notRecorded_ ? *notRecorded_ : std::vector<std::pair<std::string, StatsSample>>{};
}

std::size_t DashboardController::linesRecorded() const
{
    return recorder_ ? recorder_->linesWritten() : 0;
}

void DashboardController::setEngine(std::shared_ptr<EngineClient> client, const EngineInfo& info)
{
    client_ = std::move(client);
    queries_.setClient(client_);
    info_ = std::make_unique<EngineInfo>(info);
    // The store is kept: a replay shows only what it recorded (no live host figures into it), the last
    // pair's charts go on with the host's.
    if (!running_ && !busy_ && !replay_)
        restartHostSampling(nullptr, {});
}

void DashboardController::clearEngine()
{
    client_.reset();
    queries_.setClient(nullptr);
}

void DashboardController::restartHostSampling(RecordingWriter* recorder, const std::string& hyperVSeries)
{
    host_.restart(client_, *store_, recorder, hyperVSeries);
}

PairObserver DashboardController::pairObserver()
{
    // Called from the pair's threads, and possibly after this controller has gone (its stop finishes after
    // close): they only post to the inbox.
    PairObserver observer;
    observer.cancelPull = pullCancel_.get();
    observer.pullProgress = [this, inbox = inbox_](const PullProgressTracker& progress) {
        inbox.post([this, fraction = progress.fraction(), detail = pullDetail(progress)] {
            emit pullProgress(fraction, detail);
        });
    };
    observer.event = [this, inbox = inbox_](const std::string& mode, EventKind kind,
                                            const std::string& detail) {
        inbox.post([this, mode = fromStd(mode), kind, detail = fromStd(detail)] {
            if (kind == EventKind::Pulled || kind == EventKind::PullFailed)
                emit pullFinished();
            emit sessionEvent(mode, kind, detail);
        });
    };
    observer.exited = [this, inbox = inbox_](const std::string& mode, const ContainerExit& exit) {
        inbox.post([this, mode = fromStd(mode), summary = fromStd(exitSentence(exit)),
                    details = fromStd(describeExit(exit))] { emit containerExited(mode, summary, details); });
    };
    return observer;
}

void DashboardController::startPair(const PairRequest& request)
{
    if (!client_ || running_ || busy_)
        return;
    busy_ = true;
    replay_ = false;
    modeKeys_ = {fromStd(request.modes[0].label), fromStd(request.modes[1].label)};
    startup_ = {};
    title_ = fromStd(request.image);
    hardening_ = fromStd(describeHardening(request.hardening));

    // A fresh session: new store, new recording (never over an old one).
    host_.stop();
    store_ = std::make_shared<SeriesStore>();
    emit storeReplaced();
    QString error;
    auto created = createSessionRecording(
        recordingDirectory(), fromStd(request.image),
        pairRecordingHeader(request, *info_, client_->endpoint().url, "isolens dashboard"), error);
    if (!created) {
        busy_ = false;
        recordingPath_.clear();
        emit pairFailed(tr("Cannot record the session: %1").arg(error),
                        tr("Choose a writable recordings folder"));
        restartHostSampling(nullptr, {});
        return;
    }
    recordingPath_ = qStringFromPath(created->path());
    recorder_ = std::shared_ptr<RecordingWriter>(std::move(created));
    recordingProblem_.clear();
    notRecorded_.reset();
    // On the thread whose write failed (a collector's, the host sampler's).
    recorder_->onFailure([this, inbox = inbox_](const RecordingFailure& failure) {
        inbox.post([this, text = describeRecordingFailure(failure)] {
            recordingProblem_ = text.message;
            emit recordingFailed(text.message, text.hint);
        });
    });
    const auto hyperVSeries = hyperVModeLabel(request.modes, *info_);
    restartHostSampling(recorder_.get(), hyperVSeries);

    pullCancel_ = std::make_shared<CancelToken>();
    auto session = std::make_shared<PairSession>(client_, *info_, request, *store_, recorder_.get());
    session->setObserver(pairObserver());
    session_ = session;
    emit pairStarting(tr("Starting %1 and %2 from %3\u2026").arg(modeKeys_[0], modeKeys_[1], title_));

    engineJobs_.start([this, inbox = inbox_, session, hyperVSeries] {
        auto started = session->start();
        if (!started) {
            const auto error = started.error();
            const bool cancelled = error.kind == ErrorKind::Cancelled;
            // Whatever it created goes, here, off the GUI thread, while its recording is still open.
            session->stop();
            inbox.post([this, error, cancelled] {
                busy_ = false;
                session_.reset(); // stopped already
                // The run ended before it began: close its recording (kept, with what it saw).
                restartHostSampling(nullptr, {});
                recorder_.reset();
                if (cancelled)
                    emit pairFailed(tr("The pull was cancelled, so nothing was started."),
                                    tr("Start the pair again to pull the image."));
                else
                    emit pairFailed(fromStd(error.whatHappened()), fromStd(error.hint));
            });
            return;
        }
        const auto runs = session->runs();
        std::vector<ContainerProcessLookup::Container> watched;
        for (int side = 0; side < 2; ++side)
            watched.push_back({runs[side].containerId, runs[side].containerName, runs[side].mode.isolation,
                               fromStd(runs[side].mode.label), colors::mode(side)});
        // Through the inbox: this job may run after the controller (and its lookup) has gone.
        inbox.post([this, watched = std::move(watched)]() mutable {
            host_.containerProcesses().watch(std::move(watched));
        });
        auto workload = session->runWorkload();
        inbox.post([this, runs, hyperVContainer = session->containerOf(hyperVSeries),
                    workload = workload ? QString() : fromStd(workload.error().describe())] {
            busy_ = false;
            running_ = true;
            // Its utility VM is attributed from now on, not guessed.
            host_.attributeHyperVContainer(hyperVContainer);
            for (int side = 0; side < 2; ++side)
                startup_[side].createToRunningMillis = runs[side].startup.createToRunningMillis;
            emit pairStarted();
            if (!workload.isEmpty())
                emit problem(tr("The workload did not start: %1").arg(workload));
        });
    });
}

void DashboardController::stopPair()
{
    if (!session_ || busy_)
        return;
    busy_ = true;
    emit pairStarting(tr("Stopping and removing both containers\u2026"));
    auto session = session_;
    host_.containerProcesses().watch({});
    engineJobs_.start([this, inbox = inbox_, session] {
        const auto runs = session->runs();
        session->stop();
        inbox.post([this, runs] {
            for (int side = 0; side < 2; ++side)
                startup_[side].startToFirstSampleMillis = runs[side].startup.startToFirstSampleMillis;
            // The recording ends with the pair; the host is still watched, unrecorded. Its close is
            // checked like its writes (the file is put on the disk then).
            restartHostSampling(nullptr, {});
            if (recorder_) {
                (void)recorder_->close();
                notRecorded_ = std::make_shared<const std::vector<std::pair<std::string, StatsSample>>>(
                    recorder_->unwrittenSamples());
            }
            recorder_.reset();
            session_.reset();
            busy_ = false;
            running_ = false;
            emit pairStopped();
        });
    });
}

void DashboardController::cancelPull()
{
    if (pullCancel_)
        pullCancel_->cancel();
}

void DashboardController::listImages()
{
    queries_.listImages();
}

void DashboardController::preflight(const QString& image, const std::array<IsolationMode, 2>& modes)
{
    queries_.preflight(image, modes);
}

void DashboardController::findLeftovers()
{
    queries_.findLeftovers();
}

void DashboardController::removeLeftovers()
{
    queries_.removeLeftovers();
}

QString DashboardController::openRecording(const QString& path)
{
    if (running_ || busy_)
        return tr("Stop the running pair before opening a recording");
    // The live store stays until the replay has succeeded.
    ReplayedSession replayed;
    if (auto error = replayRecording(path, replayed); !error.isEmpty())
        return error;
    host_.stop();
    store_ = std::move(replayed.store);
    modeKeys_ = replayed.modeKeys;
    startup_ = replayed.startup;
    replay_ = true;
    recordingPath_ = path;
    notRecorded_.reset();
    title_ = replayed.title;
    hardening_ = replayed.hardening;
    emit storeReplaced();
    for (const auto& exit : replayed.exits)
        emit containerExited(exit.mode, exit.summary, exit.details);
    for (const auto& message : replayed.problems)
        emit problem(message);
    return {};
}
