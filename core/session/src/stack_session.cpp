#include "isolens/core/session/stack_session.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/base/version.hpp"
#include "isolens/core/engine/effective_isolation.hpp"
#include "isolens/core/host/host_os.hpp"
#include "isolens/core/stats/staleness.hpp"

#include <utility>

namespace isolens {

// Each group's sum and each member with a series is a mode of the recording, which names only so many.
static_assert(2 + 2 * kMaxStackMemberSeries <= kMaxRecordingModes);

StackSession::StackSession(std::shared_ptr<EngineClient> client, EngineInfo engine, StackRequest request,
                           SeriesStore& store, RecordingWriter* recorder, Log log,
                           std::chrono::milliseconds relistEvery)
    : client_(std::move(client))
    , engine_(std::move(engine))
    , request_(request)
    , store_(store)
    , recorder_(recorder)
    , log_(log ? std::move(log) : [](const std::string&) {})
    , relistEvery_(relistEvery)
    , membership_(std::move(request))
{}

StackSession::~StackSession()
{
    stop();
}

Result<void> StackSession::start()
{
    if (auto checked = checkStackRequest(request_); !checked)
        return checked.error();
    std::lock_guard lock(mutex_);
    if (started_ || stopping_)
        return success();
    started_ = true;
    collector_ =
        std::make_unique<StatsCollector>(client_, engineOsFromOsType(engine_.osType),
                                         [this](const CollectorEvent& event) { onCollectorEvent(event); });
    // Subscribed first, listed after: a start between the two is seen by one of them (and the listing every
    // relistEvery_ catches what both missed).
    events_ = std::thread([this] { followEvents(); });
    ticker_ = std::thread([this] { tickUntilStopped(); });
    return success();
}

void StackSession::stop()
{
    std::unique_ptr<StatsCollector> collector;
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        stopping_ = true;
    }
    eventsCancel_.cancel();
    joinCancel_.cancel();
    wake_.notify_all();
    if (events_.joinable())
        events_.join();
    if (ticker_.joinable())
        ticker_.join();
    {
        std::lock_guard lock(mutex_);
        collector = std::move(collector_);
    }
    collector.reset(); // its threads end before the store and the recording they write may go
}

bool StackSession::waitOrStop(std::chrono::milliseconds pause)
{
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, pause, [this] { return stopping_; });
}

void StackSession::record(const std::string& mode, EventKind kind, const std::string& detail)
{
    if (recorder_) // a failure is the writer's to report (RecordingWriter::onFailure)
        (void)recorder_->event(mode, wallClockNanos(), kind, detail);
}

void StackSession::followEvents()
{
    const EngineFilters filters{
        {"type", {"container"}}, {"label", {request_.label}}, {"event", {"start", "die", "destroy"}}};
    do {
        (void)client_->streamEvents(
            filters,
            [this](const EngineEvent& event) {
                if (event.action == "start") {
                    join(event.actorId);
                } else {
                    std::lock_guard lock(mutex_);
                    if (auto member = membership_.leave(event.actorId))
                        left(*member);
                }
                return true;
            },
            &eventsCancel_);
    } while (waitOrStop(std::chrono::seconds(1)));
}

void StackSession::join(const std::string& containerId)
{
    // Inspected outside the lock: the engine may be slow to answer.
    auto details = client_->inspectContainer(containerId, &joinCancel_);
    if (!details || !details.value().running)
        return;
    const auto& d = details.value();
    std::lock_guard lock(mutex_);
    if (stopping_)
        return;
    if (auto member = membership_.join(d.id, d.name, d.labels))
        joined(*member, &d);
}

// Under mutex_, after a membership change: the counts the GUI thread reads without the lock.
void StackSession::countMembers()
{
    for (std::size_t side = 0; side < 2; ++side)
        memberCounts_[side] = membership_.members(side).size();
}

// Under mutex_, with the membership change it follows: a member's join and leave never interleave.
void StackSession::joined(const StackMember& member, const ContainerDetails* details)
{
    if (stopping_ || !collector_)
        return;
    const auto& group = request_.groups[member.side];
    {
        std::lock_guard lock(targetsMutex_);
        targets_[member.containerId] = {member.side, member.seriesKey};
    }
    groups_.addMember(group, member.containerId);
    WatchTarget target{member.containerId, member.name, {}};
    if (details) {
        target.limits.nanoCpus = details->nanoCpus;
        target.limits.cpuCount = details->cpuCount;
        target.limits.memoryBytes = details->memoryBytes;
        target.limits.effectiveIsolation = effectiveIsolation(details->isolation, engine_);
    }
    collector_->watch(target);
    countMembers();
    record(member.seriesKey.empty() ? group : member.seriesKey, EventKind::Started, member.name);
    log_(group + ": " + member.name + " joined" +
         (member.seriesKey.empty() ? " (in the sum; beyond " + std::to_string(kMaxStackMemberSeries) +
                                         " members, without a series of its own)"
                                   : std::string()));
}

// Under mutex_, as joined(). The collector's threads never take mutex_, so unwatching here cannot wait on
// a stream that waits on it.
void StackSession::left(const StackMember& member)
{
    // First: a sample that arrives while its stream stops is dropped.
    {
        std::lock_guard lock(targetsMutex_);
        targets_.erase(member.containerId);
    }
    groups_.removeMember(member.containerId);
    countMembers();
    if (collector_)
        collector_->unwatch(member.containerId);
    const auto& group = request_.groups[member.side];
    if (!member.seriesKey.empty()) {
        store_.addGap(member.seriesKey, wallClockNanos());
        record(member.seriesKey, EventKind::Gap, member.name + " left the stack");
    }
    log_(group + ": " + member.name + " left");
}

bool StackSession::relist()
{
    std::uint64_t since = 0;
    {
        std::lock_guard lock(mutex_);
        since = membership_.mark();
    }
    std::vector<ContainerSummary> running;
    for (const auto& group : request_.groups) {
        auto listed = client_->listContainers({{"label", {request_.label + "=" + group}}}, /*all=*/false);
        if (!listed)
            return false; // half a listing would drop the other group's members
        running.insert(running.end(), listed.value().begin(), listed.value().end());
    }
    StackMembership::Changes changes;
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return true;
        changes = membership_.reconcile(running, since);
        for (const auto& member : changes.left)
            left(member);
        countMembers();
    }
    for (const auto& member : changes.joined) {
        // The listing does not tell the limits: ask, as for a start event. A container the engine had just
        // stopped may still be listed as running: asked again, it is not, and leaves at once.
        auto details = client_->inspectContainer(member.containerId);
        std::lock_guard lock(mutex_);
        if (!membership_.member(member.containerId)) // it left while it was asked about
            continue;
        if (details && !details.value().running) {
            membership_.leave(member.containerId);
            countMembers();
        } else
            joined(member, details ? &details.value() : nullptr);
    }
    return true;
}

void StackSession::leaveStopped()
{
    std::vector<std::string> stopped;
    {
        std::lock_guard lock(stoppedMutex_);
        stopped = std::exchange(stoppedMembers_, {});
    }
    std::lock_guard lock(mutex_);
    for (const auto& id : stopped)
        if (auto member = membership_.leave(id))
            left(*member);
}

void StackSession::tickUntilStopped()
{
    std::array<bool, 2> hadSum{false, false};
    auto nextListing = std::chrono::steady_clock::now();
    do {
        if (std::chrono::steady_clock::now() >= nextListing) {
            if (!relist())
                log_("listing the stacks failed; trying again in " +
                     std::to_string(relistEvery_.count() / 1000) + " s");
            nextListing = std::chrono::steady_clock::now() + relistEvery_;
        }
        leaveStopped();
        const auto now = wallClockNanos();
        const auto sums = groups_.tick(now);
        for (std::size_t side = 0; side < 2; ++side) {
            const auto& group = request_.groups[side];
            if (auto it = sums.find(group); it != sums.end()) {
                store_.addSample(group, it->second);
                if (recorder_)
                    (void)recorder_->sample(group, it->second);
                hadSum[side] = true;
            } else if (hadSum[side]) {
                // A member is silent, or none is left: a gap, never a lower figure.
                store_.addGap(group, now);
                record(group, EventKind::Gap, noSampleForStaleTime());
                hadSum[side] = false;
            }
        }
    } while (waitOrStop(std::chrono::seconds(1)));
}

void StackSession::onCollectorEvent(const CollectorEvent& event)
{
    Target target;
    {
        std::lock_guard lock(targetsMutex_);
        auto it = targets_.find(event.containerId);
        if (it == targets_.end())
            return;
        target = it->second;
    }
    switch (event.kind) {
    case CollectorEvent::Kind::Sample:
        groups_.update(event.containerId, event.sample);
        if (target.seriesKey.empty())
            return;
        store_.addSample(target.seriesKey, event.sample);
        if (recorder_)
            (void)recorder_->sample(target.seriesKey, event.sample);
        break;
    case CollectorEvent::Kind::Stopped: {
        // Its stream ended with the container: it leaves on the next tick (here, on the collector's thread,
        // its stream cannot be unwatched), also when the die event was missed.
        std::lock_guard lock(stoppedMutex_); // never mutex_: it is held while a stream is unwatched
        stoppedMembers_.push_back(event.containerId);
        break;
    }
    case CollectorEvent::Kind::Gap:
        if (!target.seriesKey.empty()) {
            store_.addGap(target.seriesKey, event.timeNanos);
            record(target.seriesKey, EventKind::Gap, noSampleForStaleTime());
        }
        break;
    case CollectorEvent::Kind::Error:
        record(target.seriesKey.empty() ? request_.groups[target.side] : target.seriesKey, EventKind::Error,
               event.error ? event.error->message : "stats stream failed");
        break;
    }
}

std::array<std::vector<StackMemberFigures>, 2> StackSession::members() const
{
    std::array<std::vector<StackMember>, 2> members;
    {
        std::lock_guard lock(mutex_);
        for (std::size_t side = 0; side < 2; ++side)
            members[side] = membership_.members(side);
    }
    const auto now = wallClockNanos();
    std::array<std::vector<StackMemberFigures>, 2> out;
    for (std::size_t side = 0; side < 2; ++side) {
        std::map<std::string, MemberSample> samples;
        for (auto& sample : groups_.memberSamples(request_.groups[side], now))
            samples[sample.containerId] = std::move(sample);
        for (auto& member : members[side]) {
            StackMemberFigures figures{member, {}, false};
            if (auto it = samples.find(member.containerId); it != samples.end()) {
                figures.sample = it->second.sample;
                figures.fresh = it->second.fresh;
            }
            out[side].push_back(std::move(figures));
        }
    }
    return out;
}

RecordingHeader stackRecordingHeader(const StackRequest& request, const EngineInfo& engine,
                                     const std::string& endpoint, const std::string& recordedBy)
{
    RecordingHeader header;
    header.appVersion = kIsoLensVersion;
    header.startedNanos = wallClockNanos();
    header.engine = {engine.osType, engine.serverVersion, endpoint};
    header.hostDescription = readHostOs().description;
    header.recordedBy = recordedBy;
    for (const auto& group : request.groups)
        header.modes.push_back({group, "", ""});
    header.stacks = RecordedStacks{request.label};
    return header;
}

} // namespace isolens
