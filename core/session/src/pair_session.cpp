#include "isolens/core/session/pair_session.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/units.hpp"
#include "isolens/core/base/version.hpp"
#include "isolens/core/engine/effective_isolation.hpp"
#include "isolens/core/host/host_os.hpp"
#include "isolens/core/platform/processes.hpp"
#include "isolens/core/stats/staleness.hpp"

#include <cstdio>
#include <cstdlib>
#include <future>
#include <random>
#include <thread>
#include <utility>

namespace isolens {

namespace {

// std::async would rethrow an exception from get(), past the code that removes the containers: an
// exception is an error like any other.
template <class Job>
Result<void> errorOnException(Job&& job)
{
    try {
        return job();
    } catch (const std::exception& e) {
        return makeError(ErrorKind::Other, std::string("Starting failed on an internal error: ") + e.what());
    } catch (...) {
        return makeError(ErrorKind::Other, "Starting failed on an internal error");
    }
}

std::string randomId()
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device random;
    std::string id;
    for (int i = 0; i < 8; ++i)
        id += kHex[random() % 16];
    return id;
}

std::string formatMillis(double millis)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", millis);
    return text;
}

double millisSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

PairSession::PairSession(std::shared_ptr<EngineClient> client, EngineInfo engine, PairRequest request,
                         SeriesStore& store, RecordingWriter* recorder, Log log, ContainerLedger ledger)
    : client_(std::move(client))
    , engine_(std::move(engine))
    , request_(std::move(request))
    , store_(store)
    , recorder_(recorder)
    , log_(log ? std::move(log) : [](const std::string&) {})
    , ledger_(std::move(ledger))
    , id_(randomId())
{
    for (std::size_t side = 0; side < 2; ++side)
        runs_[side].mode = request_.modes[side];
}

PairSession::~PairSession()
{
    stop();
}

void PairSession::record(const std::string& mode, EventKind kind, const std::string& detail,
                         const nlohmann::json& data)
{
    // A failed write is the writer's to report, once, to whoever owns it (RecordingWriter::onFailure);
    // the pair goes on, its samples in the store.
    if (recorder_)
        (void)recorder_->event(mode, wallClockNanos(), kind, detail, data);
    if (observer_.event)
        observer_.event(mode, kind, detail);
}

Result<void> PairSession::ensureImage()
{
    if (client_->inspectImage(request_.image))
        return success();
    auto reference = parseImageReference(request_.image);
    if (!reference)
        return reference.error();
    log_("pulling " + request_.image);
    PullProgressTracker progress;
    record("", EventKind::Pulling, request_.image);
    auto pulled = client_->pullImage(
        reference.value(), {},
        [&](const PullEvent& event) {
            progress.apply(event);
            if (observer_.pullProgress)
                observer_.pullProgress(progress);
            if (!event.layerId.empty() &&
                (event.status == "Pull complete" || event.status == "Already exists"))
                log_("  layer " + event.layerId + ": " + event.status);
        },
        observer_.cancelPull);
    record("", pulled ? EventKind::Pulled : EventKind::PullFailed,
           pulled ? request_.image : pulled.error().message);
    return pulled;
}

Result<void> PairSession::start()
{
    if (request_.modes[0].label == request_.modes[1].label)
        return makeError(ErrorKind::InvalidInput,
                         "A pair needs two different modes, not '" + request_.modes[0].label + "' twice");
    if (auto image = parseImageReference(request_.image); !image && request_.image.rfind("sha256:", 0) != 0)
        return image.error();
    const auto os = engineOsFromOsType(engine_.osType);
    if (auto hardened = checkHardening(request_.hardening, os); !hardened)
        return hardened.error();
    if (request_.hardening.any())
        log_(hardeningSentence(request_.hardening));
    // On cancel, whatever was created is removed (stop) and start says Cancelled.
    auto cancelled = [this]() -> std::optional<Error> {
        if (!observer_.cancelPull || !observer_.cancelPull->isCancelled())
            return std::nullopt;
        stop();
        return makeError(ErrorKind::Cancelled, "Interrupted while the pair was starting");
    };
    if (auto pulled = ensureImage(); !pulled) {
        if (auto stopped = cancelled())
            return *stopped;
        return pulled.error();
    }

    std::array<std::chrono::steady_clock::time_point, 2> createdAt;
    for (std::size_t side = 0; side < 2; ++side) {
        if (auto stopped = cancelled())
            return *stopped;
        const auto& mode = request_.modes[side];
        ContainerSpec spec;
        spec.name = pairContainerName(id_, mode.label);
        spec.image = request_.image;
        spec.command = request_.command;
        spec.isolation = mode.isolation;
        spec.runtime = mode.runtime;
        spec.memoryBytes = request_.memoryBytes;
        spec.nanoCpus = request_.nanoCpus;
        spec.hardening = request_.hardening;
        spec.labels = {{kSessionLabel, id_},
                       {kModeLabel, mode.label},
                       {kOwnerPidLabel, std::to_string(thisProcessId())},
                       {kOwnerHostLabel, thisHostName()}};
        createdAt[side] = std::chrono::steady_clock::now();
        auto created = client_->createContainer(spec);
        if (!created) {
            stop(); // whatever was created is removed
            return created.error();
        }
        runs_[side].containerId = created.value().id;
        runs_[side].containerName = spec.name;
        record(mode.label, EventKind::Created, created.value().id);
        // Without the record a killed run's containers are not cleanup's to remove: say so, and go on.
        if (auto recorded = ledger_.append(
                {created.value().id, id_, mode.label, client_->endpoint().url, wallClockNanos()});
            !recorded)
            log_("warning: " + recorded.error().describe() +
                 "; if this run is killed, cleanup will not remove its containers");
    }

    if (auto stopped = cancelled())
        return *stopped;
    // Start both at the same moment.
    std::array<std::future<Result<void>>, 2> started;
    for (std::size_t side = 0; side < 2; ++side)
        started[side] = std::async(std::launch::async, [this, side, &createdAt] {
            return errorOnException([&] {
                auto result = client_->startContainer(runs_[side].containerId);
                if (result)
                    runs_[side].startup.createToRunningMillis = millisSince(createdAt[side]);
                return result;
            });
        });
    startedAt_ = std::chrono::steady_clock::now();
    for (std::size_t side = 0; side < 2; ++side) {
        auto result = started[side].get();
        if (!result) {
            stop();
            return result.error();
        }
        record(runs_[side].mode.label, EventKind::Started, runs_[side].containerName);
        const double createToRunning = runs_[side].startup.createToRunningMillis.value_or(0.0);
        record(runs_[side].mode.label, EventKind::CreateToRunning, formatMillis(createToRunning));
        log_(runs_[side].mode.label + ": " + runs_[side].containerName + " running after " +
             wholeMilliseconds(createToRunning) + " ms");
    }
    if (auto stopped = cancelled())
        return *stopped;

    collector_ = std::make_unique<StatsCollector>(client_, os, [this](const CollectorEvent& event) {
        for (std::size_t side = 0; side < 2; ++side)
            if (runs_[side].containerId == event.containerId)
                onEvent(side, event);
    });
    for (std::size_t side = 0; side < 2; ++side) {
        ContainerLimits limits;
        limits.nanoCpus = request_.nanoCpus.value_or(0);
        limits.memoryBytes = request_.memoryBytes.value_or(0);
        limits.effectiveIsolation = effectiveIsolation(request_.modes[side].isolation, engine_);
        collector_->watch({runs_[side].containerId, runs_[side].containerName, limits});
    }
    return success();
}

std::array<ModeRun, 2> PairSession::runs() const
{
    std::lock_guard lock(runsMutex_);
    return runs_;
}

std::string containerOfMode(const std::array<ModeRun, 2>& runs, const std::string& modeLabel)
{
    for (const auto& run : runs)
        if (!modeLabel.empty() && run.mode.label == modeLabel)
            return run.containerId;
    return {};
}

std::string PairSession::containerOf(const std::string& modeLabel) const
{
    std::lock_guard lock(runsMutex_);
    return containerOfMode(runs_, modeLabel);
}

bool PairSession::bothExited() const
{
    std::lock_guard lock(runsMutex_);
    return runs_[0].exit && runs_[1].exit;
}

void PairSession::onEvent(std::size_t side, const CollectorEvent& event)
{
    const auto& key = runs_[side].mode.label;
    switch (event.kind) {
    case CollectorEvent::Kind::Sample: {
        std::optional<double> firstSampleMillis;
        {
            std::lock_guard lock(runsMutex_);
            if (!runs_[side].startup.startToFirstSampleMillis)
                firstSampleMillis = runs_[side].startup.startToFirstSampleMillis = millisSince(startedAt_);
            if (event.sample.valid)
                ++runs_[side].samples;
        }
        if (firstSampleMillis)
            record(key, EventKind::FirstSample, formatMillis(*firstSampleMillis));
    }
        store_.addSample(key, event.sample);
        if (recorder_) // a failure is reported by the writer itself (see record)
            (void)recorder_->sample(key, event.sample);
        if (event.sample.valid && silent_[side]) {
            silent_[side] = false;
            record(key, EventKind::Resumed, "sampling again");
            log_(key + ": sampling again");
        }
        break;
    case CollectorEvent::Kind::Gap:
        store_.addGap(key, event.timeNanos);
        record(key, EventKind::Gap, noSampleForStaleTime());
        if (!silent_[side])
            log_(key + ": " + noSampleForStaleTime() +
                 "; if the engine stopped, IsoLens keeps retrying every second and "
                 "keeps recording");
        silent_[side] = true;
        break;
    case CollectorEvent::Kind::Stopped: {
        const auto exit = event.exit.value_or(removedContainerExit());
        {
            std::lock_guard lock(runsMutex_);
            runs_[side].exit = exit;
        }
        store_.addGap(key, event.timeNanos);
        record(key, EventKind::Exited, describeExit(exit), exitToJson(exit));
        log_(key + ": the container " + describeExit(exit));
        if (observer_.exited)
            observer_.exited(key, exit);
        break;
    }
    case CollectorEvent::Kind::Error:
        record(key, EventKind::Error, event.error ? event.error->message : "stats stream failed");
        if (!silent_[side])
            log_(key + ": stats stream failed: " +
                 (event.error ? event.error->message : std::string("no reason")) + "; retrying every second");
        silent_[side] = true;
        break;
    }
}

Result<void> PairSession::runWorkload()
{
    if (request_.workload.empty())
        return success();
    std::array<std::string, 2> execs;
    for (std::size_t side = 0; side < 2; ++side) {
        auto exec = client_->createExec(runs_[side].containerId, request_.workload, /*attachOutput=*/false);
        if (!exec) {
            // The usual cause: the container's own command has already exited.
            if (auto details = client_->inspectContainer(runs_[side].containerId);
                details && !details.value().running) {
                auto error =
                    makeError(ErrorKind::Other, "The workload cannot start in " + runs_[side].mode.label +
                                                    ": its container " +
                                                    exitSentence(containerExitFrom(details.value(), {})));
                error.hint =
                    "Give the pair a command that keeps running, e.g. sh -c 'while true; do sleep 1; "
                    "done' (Linux) or ping -t localhost (Windows)";
                return error;
            }
            return exec.error();
        }
        execs[side] = exec.value();
    }
    std::array<std::future<Result<void>>, 2> started;
    for (std::size_t side = 0; side < 2; ++side)
        started[side] = std::async(std::launch::async, [this, id = execs[side]] {
            return errorOnException([&] { return client_->startExecDetached(id); });
        });
    for (std::size_t side = 0; side < 2; ++side) {
        auto result = started[side].get();
        if (!result)
            return result.error();
        std::string command;
        for (const auto& part : request_.workload)
            command += (command.empty() ? "" : " ") + part;
        record(runs_[side].mode.label, EventKind::WorkloadStarted, command);
    }
    return success();
}

void PairSession::stop()
{
    std::lock_guard lock(mutex_);
    if (stopped_)
        return;
    stopped_ = true;
    collector_.reset();
    if (request_.keepContainers)
        return;
    // Both at once: the engine's stop of a running container takes most of the time, and a Ctrl+C
    // should end the run within a second. Created by this session, from the user's image: its anonymous
    // volumes are ours too.
    std::vector<std::pair<const ModeRun*, std::future<void>>> removals;
    for (const auto& run : runs_) {
        if (run.containerId.empty())
            continue;
        removals.emplace_back(&run, std::async(std::launch::async, [client = client_, id = run.containerId] {
            (void)client->removeContainer(id, /*force=*/true, AnonymousVolumes::Remove);
        }));
    }
    for (auto& [run, removal] : removals) {
        removal.get();
        record(run->mode.label, EventKind::Removed, run->containerName);
    }
}

std::string whyNoSamples(const ModeRun& run)
{
    if (run.samples > 0)
        return {};
    if (run.exit)
        return run.mode.label + " recorded no sample: its container " + exitSentence(*run.exit) +
               " before the engine reported its first figures";
    if (run.containerId.empty())
        return run.mode.label + " recorded no sample: its container was not started";
    return run.mode.label + " recorded no sample: the engine sent no statistics for its container (see the "
                            "messages above)";
}

RecordingHeader pairRecordingHeader(const PairRequest& request, const EngineInfo& engine,
                                    const std::string& endpoint, const std::string& recordedBy)
{
    RecordingHeader header;
    header.appVersion = kIsoLensVersion;
    header.startedNanos = wallClockNanos();
    header.image = request.image;
    header.command = request.command;
    header.workload = request.workload;
    header.engine = {engine.osType, engine.serverVersion, endpoint};
    header.hostDescription = readHostOs().description;
    header.recordedBy = recordedBy;
    header.hardening = hardeningToJson(request.hardening);
    header.modes.assign(request.modes.begin(), request.modes.end());
    header.limits = {request.memoryBytes, request.nanoCpus};
    return header;
}

} // namespace isolens
