#include "isolens/core/exporter/exporter_state.hpp"

namespace isolens {

void ExporterState::track(ContainerIdentity identity, std::optional<double> startDurationSeconds)
{
    std::lock_guard lock(mutex_);
    auto& tracked = containers_[identity.id];
    tracked.figures.identity = std::move(identity);
    tracked.figures.startDurationSeconds = startDurationSeconds;
}

void ExporterState::forget(const std::string& id)
{
    std::lock_guard lock(mutex_);
    containers_.erase(id);
}

bool ExporterState::tracks(const std::string& id) const
{
    std::lock_guard lock(mutex_);
    return containers_.count(id) != 0;
}

std::vector<std::string> ExporterState::trackedIds() const
{
    std::lock_guard lock(mutex_);
    std::vector<std::string> ids;
    for (const auto& [id, _] : containers_)
        ids.push_back(id);
    return ids;
}

void ExporterState::recordSample(const StatsSample& sample, Clock::time_point arrived)
{
    if (!sample.valid) // a stopped container's zeroed sample: its figures are not zero, they are gone
        return;
    std::lock_guard lock(mutex_);
    auto it = containers_.find(sample.id);
    if (it == containers_.end())
        return;
    it->second.figures.latest = sample;
    it->second.arrived = arrived;
}

void ExporterState::recordTax(const std::string& id, ContainerTax tax)
{
    std::lock_guard lock(mutex_);
    if (auto it = containers_.find(id); it != containers_.end())
        it->second.figures.tax = std::move(tax);
}

void ExporterState::recordHost(HostSnapshot host)
{
    auto shared = std::make_shared<const HostSnapshot>(std::move(host)); // made outside the lock
    std::lock_guard lock(mutex_);
    host_ = std::move(shared);
}

void ExporterState::setEngineUp(bool up)
{
    std::lock_guard lock(mutex_);
    engineUp_ = up;
}

std::vector<ExporterState::HyperVContainer> ExporterState::hyperVContainers() const
{
    std::lock_guard lock(mutex_);
    std::vector<HyperVContainer> hyperV;
    for (const auto& [id, tracked] : containers_)
        if (tracked.figures.identity.isolation == "hyperv")
            hyperV.push_back({id, tracked.figures.latest ? std::optional(tracked.figures.latest->memBytes)
                                                         : std::nullopt});
    return hyperV;
}

ExporterState::View ExporterState::view(Clock::time_point now) const
{
    std::lock_guard lock(mutex_);
    View view;
    view.host = host_;
    view.engineUp = engineUp_;
    for (const auto& [_, tracked] : containers_) {
        auto figures = tracked.figures;
        if (tracked.arrived)
            figures.sampleAgeSeconds = std::chrono::duration<double>(now - *tracked.arrived).count();
        view.containers.push_back(std::move(figures));
    }
    return view;
}

} // namespace isolens
