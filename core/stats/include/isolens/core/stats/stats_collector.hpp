#pragma once

#include "isolens/core/base/error.hpp"
#include "isolens/core/engine/container_exit.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/stats/staleness.hpp"
#include "isolens/core/stats/stats_sample.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace isolens {

struct WatchTarget {
    std::string id;
    std::string name;
    ContainerLimits limits;
};

// What a collector reports about one container.
struct CollectorEvent {
    enum class Kind {
        Sample,  // a normalized sample (check sample.valid)
        Gap,     // no sample for the stale time (kStaleAfter): show "--", never zero
        Stopped, // the stream ended because the container is no longer running
        Error,   // the stream failed; the collector retries every second until unwatched
    };
    Kind kind = Kind::Sample;
    std::string containerId;
    std::string name;
    std::int64_t timeNanos = 0; // wall clock of the event (the sample's own time for samples)
    StatsSample sample;
    std::optional<Error> error;
    std::optional<ContainerExit> exit; // Stopped: how it ended, with its last output
};

// The engine sends a stats sample every second: a stream silent this long is dead (a hung engine,
// a half-open TCP connection) and is ended so the collector's retry can run.
inline constexpr std::chrono::milliseconds kStatsStreamIdleTimeout = std::chrono::seconds(10);

// One stats stream per watched container, each on its own thread: nothing is collected for a
// container nobody watches. Events go to the sink from the collector's threads.
class StatsCollector {
public:
    using Sink = std::function<void(const CollectorEvent&)>;

    StatsCollector(std::shared_ptr<EngineClient> client, EngineOs os, Sink sink,
                   std::chrono::milliseconds staleAfter = kStaleAfter,
                   std::chrono::milliseconds streamIdleTimeout = kStatsStreamIdleTimeout);
    ~StatsCollector();
    StatsCollector(const StatsCollector&) = delete;
    StatsCollector& operator=(const StatsCollector&) = delete;

    void watch(const WatchTarget& target); // no-op when already watched
    void unwatch(const std::string& id);   // stops its stream within 100 ms
    std::vector<std::string> watched() const;

private:
    struct Stream;
    void run(Stream& stream);
    void follow(Stream& stream);
    void watchdog();
    void watchForGaps();
    void reportFailure(const std::string& id, const std::string& name, const char* what);
    void deliver(const CollectorEvent& event);

    std::shared_ptr<EngineClient> client_;
    EngineOs os_;
    Sink sink_;
    std::chrono::milliseconds staleAfter_;
    std::chrono::milliseconds streamIdleTimeout_;
    mutable std::mutex mutex_;
    std::map<std::string, std::unique_ptr<Stream>> streams_;
    std::mutex sinkMutex_;
    bool stopping_ = false;
    std::condition_variable wake_;
    std::thread watchdog_;
};

} // namespace isolens
