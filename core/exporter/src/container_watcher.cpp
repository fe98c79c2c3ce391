#include "isolens/core/exporter/container_watcher.hpp"

#include "isolens/core/base/timestamp.hpp"
#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/engine/effective_isolation.hpp"

namespace isolens {

namespace {

std::string labelOr(const Labels& labels, const char* key)
{
    auto it = labels.find(key);
    return it == labels.end() ? std::string{} : it->second;
}

std::optional<double> startDuration(const ContainerDetails& details)
{
    const auto created = parseRfc3339Nanos(details.created);
    const auto started = parseRfc3339Nanos(details.startedAt);
    if (!created || !started || *started < *created)
        return std::nullopt;
    return static_cast<double>(*started - *created) / 1e9;
}

} // namespace

ContainerWatcher::ContainerWatcher(std::shared_ptr<EngineClient> client, ExporterState& state,
                                   std::chrono::milliseconds reconcileEvery)
    : client_(std::move(client))
    , state_(state)
    , reconcileEvery_(reconcileEvery)
    , events_([this] { followEvents(); })
    , reconciler_([this] { reconcileUntilStopped(); })
{}

ContainerWatcher::~ContainerWatcher()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    eventsCancel_.cancel();
    wake_.notify_all();
    events_.join();
    reconciler_.join();
    std::unique_ptr<StatsCollector> collector;
    {
        std::lock_guard lock(mutex_);
        collector = std::move(collector_);
    }
    collector.reset(); // its threads end before the state they write to may go
}

bool ContainerWatcher::waitOrStop(std::chrono::milliseconds pause)
{
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, pause, [this] { return stopping_; });
}

bool ContainerWatcher::ensureEngineKnown()
{
    {
        std::lock_guard lock(mutex_);
        if (collector_)
            return true;
    }
    auto info = client_->info();
    if (!info)
        return false;
    const auto os = engineOsFromOsType(info.value().osType);
    std::lock_guard lock(mutex_);
    if (stopping_)
        return false;
    if (collector_) // the other thread was first
        return true;
    engine_ = info.value();
    collector_ = std::make_unique<StatsCollector>(client_, os, [this](const CollectorEvent& event) {
        if (event.kind == CollectorEvent::Kind::Sample)
            state_.recordSample(event.sample, ExporterState::Clock::now());
        else if (event.kind == CollectorEvent::Kind::Stopped)
            state_.forget(event.containerId);
    });
    return true;
}

void ContainerWatcher::start(const std::string& id)
{
    if (state_.tracks(id))
        return;
    auto details = client_->inspectContainer(id);
    if (!details || !details.value().running)
        return;
    const auto& d = details.value();
    std::lock_guard lock(mutex_);
    if (stopping_ || !collector_)
        return;
    const auto isolation = effectiveIsolation(d.isolation, *engine_);
    ContainerIdentity identity{d.id,
                               d.name,
                               d.image,
                               isolationLabel(isolation),
                               d.runtime,
                               labelOr(d.labels, kSessionLabel),
                               labelOr(d.labels, kModeLabel)};
    state_.track(std::move(identity), startDuration(d));
    WatchTarget target{d.id, d.name, {}};
    target.limits.nanoCpus = d.nanoCpus;
    target.limits.cpuCount = d.cpuCount;
    target.limits.memoryBytes = d.memoryBytes;
    target.limits.effectiveIsolation = isolation;
    collector_->watch(target);
}

void ContainerWatcher::stop(const std::string& id)
{
    std::lock_guard lock(mutex_);
    state_.forget(id); // first: a sample arriving while the stream stops is dropped
    if (collector_)
        collector_->unwatch(id);
}

bool ContainerWatcher::reconcile()
{
    if (!ensureEngineKnown())
        return false;
    auto running = client_->listContainers({}, /*all=*/false);
    if (!running)
        return false;
    std::set<std::string> now;
    for (const auto& container : running.value()) {
        now.insert(container.id);
        start(container.id);
    }
    auto known = state_.trackedIds();
    {
        std::lock_guard lock(mutex_);
        for (auto& id : collector_->watched()) // also streams whose container stopped on its own
            known.push_back(std::move(id));
    }
    for (const auto& id : known)
        if (now.count(id) == 0)
            stop(id);
    return true;
}

void ContainerWatcher::reconcileUntilStopped()
{
    do {
        state_.setEngineUp(reconcile());
    } while (waitOrStop(reconcileEvery_));
}

void ContainerWatcher::followEvents()
{
    const EngineFilters filters{{"type", {"container"}}, {"event", {"start", "die", "destroy"}}};
    do {
        if (!ensureEngineKnown())
            continue;
        (void)client_->streamEvents(
            filters,
            [this](const EngineEvent& event) {
                if (event.action == "start")
                    start(event.actorId);
                else
                    stop(event.actorId);
                return true;
            },
            &eventsCancel_);
    } while (waitOrStop(std::chrono::seconds(1)));
}

} // namespace isolens
