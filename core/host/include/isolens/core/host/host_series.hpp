#pragma once

#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/process_visibility.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace isolens {

// Series names for the host's own figures, beside the modes' in the same store and recording.
inline constexpr const char* kHostSeries = "host";                  // CPU % of the host, memory in use
inline constexpr const char* kVmWorkerSeries = "vm-workers";        // all VM worker processes summed
inline constexpr const char* kIsolationTaxSeries = "isolation-tax"; // utility VM minus container
// The event, on the host series, that says how the isolation tax's utility VM was found (attributed, or
// taken as the only one, and why), recorded whenever that changes.
inline constexpr const char* kIsolationTaxEvent = "isolation-tax";

// One host snapshot as samples for the series store: the host (CPU, memory used of total), the VM
// workers summed (only when there are any; their memory counts only readable working sets), and
// the isolation tax when the Hyper-V side's private working set is known and the tax can be told.
// Nothing for the host on the first snapshot, which has no CPU figure yet.
struct HostSeriesSamples {
    std::vector<std::pair<std::string, StatsSample>> samples;
    IsolationTax tax;
};
HostSeriesSamples hostSeriesSamples(const HostSnapshot& host,
                                    std::optional<std::int64_t> hyperVPrivateWorkingSet,
                                    const UtilityVmAttribution& attribution = {});

} // namespace isolens
