#pragma once

#include "isolens/core/exporter/container_figures.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// What the exporter knows between scrapes, written by its watchers' threads and read by the scrapes'.
// A container is known from its start until it stops: a sample for a container that is not tracked
// (one that arrived after its stop) is dropped, so a stopped container leaves no series behind.
class ExporterState {
public:
    using Clock = std::chrono::steady_clock;

    void track(ContainerIdentity identity, std::optional<double> startDurationSeconds);
    void forget(const std::string& id);
    bool tracks(const std::string& id) const;
    std::vector<std::string> trackedIds() const;

    void recordSample(const StatsSample& sample, Clock::time_point arrived);
    void recordTax(const std::string& id, ContainerTax tax);
    void recordHost(HostSnapshot host);
    void setEngineUp(bool up);

    // The Hyper-V containers with their latest working set (none before their first sample).
    struct HyperVContainer {
        std::string id;
        std::optional<std::int64_t> workingSetBytes;
    };
    std::vector<HyperVContainer> hyperVContainers() const;

    struct View {
        std::vector<ContainerFigures> containers; // ordered by id
        // Shared, not copied: a scrape reads the latest snapshot (the host's whole process list) as is.
        std::shared_ptr<const HostSnapshot> host;
        bool engineUp = false;
    };
    View view(Clock::time_point now) const;

private:
    struct Tracked {
        ContainerFigures figures;
        std::optional<Clock::time_point> arrived;
    };
    mutable std::mutex mutex_;
    std::map<std::string, Tracked> containers_;
    std::shared_ptr<const HostSnapshot> host_;
    bool engineUp_ = false;
};

} // namespace isolens
