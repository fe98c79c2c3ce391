#pragma once

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/engine/hardening.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"
#include "isolens/core/session/container_ledger.hpp"
#include "isolens/core/session/isolation_modes.hpp"
#include "isolens/core/stats/startup_times.hpp"
#include "isolens/core/stats/stats_collector.hpp"

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

struct PairRequest {
    std::string image;
    std::vector<std::string> command;  // empty: the image's own command
    std::vector<std::string> workload; // run in both at the same moment by runWorkload(); may be empty
    std::array<IsolationMode, 2> modes;
    std::optional<std::int64_t> memoryBytes;
    std::optional<std::int64_t> nanoCpus;
    Hardening hardening; // one value for both containers: a comparison must be fair
    bool keepContainers = false;
};

// What a pair reports while it starts and runs, from its own threads: pull progress, and every event
// it records (created, started, gap, exited, error, removed...). cancelPull stops a pull, and a start
// that is under way: start() checks it between the pull, each create and the start.
struct PairObserver {
    std::function<void(const PullProgressTracker&)> pullProgress;
    std::function<void(const std::string& mode, const std::string& kind, const std::string& detail)> event;
    // A container ended on its own (its command exited, or someone removed it): at once, per mode.
    std::function<void(const std::string& mode, const ContainerExit& exit)> exited;
    CancelToken* cancelPull = nullptr;
};

// One side of a running pair.
struct ModeRun {
    IsolationMode mode;
    std::string containerId;
    std::string containerName;
    StartupTimes startup;
    std::optional<ContainerExit> exit; // set when the container ended on its own
    std::size_t samples = 0;           // valid samples received
};

// The container id of the run with this mode label; empty when none has it (or it is not created yet).
std::string containerOfMode(const std::array<ModeRun, 2>& runs, const std::string& modeLabel);

// The product's core action: the same image and command started twice, once per mode, watched
// side by side. Samples go to the series store (keyed by mode label) and, when given, the recording.
class PairSession {
public:
    using Log = std::function<void(const std::string&)>;

    // Each container is recorded in the ledger as soon as it is created, for cleanup's sake.
    PairSession(std::shared_ptr<EngineClient> client, EngineInfo engine, PairRequest request,
                SeriesStore& store, RecordingWriter* recorder, Log log = {},
                ContainerLedger ledger = ContainerLedger(ContainerLedger::defaultFile()));
    ~PairSession();

    // Set before start().
    void setObserver(PairObserver observer) { observer_ = std::move(observer); }
    // Pulls the image when missing, creates both containers, starts them together and starts watching.
    Result<void> start();
    // Runs the workload in both containers at the same moment (detached).
    Result<void> runWorkload();
    // Stops watching, then stops and removes both containers unless asked to keep them.
    void stop();

    const std::string& id() const { return id_; }
    // A copy, safe to take from any thread while the pair runs (the first sample's time is set by
    // the collector's threads).
    std::array<ModeRun, 2> runs() const;
    // The container id of the side with this mode label; empty when none has it, or before start().
    std::string containerOf(const std::string& modeLabel) const;
    // Both containers ended on their own: nothing more will be measured.
    bool bothExited() const;

private:
    Result<void> ensureImage();
    void onEvent(std::size_t side, const CollectorEvent& event);
    void record(const std::string& mode, const std::string& kind, const std::string& detail,
                const nlohmann::json& data = nullptr);

    std::shared_ptr<EngineClient> client_;
    EngineInfo engine_;
    PairRequest request_;
    SeriesStore& store_;
    RecordingWriter* recorder_;
    Log log_;
    ContainerLedger ledger_;
    PairObserver observer_;
    std::string id_;
    std::array<ModeRun, 2> runs_;
    mutable std::mutex runsMutex_;
    std::chrono::steady_clock::time_point startedAt_;
    std::mutex mutex_;
    std::unique_ptr<StatsCollector> collector_;
    std::array<bool, 2> silent_{
        false, false}; // after a gap or an error, until a sample arrives (collector events are serialized)
    bool stopped_ = false;
};

// Why a mode of a pair recorded no sample, in a sentence; empty when it recorded some.
std::string whyNoSamples(const ModeRun& run);

// The header of a pair's recording: app version, start time, image, command, workload, the engine
// (OS, version, endpoint), the host, the two modes, the hardening (null when none), and what recorded it.
nlohmann::json pairRecordingHeader(const PairRequest& request, const EngineInfo& engine,
                                   const std::string& endpoint, const std::string& recordedBy);

} // namespace isolens
