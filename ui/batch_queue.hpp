#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>
#include <vector>

// Only forward declarations of the core: moc cannot parse its C++20 headers.
namespace isolens {
struct BatchRun;
struct BatchTable;
struct PairRequest;
} // namespace isolens
struct BatchPlan;

// Where one run of a batch is.
enum class RunPhase {
    Waiting,
    Starting, // asked for; the pull, create and start are under way
    Pulling,
    Running,  // measured until its duration has passed
    Stopping, // its containers are being stopped and removed
    Reading,  // stopped; its figures are read back from its recording
    Measured,
    Failed,
    Cancelled,
};

struct RunProgress {
    RunPhase phase = RunPhase::Waiting;
    double fraction = 0.0; // of the pull while pulling, of the duration while running; 1 once ended
    QString reason;        // failed or cancelled: what happened
    QString hint;          // and what to do
};

// What the batch asks of the dashboard's one live pair (DashboardController in the window, fakes in tests).
struct PairControls {
    std::function<bool()> canStart; // an engine, and no pair running, starting or stopping
    std::function<void(const isolens::PairRequest&)> start;
    std::function<void()> stop;
    std::function<void()> cancelPull;
    std::function<QString()> recordingPath; // the live or last pair's
};

// The batch's state machine, one run at a time through the dashboard's pair: start, and once the pair has
// started a timer for the run's duration, then stop; the next run starts only when the pair has stopped
// (its containers are removed by then). A failed start marks that run failed and the batch goes on. Each
// run is recorded on its own (the controller makes a recording per pair); a run's figures are read back
// from its recording once it has stopped (off the GUI thread), so they are the recording's. No widgets: the
// dialog shows it.
class BatchQueue : public QObject {
    Q_OBJECT
public:
    explicit BatchQueue(PairControls controls, QObject* parent = nullptr);
    ~BatchQueue() override;

    // Queues every run of the plan, image by image and repeat by repeat, and starts the first. False, and
    // nothing queued, while a batch is active or when the plan has no image.
    bool start(const BatchPlan& plan);
    // Stops the running pair (or cancels its pull), so that its containers are removed, and cancels the
    // runs not started yet; a run that was already stopping ends as it would have. The batch has ended
    // once the pair has stopped (finished). A cancelled run's recording is kept, marked cancelled here.
    void cancel();

    bool isActive() const { return active_; }
    bool isCancelling() const { return active_ && cancelling_; }
    int rowCount() const;
    int repeats() const;
    QString image(int row) const;
    RunProgress progress(int row, int run) const;
    // The runs that have ended, per image in the plan's order, with the modes' labels; complete once
    // finished (cancelled says whether the user stopped it).
    isolens::BatchTable table() const;

public slots:
    // The controller's signals, connected by whoever owns both.
    void onPairStarted();
    void onPairFailed(const QString& message, const QString& hint);
    void onPairStopped();
    void onPullProgress(double fraction);

signals:
    void changed(); // a run moved on, or the batch started or ended
    void finished();

private:
    struct Run;
    void startNext();
    void scheduleNext();
    void runTimeUp();
    void onRunRead(const isolens::BatchRun& result);
    void endCurrent(RunPhase phase, const QString& reason, const QString& hint);
    void finish();
    Run* current();

    PairControls controls_;
    std::unique_ptr<BatchPlan> plan_;
    std::vector<Run> runs_; // row by row, repeat by repeat
    int current_ = -1;      // the run the pair belongs to
    bool active_ = false;
    bool cancelling_ = false;
    bool cancelled_ = false; // the last batch was cancelled
    QTimer duration_;
    QElapsedTimer elapsed_;
};
