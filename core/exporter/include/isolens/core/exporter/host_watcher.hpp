#pragma once

#include "isolens/core/exporter/exporter_state.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/utility_vm_attributor.hpp"

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

namespace isolens {

// Samples the host once per interval on its own thread, and for each Hyper-V container tells its
// utility VM and the isolation tax: by the Host Compute Service where it names the VM's vmmem, and,
// while only one Hyper-V container runs, from the only utility VM (isolens_isolation_tax_attributed
// then says 0, with the service's reason). With several and no attribution, no tax is reported.
class HostWatcher {
public:
    HostWatcher(std::unique_ptr<HostMetrics> metrics, ExporterState& state,
                UtilityVmAttributor::Lister lister = enumerateComputeSystems,
                std::chrono::milliseconds interval = std::chrono::seconds(1));
    ~HostWatcher();
    HostWatcher(const HostWatcher&) = delete;
    HostWatcher& operator=(const HostWatcher&) = delete;

private:
    void run();
    void attributeTaxes(const HostSnapshot& host);

    std::unique_ptr<HostMetrics> metrics_;
    ExporterState& state_;
    UtilityVmAttributor::Lister lister_;
    std::chrono::milliseconds interval_;
    std::map<std::string, UtilityVmAttributor> attributors_; // the sampling thread's, by container
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;
};

// A Hyper-V container's tax from one host snapshot and its attribution. only: it is the only Hyper-V
// container running, so the only utility VM may be taken to be its own.
ContainerTax containerTax(const HostSnapshot& host, std::optional<std::int64_t> containerWorkingSet,
                          const UtilityVmAttribution& attribution, bool only);

} // namespace isolens
