#pragma once

#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/host_series.hpp"
#include "isolens/core/host/utility_vm_attributor.hpp"
#include "isolens/core/recording/recording.hpp"
#include "isolens/core/series/series_store.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace isolens {

// Samples the host on its own thread, once per interval, into the series store (and the recording
// when given) under the host series names; each snapshot also goes to the sink (on that thread).
// hyperVSeries names the mode whose memory is the Hyper-V container's private working set, for the
// isolation tax; empty when no side is Hyper-V. Once that side's container exists
// (attributeHyperVContainer), its utility VM is attributed through the Host Compute Service; until
// then, and where that is impossible, the tax falls back to "the only utility VM" and says why.
class HostSampler {
public:
    using Sink = std::function<void(const HostSnapshot&, const HostSeriesSamples&)>;

    HostSampler(std::unique_ptr<HostMetrics> metrics, SeriesStore& store, RecordingWriter* recorder,
                std::string hyperVSeries, Sink sink = {},
                std::chrono::milliseconds interval = std::chrono::seconds(1),
                UtilityVmAttributor attributor = UtilityVmAttributor());
    ~HostSampler(); // stops within one sample (a Host Compute Service call waits at most 5 s)

    // The Hyper-V side's container id; from the next sample on its utility VM is attributed.
    void attributeHyperVContainer(std::string containerId);
    HostSampler(const HostSampler&) = delete;
    HostSampler& operator=(const HostSampler&) = delete;

private:
    void run();
    void sampleUntilStopped();
    std::optional<std::int64_t> hyperVWorkingSet(std::int64_t nowNanos) const;

    std::unique_ptr<HostMetrics> metrics_;
    SeriesStore& store_;
    RecordingWriter* recorder_;
    std::string hyperVSeries_;
    Sink sink_;
    std::chrono::milliseconds interval_;
    UtilityVmAttributor attributor_; // the sampler thread's
    std::mutex mutex_;
    std::string hyperVContainerId_; // guarded by mutex_
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace isolens
