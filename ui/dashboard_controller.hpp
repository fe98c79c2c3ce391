#pragma once

#include "engine_jobs.hpp"
#include "engine_queries.hpp"
#include "gui_inbox.hpp"
#include "host_process_model.hpp"
#include "host_sampling_bridge.hpp"
#include "summary_view.hpp"

#include <QHash>
#include <QObject>

#include <array>
#include <memory>
#include <vector>

// Only forward declarations of the core: moc cannot parse its C++20 headers.
namespace isolens {
class EngineClient;
class PairSession;
class RecordingWriter;
class SeriesStore;
class CancelToken;
struct EngineInfo;
struct HostSnapshot;
struct IsolationMode;
struct PairObserver;
struct PairRequest;
struct RecordingFailure;
struct StatsSample;
struct ModeRun;
struct OrphanedContainer;
struct ModePreflight;
enum class EventKind;
} // namespace isolens
Q_MOC_INCLUDE("isolens/core/host/host_metrics.hpp")
Q_MOC_INCLUDE("isolens/core/recording/event_kind.hpp")
Q_MOC_INCLUDE("isolens/core/session/preflight.hpp")

// The single bridge between the core's threads and the GUI: the engine it works with, the live pair's
// lifecycle (pull, create, start, stop, its recording), and what is shown (the live store, or a replay).
// Engine work (here, EngineQueries) and host sampling (HostSamplingBridge) run off the GUI thread; what they
// report arrives here as queued signals, on the GUI thread. The series store is the one shared piece:
// collectors write it, the charts read it once per tick.
class DashboardController : public QObject {
    Q_OBJECT
public:
    explicit DashboardController(QObject* parent = nullptr);
    // Never waits for the engine: a running pair is stopped, and its containers removed, after close
    // (work_after_close.hpp), as are the engine requests still under way.
    ~DashboardController() override;

    // Live: an engine to start pairs on; the host is sampled from now on. What is on screen (a replay, or
    // the last pair) stays until a new pair starts or another recording is opened.
    void setEngine(std::shared_ptr<isolens::EngineClient> client, const isolens::EngineInfo& info);
    void clearEngine();
    bool hasEngine() const { return client_ != nullptr; }

    std::shared_ptr<isolens::SeriesStore> store() const { return store_; }
    std::array<QString, 2> modeKeys() const { return modeKeys_; }
    // Live: as the pair measures them (the first sample's arrives after start); replay: as recorded.
    std::array<isolens::StartupTimes, 2> startupTimes() const;
    bool isRunning() const { return running_; }
    bool isBusy() const { return busy_; }
    bool isReplay() const { return replay_; }
    QString recordingPath() const { return recordingPath_; }
    std::size_t linesRecorded() const;
    // Why the live pair's recording stopped being written (a full disk…); empty while it is whole.
    QString recordingProblem() const { return recordingProblem_; }
    // The live or last pair's samples that its recording could not take (mode, sample), in order: the
    // recording holds every sample before them.
    std::vector<std::pair<std::string, isolens::StatsSample>> samplesNotRecorded() const;
    QString sessionTitle() const { return title_; }
    // How the pair shown was hardened ("no network, at most 256 processes, ..."); empty when it was not.
    QString hardening() const { return hardening_; }

    // Where live sessions are recorded (default: IsoLens/recordings in the user's data folder,
    // ~/.local/share or %APPDATA%).
    void setRecordingDirectory(const QString& directory) { recordingDirectory_ = directory; }
    QString recordingDirectory() const;

    void startPair(const isolens::PairRequest& request);
    void stopPair();
    void cancelPull();
    void listImages();
    void preflight(const QString& image, const std::array<isolens::IsolationMode, 2>& modes);
    void findLeftovers();
    // Removes exactly the leftovers the last findLeftovers() reported (never their volumes).
    void removeLeftovers();

    // Replays a recording into a fresh store (stopping host sampling). Returns "" or what went wrong.
    QString openRecording(const QString& path);

signals:
    void imagesListed(const QStringList& images);
    void pullProgress(double fraction, const QString& detail);
    void pullFinished();
    void pairStarting(const QString& what);
    void pairStarted();
    void pairFailed(const QString& message, const QString& hint);
    void pairStopped();
    void sessionEvent(const QString& mode, isolens::EventKind kind, const QString& detail);
    // A container of the pair ended on its own (live, or as a replayed recording says): summary is one
    // sentence ("exited with code 2 after 0.1 s"), details adds the engine's error and the last output.
    void containerExited(const QString& mode, const QString& summary, const QString& details);
    void storeReplaced();
    void hostSampled(std::shared_ptr<const isolens::HostSnapshot> snapshot,
                     const QHash<int, ContainerProcessTag>& containerProcesses,
                     const QString& taxExplanation);
    void preflightReady(const QString& image, int side, const isolens::ModePreflight& preflight);
    void leftoversFound(int count, const QString& detail);
    void problem(const QString& message); // something failed that is not the pair's start
    // The recording could not be written, once, at the first failure: sampling goes on in memory.
    void recordingFailed(const QString& message, const QString& hint);

private:
    void restartHostSampling(isolens::RecordingWriter* recorder, const std::string& hyperVSeries);
    isolens::PairObserver pairObserver();

    std::shared_ptr<isolens::EngineClient> client_;
    std::unique_ptr<isolens::EngineInfo> info_;
    std::shared_ptr<isolens::SeriesStore> store_;
    std::shared_ptr<isolens::RecordingWriter> recorder_;
    std::shared_ptr<isolens::PairSession> session_;
    std::shared_ptr<isolens::CancelToken> pullCancel_;
    std::array<QString, 2> modeKeys_;
    std::array<isolens::StartupTimes, 2> startup_;
    QString recordingPath_;
    QString recordingProblem_;
    std::shared_ptr<const std::vector<std::pair<std::string, isolens::StatsSample>>>
        notRecorded_; // last pair's
    QString recordingDirectory_;
    QString title_;
    QString hardening_;
    bool running_ = false;
    bool busy_ = false;
    bool replay_ = false;

    GuiInbox inbox_;          // what the core's threads report to this controller
    EngineJobs engineJobs_;   // start, stop, images, leftovers: one at a time, in order
    EngineQueries queries_;   // after engineJobs_, which it uses
    HostSamplingBridge host_; // its sampler writes store_ and recorder_
};
