#pragma once

#include "isolens/core/analysis/pair_summary.hpp"
#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/batch/batch_table.hpp"
#include "isolens/core/session/pair_session.hpp"

#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace isolens {

// How one pair is run from start to summary.
struct PairRunOptions {
    std::chrono::seconds duration{60};
    RecordingWriter* recorder = nullptr; // the pair's recording; none when null
    PairSession::Log log;                // progress lines for the user
};

// How a pair that started ended: its sides, their summaries and, for a side with no sample, why.
struct PairOutcome {
    std::string sessionId;
    std::array<ModeRun, 2> runs;
    std::vector<ModeSummary> summaries;  // side order
    std::vector<std::string> unmeasured; // a sentence per side that recorded no sample
    bool cancelled = false;              // the token ended it before its time
};

// The pair one entry asks for: its image, command, workload and limits, in these modes and hardening (the
// one path from a row, or a single compare's options, to a request).
PairRequest pairRequestOf(const BatchEntry& entry, const std::array<IsolationMode, 2>& modes,
                          const Hardening& hardening);

// Starts the pair, runs the workload, watches for the duration (or until both containers exit or the
// token is cancelled), then stops it and removes its containers unless kept. The host is sampled beside
// it into the same store and recording when the engine runs on this machine. A failed or cancelled
// start is an error (ErrorKind::Cancelled for the token).
Result<PairOutcome> runPairToEnd(std::shared_ptr<EngineClient> client, const EngineInfo& engine,
                                 const PairRequest& request, SeriesStore& store,
                                 const PairRunOptions& options, CancelToken& cancel);

} // namespace isolens
