#include "dashboard_controller.hpp"

#include "dashboard_colors.hpp"
#include "path_text.hpp"
#include "recording_folder.hpp"

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/host/process_visibility.hpp"
#include "isolens/core/platform/exclusive_file.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/host_sampler.hpp"
#include "isolens/core/session/orphan_search.hpp"
#include "isolens/core/session/pair_session.hpp"
#include "isolens/core/session/preflight.hpp"

#include <QDateTime>

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

QString safeFileName(QString text)
{
    for (auto& c : text)
        if (!c.isLetterOrNumber() && c != QLatin1Char('-') && c != QLatin1Char('.'))
            c = QLatin1Char('_');
    return text.left(60);
}

// The name of a new recording: time and image. Two sessions in the same second get -2, -3 …
// (ExclusiveFile::createNumbered), decided by creating the file, not by looking first.
QString recordingName(const QString& directory, const QString& image)
{
    return directory + QStringLiteral("/isolens-%1-%2.jsonl")
                           .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")),
                                safeFileName(image));
}

Result<std::unique_ptr<RecordingWriter>> createRecording(const QString& directory, const QString& image,
                                                         const RecordingHeader& header)
{
    // The folder and the recordings in it are the user's alone: they name the engine and the command.
    if (auto folder = createPrivateDirectories(pathFromQString(directory)); !folder)
        return folder.error();
    auto file = ExclusiveFile::createNumbered(pathFromQString(recordingName(directory, image)),
                                              FileAccess::OwnerOnly);
    if (!file)
        return file.error();
    return RecordingWriter::create(std::move(file.value()), header);
}

} // namespace

DashboardController::DashboardController(QObject* parent)
    : QObject(parent)
    , store_(std::make_shared<SeriesStore>())
{
    engineJobs_.setMaxThreadCount(1);
    preflightJobs_.setMaxThreadCount(1);
    topJobs_.setMaxThreadCount(1);
    topCancel_ = std::make_shared<CancelToken>();
    modeKeys_ = {tr("mode A"), tr("mode B")};
}

DashboardController::~DashboardController()
{
    if (pullCancel_)
        pullCancel_->cancel();
    topCancel_->cancel();
    hostSampler_.reset();
    topJobs_.waitForDone();
    engineJobs_.waitForDone();
    preflightJobs_.waitForDone();
    if (session_)
        session_->stop(); // removes the pair's containers
}

template <typename Fn>
void DashboardController::onGui(Fn&& fn)
{
    QMetaObject::invokeMethod(this, std::forward<Fn>(fn), Qt::QueuedConnection);
}

QString DashboardController::recordingDirectory() const
{
    return recordingDirectory_.isEmpty() ? defaultRecordingFolder() : recordingDirectory_;
}

std::array<StartupTimes, 2> DashboardController::startupTimes() const
{
    if (!session_ || busy_)
        return startup_;
    const auto runs = session_->runs();
    std::array<StartupTimes, 2> times;
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
    info_ = std::make_unique<EngineInfo>(info);
    // The store is kept: a replay shows only what it recorded (no live host figures into it), the last
    // pair's charts go on with the host's.
    if (!running_ && !busy_ && !replay_)
        restartHostSampling(nullptr, {});
}

void DashboardController::clearEngine()
{
    client_.reset();
}

void DashboardController::restartHostSampling(RecordingWriter* recorder, const std::string& hyperVSeries)
{
    hostSampler_.reset();
    if (client_ && !client_->endpoint().isOnThisMachine())
        return; // this PC's figures are not the remote engine's host's (MainWindow says so)
    hostSampler_ = std::make_unique<HostSampler>(
        makeHostMetrics(), *store_, recorder, hyperVSeries,
        [this, client = client_](const HostSnapshot& host, const HostSeriesSamples& series) {
            onHostSnapshot(host, series.tax.explanation, client);
        });
}

void DashboardController::onHostSnapshot(const HostSnapshot& host, const std::string& taxExplanation,
                                         const std::shared_ptr<EngineClient>& client)
{
    // On the sampler's thread, with the client the sampler was started with (client_ belongs to the GUI
    // thread). Every other second, ask the engine which host processes are the pair's (docker top), so a
    // process-isolated container's processes are named in the list: on topJobs_, one round at a time.
    std::vector<ContainerWatch> watched;
    {
        std::lock_guard lock(watchMutex_);
        watched = watched_;
    }
    auto snapshot = std::make_shared<const HostSnapshot>(host);
    if (watched.empty())
        onGui([this] { containerPids_.clear(); });
    else if (client && hostTicks_++ % 2 == 0 && !topInFlight_.exchange(true))
        topJobs_.start([this, client, watched = std::move(watched), snapshot, cancel = topCancel_] {
            QHash<int, ContainerProcessTag> pids;
            for (const auto& container : watched) {
                auto top = client->top(container.id, cancel.get());
                if (!top)
                    continue; // gone meanwhile, or the engine does not answer: the next round asks again
                const auto visibility =
                    mapToHost(container.id, container.name, container.isolation, top.value(), *snapshot);
                for (int pid : visibility.hostPids)
                    pids.insert(pid, {container.mode, fromStd(container.name), container.color});
            }
            topInFlight_ = false;
            if (!cancel->isCancelled())
                onGui([this, pids = std::move(pids)] { containerPids_ = pids; });
        });
    onGui(
        [this, snapshot, tax = fromStd(taxExplanation)] { emit hostSampled(snapshot, containerPids_, tax); });
}

void DashboardController::onRecordingFailure(const RecordingFailure& failure)
{
    // On the thread whose write failed (a collector's, the host sampler's).
    const auto folder = qStringFromPath(failure.path.parent_path());
    const auto when =
        QDateTime::fromMSecsSinceEpoch(failure.timeNanos / 1'000'000).toString(QStringLiteral("HH:mm:ss"));
    const auto todo =
        failure.error.kind == ErrorKind::DiskFull
            ? tr("The disk that holds %1 is full: free space there before the next pair.").arg(folder)
            : fromStd(failure.error.hint);
    const auto hint =
        todo + QLatin1Char(' ') +
        tr("Sampling goes on: the charts, the summary and Export data as CSV keep every sample, "
           "but the recording file ends at %1.")
            .arg(when);
    onGui([this, message = fromStd(failure.error.message), hint] {
        recordingProblem_ = message;
        emit recordingFailed(message, hint);
    });
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
    hostSampler_.reset();
    store_ = std::make_shared<SeriesStore>();
    emit storeReplaced();
    auto created =
        createRecording(recordingDirectory(), fromStd(request.image),
                        pairRecordingHeader(request, *info_, client_->endpoint().url, "isolens dashboard"));
    if (created)
        recordingPath_ = qStringFromPath(created.value()->path());
    else {
        busy_ = false;
        recordingPath_.clear();
        emit pairFailed(tr("Cannot record the session: %1").arg(fromStd(created.error().message)),
                        tr("Choose a writable recordings folder"));
        restartHostSampling(nullptr, {});
        return;
    }
    recorder_ = std::shared_ptr<RecordingWriter>(std::move(created.value()));
    recordingProblem_.clear();
    notRecorded_.reset();
    recorder_->onFailure([this](const RecordingFailure& failure) { onRecordingFailure(failure); });
    const auto hyperVSeries = hyperVModeLabel(request.modes, *info_);
    restartHostSampling(recorder_.get(), hyperVSeries);

    pullCancel_ = std::make_shared<CancelToken>();
    auto session = std::make_shared<PairSession>(client_, *info_, request, *store_, recorder_.get());
    PairObserver observer;
    observer.cancelPull = pullCancel_.get();
    observer.pullProgress = [this](const PullProgressTracker& progress) {
        onGui([this, fraction = progress.fraction(), detail = pullDetail(progress)] {
            emit pullProgress(fraction, detail);
        });
    };
    observer.event = [this](const std::string& mode, EventKind kind, const std::string& detail) {
        onGui([this, mode = fromStd(mode), kind, detail = fromStd(detail)] {
            if (kind == EventKind::Pulled || kind == EventKind::PullFailed)
                emit pullFinished();
            emit sessionEvent(mode, kind, detail);
        });
    };
    observer.exited = [this](const std::string& mode, const ContainerExit& exit) {
        onGui([this, mode = fromStd(mode), summary = fromStd(exitSentence(exit)),
               details = fromStd(describeExit(exit))] { emit containerExited(mode, summary, details); });
    };
    session->setObserver(std::move(observer));
    session_ = session;
    emit pairStarting(tr("Starting %1 and %2 from %3\u2026").arg(modeKeys_[0], modeKeys_[1], title_));

    engineJobs_.start([this, session, hyperVSeries] {
        auto started = session->start();
        if (!started) {
            const auto error = started.error();
            const bool cancelled = error.kind == ErrorKind::Cancelled;
            onGui([this, error, cancelled] {
                busy_ = false;
                session_.reset();
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
        {
            std::lock_guard lock(watchMutex_);
            watched_.clear();
            for (int side = 0; side < 2; ++side)
                watched_.push_back({runs[side].containerId, runs[side].containerName,
                                    runs[side].mode.isolation, fromStd(runs[side].mode.label),
                                    colors::mode(side)});
        }
        auto workload = session->runWorkload();
        onGui([this, runs, hyperVContainer = session->containerOf(hyperVSeries),
               workload = workload ? QString() : fromStd(workload.error().describe())] {
            busy_ = false;
            running_ = true;
            if (hostSampler_) // its utility VM is attributed from now on, not guessed
                hostSampler_->attributeHyperVContainer(hyperVContainer);
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
    engineJobs_.start([this, session] {
        const auto runs = session->runs();
        session->stop();
        {
            std::lock_guard lock(watchMutex_);
            watched_.clear();
        }
        onGui([this, runs] {
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
    if (!client_)
        return;
    engineJobs_.start([this, client = client_] {
        auto images = client->listImages();
        if (!images)
            return;
        QStringList names;
        for (const auto& image : images.value())
            for (const auto& tag : image.repoTags)
                if (tag != "<none>:<none>")
                    names << fromStd(tag);
        names.sort();
        onGui([this, names] { emit imagesListed(names); });
    });
}

void DashboardController::preflight(const QString& image, const std::array<IsolationMode, 2>& modes)
{
    auto reference = parseImageReference(image.toStdString());
    if (!reference)
        return;
    const int generation = ++preflightGeneration_;
    preflightJobs_.start([this, client = client_, reference = reference.value(), image, modes, generation] {
        auto report = runPreflight(reference, {}, client.get());
        if (generation != preflightGeneration_)
            return; // the user has moved on to another image
        onGui([this, report = std::move(report), image, modes, generation] {
            if (generation != preflightGeneration_)
                return;
            for (int side = 0; side < 2; ++side)
                emit preflightReady(image, side, preflightOfMode(report, modes[side].label));
        });
    });
}

void DashboardController::findLeftovers()
{
    if (!client_)
        return;
    engineJobs_.start([this, client = client_] {
        auto found = findOrphans(*client, ContainerLedger(ContainerLedger::defaultFile()));
        if (!found) {
            onGui([this, message = fromStd(found.error().describe())] { emit problem(message); });
            return;
        }
        QStringList names;
        for (const auto& orphan : found.value().ours)
            names << QStringLiteral("%1 (%2)").arg(fromStd(orphan.name), fromStd(orphan.verdict.reason));
        if (const auto others = found.value().otherHosts.size(); others > 0)
            names << tr("%n container(s) of other machines' sessions are kept (isolens-cli cleanup "
                        "--include-other-hosts removes them)",
                        nullptr, static_cast<int>(others));
        auto shown = std::make_shared<const std::vector<OrphanedContainer>>(std::move(found.value().ours));
        onGui([this, shown, detail = names.join(QLatin1Char('\n'))] {
            shownLeftovers_ = shown;
            emit leftoversFound(static_cast<int>(shown->size()), detail);
        });
    });
}

void DashboardController::removeLeftovers()
{
    if (!client_ || !shownLeftovers_)
        return;
    engineJobs_.start([this, client = client_, shown = std::exchange(shownLeftovers_, nullptr)] {
        QStringList failures;
        for (const auto& orphan : *shown)
            if (auto removed = removeOrphan(*client, orphan); !removed)
                failures << fromStd(orphan.name + ": " + removed.error().message);
        onGui([this, failures] {
            if (!failures.isEmpty())
                emit problem(
                    tr("Some leftovers could not be removed:\n%1").arg(failures.join(QLatin1Char('\n'))));
            findLeftovers();
        });
    });
}

QString DashboardController::openRecording(const QString& path)
{
    if (running_ || busy_)
        return tr("Stop the running pair before opening a recording");
    // Straight into a fresh store, line by line: a day-long recording is not held twice. The live
    // store stays until the replay has succeeded.
    auto replayStore = std::make_shared<SeriesStore>();
    auto replayed = replayFile(pathFromQString(path), *replayStore);
    if (!replayed)
        return fromStd(replayed.error().describe());
    const auto& header = replayed.value().info.header;
    std::array<QString, 2> keys{tr("mode A"), tr("mode B")};
    for (std::size_t side = 0; side < 2; ++side)
        if (const auto label = header.modeLabel(side); !label.empty())
            keys[side] = fromStd(label);
    hostSampler_.reset();
    store_ = std::move(replayStore);
    modeKeys_ = keys;
    for (int side = 0; side < 2; ++side) {
        startup_[side] = startupFromEvents(replayed.value().events, keys[side].toStdString());
    }
    replay_ = true;
    recordingPath_ = path;
    notRecorded_.reset();
    title_ = fromStd(header.image);
    hardening_ = fromStd(header.hardeningDescription());
    emit storeReplaced();
    for (const auto& event : replayed.value().events)
        if (event.kind == EventKind::Exited && event.data.is_object()) {
            const auto exit = exitFromJson(event.data);
            emit containerExited(fromStd(event.mode), fromStd(exitSentence(exit)),
                                 fromStd(describeExit(exit)));
        }
    if (replayed.value().info.truncatedTail)
        emit problem(tr("The recording's last line was cut off (the session ended abruptly); everything "
                        "before it is shown."));
    if (const auto& refused = replayed.value().info.refused; refused.count > 0)
        emit problem(
            tr("%n line(s) of the recording were over a reading limit and are not shown (first: %1).",
               nullptr, static_cast<int>(refused.count))
                .arg(fromStd(refused.lines.front().reason)));
    return {};
}
