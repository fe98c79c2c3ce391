#include "isolens/core/batch/batch_runner.hpp"

#include "isolens/core/batch/recorded_pair.hpp"
#include "isolens/core/platform/system_text.hpp"

namespace isolens {

namespace {

void failRun(BatchRun& run, const Error& error)
{
    run.outcome = error.kind == ErrorKind::Cancelled ? RunOutcome::Cancelled : RunOutcome::Failed;
    run.reason = error.message;
    run.hint = error.hint.empty() ? hintFor(error.kind) : error.hint;
}

// The figures of a run that ended: read back from its recording, so that the table is what the recording
// says; from the live summary when there is no whole recording.
void measure(BatchRun& run, const PairOutcome& outcome, const RecordingWriter* recorder,
             const PairSession::Log& log)
{
    run.figures = pairFigures(outcome.summaries, {outcome.runs[0].startup, outcome.runs[1].startup});
    if (recorder && !recorder->failure()) {
        if (auto recorded = readRecordedPair(recorder->path()); recorded)
            run.figures = recorded.value().figures;
        else if (log)
            log("the recording " + utf8FromPath(recorder->path()) + " did not read back (" +
                recorded.error().message + "): this run's figures are the live summary");
    }
    if (outcome.cancelled) {
        run.outcome = RunOutcome::Cancelled;
        run.reason = "stopped before its time";
        run.hint = "Run it again to measure it whole";
    } else if (!outcome.unmeasured.empty()) {
        run.outcome = RunOutcome::Failed;
        for (const auto& why : outcome.unmeasured)
            run.reason += (run.reason.empty() ? "" : "; ") + why;
        run.hint = "See the recording's events for what the container did";
    } else if (recorder && recorder->failure()) {
        run.outcome = RunOutcome::Failed;
        run.reason = "the recording " + utf8FromPath(recorder->path()) +
                     " is not whole: " + recorder->failure()->error.message;
        run.hint = "Free space where the recordings go, then run it again";
    }
}

} // namespace

BatchTable runBatch(std::shared_ptr<EngineClient> client, const EngineInfo& engine,
                    const std::string& endpoint, const BatchPlan& plan, const BatchHooks& hooks,
                    CancelToken& cancel)
{
    BatchTable table;
    table.labels = {plan.modes[0].label, plan.modes[1].label};
    for (const auto& entry : plan.entries)
        table.rows.push_back({entry, {}});
    const auto runPair = hooks.runPair
                             ? hooks.runPair
                             : [&](const PairRequest& request, SeriesStore& store,
                                   const PairRunOptions& options, CancelToken& token) {
                                   return runPairToEnd(client, engine, request, store, options, token);
                               };
    for (std::size_t row = 0; row < table.rows.size() && !cancel.isCancelled(); ++row)
        for (std::size_t repeat = 1; repeat <= plan.repeat && !cancel.isCancelled(); ++repeat) {
            auto& runs = table.rows[row].runs;
            if (hooks.progress)
                hooks.progress(
                    {BatchProgress::Phase::Starting, row + 1, repeat, table.rows.size(), plan.repeat});
            const auto request = pairRequestOf(table.rows[row].entry, plan.modes, plan.hardening);
            auto header = pairRecordingHeader(request, engine, endpoint, plan.recordedBy);
            header.invocation = plan.invocation;
            BatchRun run;
            run.repeat = repeat;
            bool startFailed = false; // a pull, create or start that failed fails the same way again
            std::unique_ptr<RecordingWriter> recorder;
            auto opened = hooks.openRecording ? hooks.openRecording(header, row + 1, repeat)
                                              : Result<std::unique_ptr<RecordingWriter>>(nullptr);
            if (!opened) {
                failRun(run, opened.error());
            } else {
                recorder = std::move(opened.value());
                if (recorder)
                    run.recording = recorder->path();
                SeriesStore store;
                const auto outcome =
                    runPair(request, store, {plan.duration, recorder.get(), hooks.log}, cancel);
                if (recorder)
                    (void)recorder->close();
                startFailed = !outcome;
                if (!outcome)
                    failRun(run, outcome.error());
                else
                    measure(run, outcome.value(), recorder.get(), hooks.log);
            }
            runs.push_back(std::move(run));
            if (hooks.progress) {
                BatchProgress done{BatchProgress::Phase::Finished, row + 1, repeat, table.rows.size(),
                                   plan.repeat};
                done.finished = &runs.back();
                hooks.progress(done);
            }
            if (startFailed)
                break;
        }
    table.cancelled = cancel.isCancelled();
    return table;
}

} // namespace isolens
