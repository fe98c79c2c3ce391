#include "stack_controller.hpp"

#include "path_text.hpp"
#include "recording_folder.hpp"
#include "session_recording.hpp"
#include "work_after_close.hpp"

#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/stack_session.hpp"

using namespace isolens;

namespace {

QString fromStd(const std::string& text)
{
    return QString::fromStdString(text);
}

} // namespace

StackController::StackController(QObject* parent)
    : QObject(parent)
    , store_(std::make_shared<SeriesStore>())
    , inbox_(this)
    , host_(this, [](auto&&...) {}) // the host's notes are the Host tab's; here only its charts
{
    groups_ = {tr("stack A"), tr("stack B")};
}

StackController::~StackController()
{
    host_.stop();
    // A stop under way owns what it needs (the session, the store it writes, the recording) and ends on
    // its own; otherwise the session is stopped after close the same way.
    if (session_ && !stopping_)
        finishAfterClose([session = std::exchange(session_, nullptr),
                          recorder = std::exchange(recorder_, nullptr), store = store_] {
            session->stop();
            if (recorder)
                (void)recorder->close();
        });
}

void StackController::setEngine(std::shared_ptr<EngineClient> client, const EngineInfo& info)
{
    client_ = std::move(client);
    info_ = std::make_unique<EngineInfo>(info);
}

void StackController::clearEngine()
{
    client_.reset();
}

QString StackController::recordingDirectory() const
{
    return recordingFolder_ ? recordingFolder_() : defaultRecordingFolder();
}

QString StackController::start(const StackRequest& request)
{
    if (!client_ || !info_)
        return tr("Connect to an engine first");
    if (session_ || stopping_)
        return tr("The stacks are followed already: stop first");
    if (auto checked = checkStackRequest(request); !checked)
        return fromStd(checked.error().describe());

    auto store = std::make_shared<SeriesStore>();
    QString error;
    auto created = createSessionRecording(
        recordingDirectory(), fromStd("stacks-" + request.groups[0] + "-" + request.groups[1]),
        stackRecordingHeader(request, *info_, client_->endpoint().url, "isolens dashboard"), error);
    if (!created)
        return tr("Cannot record the stacks: %1").arg(error);
    host_.stop();
    store_ = std::move(store);
    recordingPath_ = qStringFromPath(created->path());
    recorder_ = std::shared_ptr<RecordingWriter>(std::move(created));
    // On the thread whose write failed: the session's, a collector's, the host sampler's.
    recorder_->onFailure([this, inbox = inbox_](const RecordingFailure& failure) {
        inbox.post([this, text = describeRecordingFailure(failure)] {
            emit message(tr("The recording stopped: %1 %2").arg(text.message, text.hint));
        });
    });
    groups_ = {fromStd(request.groups[0]), fromStd(request.groups[1])};
    label_ = fromStd(request.label);
    replay_ = false;
    emit storeReplaced();
    // The log runs on the session's threads, maybe after this controller has gone: only the inbox.
    auto session = std::make_shared<StackSession>(
        client_, *info_, request, *store_, recorder_.get(), [this, inbox = inbox_](const std::string& line) {
            inbox.post([this, line] { emit message(fromStd(line)); });
        });
    if (auto startedSession = session->start(); !startedSession) { // checked above: not expected
        recorder_.reset();
        return fromStd(startedSession.error().describe());
    }
    session_ = std::move(session);
    host_.restart(client_, *store_, recorder_.get(), {});
    emit started();
    return {};
}

void StackController::stop()
{
    if (!session_ || stopping_)
        return;
    stopping_ = true;
    host_.stop(); // quick: the sampler never waits on the engine
    // The job holds the session, its store and its recording until the session's threads have ended,
    // so that closing the window meanwhile frees nothing they write to.
    engineJobs_.start([this, inbox = inbox_, session = session_, store = store_, recorder = recorder_] {
        session->stop(); // may wait for a listing under way
        if (recorder)
            (void)recorder->close(); // a failure is told through onFailure
        inbox.post([this] {
            recorder_.reset();
            session_.reset();
            stopping_ = false;
            emit stopped();
        });
    });
}

std::optional<std::array<int, 2>> StackController::memberCounts() const
{
    if (!session_)
        return std::nullopt;
    const auto counts = session_->memberCounts(); // never waits: the GUI thread asks
    return std::array<int, 2>{static_cast<int>(counts[0]), static_cast<int>(counts[1])};
}

StackReplayResult StackController::openRecording(const QString& path)
{
    if (session_ || stopping_)
        return {false, tr("Stop the stacks before opening a recording")};
    auto store = std::make_shared<SeriesStore>();
    auto replayed = replayFile(pathFromQString(path), *store);
    if (!replayed)
        return {false, fromStd(replayed.error().describe())};
    const auto& header = replayed.value().info.header;
    if (!header.stacks)
        return {false, {}};
    host_.stop();
    store_ = std::move(store);
    for (std::size_t side = 0; side < 2; ++side)
        groups_[side] = fromStd(header.modeLabel(side));
    label_ = fromStd(header.stacks->label);
    recordingPath_ = path;
    replay_ = true;
    emit storeReplaced();
    return {true, {}};
}
