#include "isolens/core/exporter/host_watcher.hpp"

#include "isolens/core/host/process_visibility.hpp"

#include <set>

namespace isolens {

ContainerTax containerTax(const HostSnapshot& host, std::optional<std::int64_t> containerWorkingSet,
                          const UtilityVmAttribution& attribution, bool only)
{
    ContainerTax tax;
    tax.gap = attribution.gap;
    if (!containerWorkingSet || (!attribution.workerPid && !only))
        return tax;
    const auto figure = isolationTax(host, *containerWorkingSet, attribution);
    if (figure.bytes) {
        tax.taxBytes = figure.bytes;
        tax.utilityVmWorkingSetBytes = *figure.bytes + *containerWorkingSet;
    }
    return tax;
}

HostWatcher::HostWatcher(std::unique_ptr<HostMetrics> metrics, ExporterState& state,
                         UtilityVmAttributor::Lister lister, std::chrono::milliseconds interval)
    : metrics_(std::move(metrics))
    , state_(state)
    , lister_(std::move(lister))
    , interval_(interval)
    , thread_([this] { run(); })
{}

HostWatcher::~HostWatcher()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void HostWatcher::attributeTaxes(const HostSnapshot& host)
{
    const auto hyperV = state_.hyperVContainers();
    std::set<std::string> running;
    for (const auto& container : hyperV) {
        running.insert(container.id);
        auto [it, _] = attributors_.try_emplace(container.id, lister_);
        const auto attribution = it->second.attribute(container.id, host, std::chrono::steady_clock::now());
        state_.recordTax(container.id,
                         containerTax(host, container.workingSetBytes, attribution, hyperV.size() == 1));
    }
    std::erase_if(attributors_, [&](const auto& entry) { return running.count(entry.first) == 0; });
}

void HostWatcher::run()
{
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            if (auto snapshot = metrics_->sample()) {
                attributeTaxes(snapshot.value());
                state_.recordHost(std::move(snapshot.value()));
            }
        } catch (const std::exception&) {
            // A thread body lets nothing out; the host figures go stale and the next sample tries again.
        }
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stopping_; });
    }
}

} // namespace isolens
