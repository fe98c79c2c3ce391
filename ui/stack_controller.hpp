#pragma once

#include "engine_jobs.hpp"
#include "gui_inbox.hpp"
#include "host_sampling_bridge.hpp"

#include <QObject>
#include <QString>

#include <array>
#include <functional>
#include <memory>
#include <optional>

// Only forward declarations of the core: moc cannot parse its C++20 headers.
namespace isolens {
class EngineClient;
class RecordingWriter;
class SeriesStore;
class StackSession;
struct EngineInfo;
struct StackRequest;
} // namespace isolens

// What opening a recording in the stacks view did.
struct StackReplayResult {
    bool isStacks = false; // a stacks recording (its header's stacks field): the view shows it
    QString error;         // why it could not be read; empty when it was
};

// Runs the stacks view's StackSession, its recording and host sampling, or shows a stacks recording: the
// stacks view's counterpart of DashboardController, beside it and sharing nothing with the pair. The
// session's threads write the store; the view reads it once per tick. The GUI thread never waits for the
// engine: stopping the session (which waits for its listing under way) runs on an engine job.
class StackController : public QObject {
    Q_OBJECT
public:
    explicit StackController(QObject* parent = nullptr);
    // A running session is stopped after close (work_after_close.hpp), never waited for here.
    ~StackController() override;

    void setEngine(std::shared_ptr<isolens::EngineClient> client, const isolens::EngineInfo& info);
    void clearEngine();
    bool hasEngine() const { return client_ != nullptr; }
    // Where recordings go, asked at each start: the dashboard's recordings folder, as for pairs.
    void setRecordingFolder(std::function<QString()> folder) { recordingFolder_ = std::move(folder); }
    QString recordingDirectory() const;

    // Starts following the two stacks and recording them; "" or what is wrong (also told by failed()).
    QString start(const isolens::StackRequest& request);
    void stop();
    StackReplayResult openRecording(const QString& path);

    std::shared_ptr<isolens::SeriesStore> store() const { return store_; }
    std::array<QString, 2> groups() const { return groups_; }
    QString label() const { return label_; }
    bool isRunning() const { return session_ != nullptr; }
    bool isStopping() const { return stopping_; }
    bool isReplay() const { return replay_; }
    QString recordingPath() const { return recordingPath_; }
    // Live: how many containers each stack has now, also those beyond the ones with a series of their own
    // (in the sum, not in the table); nothing when no session runs.
    std::optional<std::array<int, 2>> memberCounts() const;

signals:
    void started();
    void stopped();
    void storeReplaced();
    // Members joining and leaving, a listing that failed, the recording that could not be written.
    void message(const QString& text);

private:
    std::shared_ptr<isolens::EngineClient> client_;
    std::unique_ptr<isolens::EngineInfo> info_;
    std::shared_ptr<isolens::SeriesStore> store_;
    std::shared_ptr<isolens::RecordingWriter> recorder_;
    std::shared_ptr<isolens::StackSession> session_;
    std::array<QString, 2> groups_;
    QString label_;
    std::function<QString()> recordingFolder_;
    QString recordingPath_;
    bool replay_ = false;
    bool stopping_ = false;

    GuiInbox inbox_;
    EngineJobs engineJobs_;
    HostSamplingBridge host_; // its sampler writes store_ and recorder_
};
