#include "isolens/core/batch/pair_run.hpp"

#include "isolens/core/session/host_sampler.hpp"
#include "isolens/core/session/isolation_modes.hpp"

#include <thread>

namespace isolens {

PairRequest pairRequestOf(const BatchEntry& entry, const std::array<IsolationMode, 2>& modes,
                          const Hardening& hardening)
{
    PairRequest request;
    request.image = entry.image;
    request.command = entry.command;
    request.workload = entry.workload;
    request.modes = modes;
    request.memoryBytes = entry.memoryBytes;
    request.nanoCpus = entry.nanoCpus;
    request.hardening = hardening;
    return request;
}

Result<PairOutcome> runPairToEnd(std::shared_ptr<EngineClient> client, const EngineInfo& engine,
                                 const PairRequest& request, SeriesStore& store,
                                 const PairRunOptions& options, CancelToken& cancel)
{
    const auto log = [&](const std::string& line) {
        if (options.log)
            options.log(line);
    };
    PairSession session(client, engine, request, store, options.recorder, options.log);
    PairObserver observer;
    observer.cancelPull = &cancel;
    session.setObserver(std::move(observer));
    if (auto started = session.start(); !started)
        return started.error();
    // The host's figures (CPU, memory, VM workers, isolation tax) beside the pair's, in the same recording.
    // Only when the engine runs here: another machine's host, VM workers and tax are not this PC's. The
    // Hyper-V side's utility VM is attributed through the Host Compute Service where it can be.
    const auto hyperVSeries = hyperVModeLabel(request.modes, engine);
    std::unique_ptr<HostSampler> hostSampler;
    if (client->endpoint().isOnThisMachine()) {
        hostSampler = std::make_unique<HostSampler>(makeHostMetrics(), store, options.recorder, hyperVSeries);
        hostSampler->attributeHyperVContainer(session.containerOf(hyperVSeries));
    } else {
        log("the engine at " + client->endpoint().url +
            " runs on another machine: the host figures, VM workers and isolation tax are not recorded "
            "(IsoLens measures the PC it runs on)");
    }
    log("session " + session.id() + ": watching for " + std::to_string(options.duration.count()) + " s");
    if (auto workload = session.runWorkload(); !workload)
        log("workload failed: " + workload.error().describe());
    const auto until = std::chrono::steady_clock::now() + options.duration;
    while (!cancel.isCancelled() && std::chrono::steady_clock::now() < until && !session.bothExited())
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (session.bothExited())
        log("both containers have exited: the comparison ends early");
    PairOutcome outcome;
    outcome.cancelled = cancel.isCancelled();
    session.stop();
    hostSampler.reset();

    outcome.sessionId = session.id();
    outcome.runs = session.runs();
    outcome.summaries = summarizeModes(store, {request.modes[0].label, request.modes[1].label});
    for (const auto& run : outcome.runs)
        if (auto why = whyNoSamples(run); !why.empty())
            outcome.unmeasured.push_back(std::move(why));
    return outcome;
}

} // namespace isolens
