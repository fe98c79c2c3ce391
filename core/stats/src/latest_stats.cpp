#include "isolens/core/stats/latest_stats.hpp"

#include "isolens/core/stats/staleness.hpp"

#include <algorithm>

namespace isolens {

void LatestStats::add(const std::string& id, const std::string& name)
{
    std::lock_guard lock(mutex_);
    if (std::none_of(entries_.begin(), entries_.end(), [&](const Entry& e) { return e.id == id; })) {
        Entry entry;
        entry.id = id;
        entry.name = name;
        entries_.push_back(std::move(entry));
    }
}

void LatestStats::apply(const CollectorEvent& event)
{
    std::lock_guard lock(mutex_);
    auto it = std::find_if(entries_.begin(), entries_.end(),
                           [&](const Entry& e) { return e.id == event.containerId; });
    if (it == entries_.end())
        return;
    switch (event.kind) {
    case CollectorEvent::Kind::Sample:
        if (event.sample.valid) {
            it->state = State::Live;
            it->sample = event.sample;
            it->message.clear();
        } else {
            it->state = State::Stopped;
            it->message = "not running";
        }
        break;
    case CollectorEvent::Kind::Gap:
        it->state = State::Stale;
        it->message = noSampleForStaleTime();
        break;
    case CollectorEvent::Kind::Stopped:
        it->state = State::Stopped;
        it->message = event.exit && event.exit->exitCode
                          ? "exited (" + std::to_string(*event.exit->exitCode) + ")"
                          : "removed";
        break;
    case CollectorEvent::Kind::Error:
        it->state = State::Failed;
        it->message = event.error ? event.error->message : "stream failed";
        break;
    }
}

std::vector<LatestStats::Entry> LatestStats::snapshot() const
{
    std::lock_guard lock(mutex_);
    return entries_;
}

} // namespace isolens
