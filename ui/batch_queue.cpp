#include "batch_queue.hpp"

#include "batch_plan.hpp"
#include "gui_inbox.hpp"
#include "path_text.hpp"

#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/batch/recorded_pair.hpp"

#include <QThreadPool>

#include <algorithm>
#include <optional>

using namespace isolens;

struct BatchQueue::Run {
    RunProgress progress;
    std::optional<BatchRun> result; // once ended
    bool cancelRequested = false;
};

namespace {

// A stopped run as its recording tells it: measured when both sides have samples.
BatchRun recordedRun(const QString& path, std::size_t repeat)
{
    BatchRun run;
    run.repeat = repeat;
    run.outcome = RunOutcome::Failed;
    if (path.isEmpty()) {
        run.reason = QObject::tr("the pair has no recording").toStdString();
        run.hint = QObject::tr("Choose a writable recordings folder").toStdString();
        return run;
    }
    run.recording = pathFromQString(path);
    auto table = tableFromRecordings({run.recording});
    if (!table) {
        run.reason = table.error().whatHappened();
        run.hint = table.error().hint;
        return run;
    }
    auto recorded = table.value().rows.front().runs.front();
    recorded.repeat = repeat;
    return recorded;
}

RunPhase phaseOf(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Measured:
        return RunPhase::Measured;
    case RunOutcome::Cancelled:
        return RunPhase::Cancelled;
    case RunOutcome::Failed:
        break;
    }
    return RunPhase::Failed;
}

} // namespace

BatchQueue::BatchQueue(PairControls controls, QObject* parent)
    : QObject(parent)
    , controls_(std::move(controls))
{
    duration_.setSingleShot(true);
    connect(&duration_, &QTimer::timeout, this, &BatchQueue::runTimeUp);
}

// Never touches the pair: when the window closes mid-batch, the controller stops and removes it after close.
BatchQueue::~BatchQueue() = default;

int BatchQueue::rowCount() const
{
    return plan_ ? static_cast<int>(plan_->images.size()) : 0;
}

int BatchQueue::repeats() const
{
    return plan_ ? plan_->repeats : 0;
}

QString BatchQueue::image(int row) const
{
    return row >= 0 && row < rowCount() ? QString::fromStdString(plan_->images[row]) : QString();
}

RunProgress BatchQueue::progress(int row, int run) const
{
    const int index = row * repeats() + run;
    if (row < 0 || row >= rowCount() || run < 0 || run >= repeats())
        return {};
    auto progress = runs_[index].progress;
    if (progress.phase == RunPhase::Running && plan_->duration.count() > 0)
        progress.fraction = std::clamp(
            static_cast<double>(elapsed_.elapsed()) / static_cast<double>(plan_->duration.count()), 0.0, 1.0);
    return progress;
}

BatchTable BatchQueue::table() const
{
    BatchTable table;
    if (!plan_)
        return table;
    table.labels = {plan_->pair.modes[0].label, plan_->pair.modes[1].label};
    table.cancelled = cancelled_;
    for (int row = 0; row < rowCount(); ++row) {
        BatchRow out;
        out.entry = {plan_->images[row], plan_->pair.command, plan_->pair.workload, plan_->pair.memoryBytes,
                     plan_->pair.nanoCpus};
        for (int run = 0; run < repeats(); ++run)
            if (const auto& result = runs_[row * repeats() + run].result)
                out.runs.push_back(*result);
        table.rows.push_back(std::move(out));
    }
    return table;
}

bool BatchQueue::start(const BatchPlan& plan)
{
    if (active_ || plan.images.empty() || plan.repeats < 1)
        return false;
    plan_ = std::make_unique<BatchPlan>(plan);
    runs_.assign(plan.images.size() * static_cast<std::size_t>(plan.repeats), Run{});
    current_ = -1;
    active_ = true;
    cancelling_ = false;
    cancelled_ = false;
    emit changed();
    startNext();
    return true;
}

BatchQueue::Run* BatchQueue::current()
{
    return current_ >= 0 ? &runs_[current_] : nullptr;
}

// Later, from the event loop: the controller may report a failed start from within startPair, and the
// next start must not run inside the controller's own signal.
void BatchQueue::scheduleNext()
{
    QMetaObject::invokeMethod(this, &BatchQueue::startNext, Qt::QueuedConnection);
}

void BatchQueue::startNext()
{
    if (!active_ || current_ >= 0)
        return;
    const auto next = std::find_if(runs_.begin(), runs_.end(),
                                   [](const Run& run) { return run.progress.phase == RunPhase::Waiting; });
    if (next == runs_.end() || cancelling_) {
        finish();
        return;
    }
    const int index = static_cast<int>(next - runs_.begin());
    if (!controls_.canStart()) {
        // Another pair, or no engine: nothing more can run, and the batch says so rather than wait.
        for (int i = index; i < static_cast<int>(runs_.size()); ++i) {
            auto& run = runs_[i];
            run.progress = {RunPhase::Failed, 1.0,
                            tr("not started: the engine is busy with another pair or not connected"),
                            tr("Stop the other pair, or reconnect, and start the batch again")};
            BatchRun result;
            result.repeat = static_cast<std::size_t>(i % repeats()) + 1;
            result.outcome = RunOutcome::Failed;
            result.reason = run.progress.reason.toStdString();
            result.hint = run.progress.hint.toStdString();
            run.result = result;
        }
        finish();
        return;
    }
    current_ = index;
    next->progress.phase = RunPhase::Starting;
    emit changed();
    auto request = plan_->pair;
    request.image = plan_->images[static_cast<std::size_t>(index / repeats())];
    controls_.start(request);
}

void BatchQueue::onPullProgress(double fraction)
{
    auto* run = current();
    if (!run || (run->progress.phase != RunPhase::Starting && run->progress.phase != RunPhase::Pulling))
        return;
    run->progress.phase = RunPhase::Pulling;
    run->progress.fraction = std::clamp(fraction, 0.0, 1.0);
    emit changed();
}

void BatchQueue::onPairStarted()
{
    auto* run = current();
    if (!run || (run->progress.phase != RunPhase::Starting && run->progress.phase != RunPhase::Pulling))
        return; // a pair started outside the batch
    if (run->cancelRequested) {
        // The cancel came after the pull: the pair is up, so it is stopped and removed at once.
        run->progress.phase = RunPhase::Stopping;
        emit changed();
        controls_.stop();
        return;
    }
    run->progress = {RunPhase::Running, 0.0, {}, {}};
    elapsed_.start();
    duration_.start(plan_->duration);
    emit changed();
}

void BatchQueue::runTimeUp()
{
    auto* run = current();
    if (!run || run->progress.phase != RunPhase::Running)
        return;
    run->progress.phase = RunPhase::Stopping;
    emit changed();
    controls_.stop();
}

void BatchQueue::onPairStopped()
{
    auto* run = current();
    if (!run || (run->progress.phase != RunPhase::Running && run->progress.phase != RunPhase::Stopping))
        return;
    duration_.stop();
    if (run->cancelRequested) {
        endCurrent(RunPhase::Cancelled, tr("stopped while it ran; its recording keeps what was measured"),
                   tr("Start the batch again to measure it in full"));
        return;
    }
    // Stopped by the batch, or by Stop pair in the window: the recording says what was measured. Read off
    // the GUI thread (a long run's recording is megabytes); the next run starts once it has been read.
    run->progress.phase = RunPhase::Reading;
    emit changed();
    QThreadPool::globalInstance()->start([this, inbox = GuiInbox(this), path = controls_.recordingPath(),
                                          repeat = static_cast<std::size_t>(current_ % repeats()) + 1] {
        auto result = recordedRun(path, repeat);
        inbox.post([this, result = std::move(result)] { onRunRead(result); });
    });
}

void BatchQueue::onRunRead(const BatchRun& result)
{
    auto* run = current();
    if (!run || run->progress.phase != RunPhase::Reading)
        return;
    run->result = result;
    endCurrent(phaseOf(result.outcome), QString::fromStdString(result.reason),
               QString::fromStdString(result.hint));
}

void BatchQueue::onPairFailed(const QString& message, const QString& hint)
{
    auto* run = current();
    if (!run || (run->progress.phase != RunPhase::Starting && run->progress.phase != RunPhase::Pulling))
        return;
    // The controller has removed whatever the start created; its recording is kept with what it saw.
    endCurrent(run->cancelRequested ? RunPhase::Cancelled : RunPhase::Failed, message, hint);
}

void BatchQueue::endCurrent(RunPhase phase, const QString& reason, const QString& hint)
{
    auto& run = runs_[current_];
    run.progress = {phase, 1.0, reason, hint};
    if (!run.result) {
        BatchRun result;
        result.repeat = static_cast<std::size_t>(current_ % repeats()) + 1;
        result.outcome = phase == RunPhase::Cancelled ? RunOutcome::Cancelled : RunOutcome::Failed;
        result.reason = reason.toStdString();
        result.hint = hint.toStdString();
        result.recording = pathFromQString(controls_.recordingPath());
        run.result = result;
    }
    current_ = -1;
    emit changed();
    scheduleNext();
}

void BatchQueue::cancel()
{
    if (!active_ || cancelling_)
        return;
    cancelling_ = true;
    cancelled_ = true;
    for (int i = 0; i < static_cast<int>(runs_.size()); ++i) {
        auto& run = runs_[i];
        if (run.progress.phase != RunPhase::Waiting)
            continue;
        run.progress = {RunPhase::Cancelled, 0.0, tr("not started"), {}};
        BatchRun result;
        result.repeat = static_cast<std::size_t>(i % repeats()) + 1;
        result.outcome = RunOutcome::Cancelled;
        result.reason = run.progress.reason.toStdString();
        run.result = result;
    }
    if (auto* run = current()) {
        run->cancelRequested = true;
        switch (run->progress.phase) {
        case RunPhase::Starting:
        case RunPhase::Pulling:
            controls_.cancelPull(); // a start past its pull goes on, and is stopped once it has started
            break;
        case RunPhase::Running:
            duration_.stop();
            run->progress.phase = RunPhase::Stopping;
            controls_.stop();
            break;
        case RunPhase::Stopping:
        case RunPhase::Reading:
            run->cancelRequested = false; // it ran its whole duration: it ends as measured
            break;
        default:
            break;
        }
    } else {
        scheduleNext(); // between two runs: nothing runs, the batch ends
    }
    emit changed();
}

void BatchQueue::finish()
{
    duration_.stop();
    current_ = -1;
    active_ = false;
    cancelling_ = false;
    emit changed();
    emit finished();
}
