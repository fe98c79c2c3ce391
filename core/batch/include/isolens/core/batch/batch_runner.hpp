#pragma once

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/batch/pair_run.hpp"
#include "isolens/core/engine/hardening.hpp"

#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace isolens {

// What a batch runs: every entry, repeat times each (A A B B ...), one pair at a time so that the pairs
// do not disturb each other, all with the same modes, duration and hardening.
struct BatchPlan {
    std::vector<BatchEntry> entries;
    std::size_t repeat = 1;
    std::chrono::seconds duration{60};
    std::array<IsolationMode, 2> modes;
    Hardening hardening;
    std::vector<std::string> invocation; // the command line, written to each recording's header
    std::string recordedBy = "isolens-cli compare";
};

// Where a run is, for a progress display: row and repeat are 1-based.
struct BatchProgress {
    enum class Phase { Starting, Finished };
    Phase phase = Phase::Starting;
    std::size_t row = 1;
    std::size_t repeat = 1;
    std::size_t rows = 0;
    std::size_t repeats = 0;
    const BatchRun* finished = nullptr; // the run, once finished
};

struct BatchHooks {
    // The recording of one run, made before it starts: the batch's figures are read back from it.
    std::function<Result<std::unique_ptr<RecordingWriter>>(const RecordingHeader& header, std::size_t row,
                                                           std::size_t repeat)>
        openRecording;
    std::function<void(const BatchProgress&)> progress;
    PairSession::Log log;
    // Runs one pair; runPairToEnd unless a test puts a fake here.
    std::function<Result<PairOutcome>(const PairRequest&, SeriesStore&, const PairRunOptions&, CancelToken&)>
        runPair;
};

// Runs the plan. A run that fails (pull, create, start, no sample, an incomplete recording) gets its
// reason and the batch goes on; after a pull, create or start that failed, the row's other repeats are
// left out, since they would fail the same way; the token stops the running pair (removing its containers)
// and ends the batch, leaving the rest not run.
BatchTable runBatch(std::shared_ptr<EngineClient> client, const EngineInfo& engine,
                    const std::string& endpoint, const BatchPlan& plan, const BatchHooks& hooks,
                    CancelToken& cancel);

} // namespace isolens
