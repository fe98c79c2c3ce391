#include "isolens/core/stats/stats_collector.hpp"

#include "isolens/core/base/clock.hpp"
#include "isolens/core/stats/stats_normalizer.hpp"

#include <atomic>

namespace isolens {

struct StatsCollector::Stream {
    WatchTarget target;
    CancelToken cancel;
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> lastSampleSteadyNanos{0};
    std::atomic<bool> gapReported{false};
    std::atomic<bool> ended{false}; // the container stopped: no more samples, so no gaps either
    std::thread thread;
};

StatsCollector::StatsCollector(std::shared_ptr<EngineClient> client, EngineOs os, Sink sink,
                               std::chrono::milliseconds staleAfter,
                               std::chrono::milliseconds streamIdleTimeout)
    : client_(std::move(client))
    , os_(os)
    , sink_(std::move(sink))
    , staleAfter_(staleAfter)
    , streamIdleTimeout_(streamIdleTimeout)
{
    watchdog_ = std::thread([this] { watchdog(); });
}

StatsCollector::~StatsCollector()
{
    for (const auto& id : watched())
        unwatch(id);
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    watchdog_.join();
}

void StatsCollector::watch(const WatchTarget& target)
{
    std::lock_guard lock(mutex_);
    if (streams_.count(target.id))
        return;
    auto stream = std::make_unique<Stream>();
    stream->target = target;
    stream->lastSampleSteadyNanos = std::chrono::steady_clock::now().time_since_epoch().count();
    auto* raw = stream.get();
    streams_[target.id] = std::move(stream);
    raw->thread = std::thread([this, raw] { run(*raw); });
}

void StatsCollector::unwatch(const std::string& id)
{
    std::unique_ptr<Stream> stream;
    {
        std::lock_guard lock(mutex_);
        auto it = streams_.find(id);
        if (it == streams_.end())
            return;
        stream = std::move(it->second);
        streams_.erase(it);
    }
    {
        // Under the mutex: the stream's wait checks stop under it, so it cannot miss the wake-up.
        std::lock_guard lock(mutex_);
        stream->stop = true;
    }
    stream->cancel.cancel();
    wake_.notify_all();
    stream->thread.join();
}

std::vector<std::string> StatsCollector::watched() const
{
    std::lock_guard lock(mutex_);
    std::vector<std::string> ids;
    for (const auto& [id, _] : streams_)
        ids.push_back(id);
    return ids;
}

void StatsCollector::deliver(const CollectorEvent& event)
{
    std::lock_guard lock(sinkMutex_); // one event at a time: sinks need not be thread-safe
    sink_(event);
}

// A thread body lets no exception out (it would end the process with the containers running):
// the stream stops and says why.
void StatsCollector::run(Stream& stream)
{
    try {
        follow(stream);
    } catch (const std::exception& e) {
        stream.ended = true;
        reportFailure(stream.target.id, stream.target.name, e.what());
    } catch (...) {
        stream.ended = true;
        reportFailure(stream.target.id, stream.target.name, "unknown exception");
    }
}

void StatsCollector::reportFailure(const std::string& id, const std::string& name, const char* what)
{
    CollectorEvent event;
    event.kind = CollectorEvent::Kind::Error;
    event.containerId = id;
    event.name = name;
    event.timeNanos = wallClockNanos();
    event.error = makeError(ErrorKind::Other,
                            "Collecting the stats of " + name + " stopped on an internal error: " + what);
    try {
        deliver(event);
    } catch (...) {
        // The sink is the only way to report, and it failed again: stopping quietly beats ending the process.
    }
}

void StatsCollector::follow(Stream& stream)
{
    const auto& target = stream.target;
    while (!stream.stop) {
        auto streamed = client_->streamStats(
            target.id,
            [&](const nlohmann::json& raw) {
                CollectorEvent event;
                event.kind = CollectorEvent::Kind::Sample;
                event.containerId = target.id;
                event.name = target.name;
                event.sample = normalizeStats(raw, os_, target.limits);
                // A stopped container's stream goes on with zeroed samples: end it and find out why.
                if (!event.sample.valid)
                    return false;
                if (event.sample.name.empty())
                    event.sample.name = target.name;
                event.timeNanos = event.sample.timeNanos;
                stream.lastSampleSteadyNanos = std::chrono::steady_clock::now().time_since_epoch().count();
                stream.gapReported = false;
                deliver(event);
                return !stream.stop.load();
            },
            &stream.cancel, streamIdleTimeout_);
        if (stream.stop)
            return;

        CollectorEvent event;
        event.containerId = target.id;
        event.name = target.name;
        event.timeNanos = wallClockNanos();
        // With the stream's token: unwatch() must not wait for an engine that does not answer.
        auto details = client_->inspectContainer(target.id, &stream.cancel);
        if (stream.stop)
            return;
        const bool removed = !details && details.error().kind == ErrorKind::ContainerNotFound;
        if (removed || (details && !details.value().running)) {
            event.kind = CollectorEvent::Kind::Stopped; // nothing more will come
            stream.ended = true;
            if (details) {
                auto output = client_->containerLogs(target.id, kExitOutputLines, &stream.cancel);
                event.exit = containerExitFrom(details.value(), output ? output.value().both : std::string());
                if (!output)
                    event.exit->lastOutput = {"(its output could not be read: " + output.error().message +
                                              ")"};
            } else {
                event.exit = removedContainerExit();
            }
            deliver(event);
            return;
        }
        event.kind = CollectorEvent::Kind::Error;
        if (!streamed)
            event.error = streamed.error();
        else if (!details)
            event.error = details.error();
        else
            event.error = makeError(ErrorKind::EngineUnreachable,
                                    "The engine ended the stats stream of " + target.name + " while it runs");
        deliver(event);
        std::unique_lock lock(mutex_);
        wake_.wait_for(lock, std::chrono::seconds(1), [&] { return stream.stop.load(); });
    }
}

void StatsCollector::watchdog()
{
    try {
        watchForGaps();
    } catch (const std::exception& e) {
        const char* what = e.what();
        std::vector<std::pair<std::string, std::string>> targets;
        {
            std::lock_guard lock(mutex_);
            for (const auto& [id, stream] : streams_)
                targets.emplace_back(id, stream->target.name);
        }
        for (const auto& [id, name] : targets)
            reportFailure(id, name, (std::string("no more gaps are detected: ") + what).c_str());
    } catch (...) {
    }
}

void StatsCollector::watchForGaps()
{
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::milliseconds(250));
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        std::vector<CollectorEvent> gaps;
        for (auto& [id, stream] : streams_) {
            const auto silent = std::chrono::nanoseconds(now - stream->lastSampleSteadyNanos.load());
            if (!stream->ended && silent >= staleAfter_ && !stream->gapReported.exchange(true)) {
                CollectorEvent event;
                event.kind = CollectorEvent::Kind::Gap;
                event.containerId = id;
                event.name = stream->target.name;
                event.timeNanos = wallClockNanos();
                gaps.push_back(std::move(event));
            }
        }
        lock.unlock();
        for (const auto& gap : gaps)
            deliver(gap);
        lock.lock();
    }
}

} // namespace isolens
