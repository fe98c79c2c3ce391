#pragma once

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/exporter/exporter_state.hpp"
#include "isolens/core/stats/stats_collector.hpp"

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace isolens {

// Keeps the exporter's state in step with the engine's running containers, and changes nothing on the
// engine. The engine's container events add a container when it starts and drop it when it dies or
// is removed; a listing every reconcileEvery catches what a broken event stream missed. Each running
// container's stats stream feeds its figures. When the engine cannot be reached, the state says so
// and the watcher tries again every second.
class ContainerWatcher {
public:
    ContainerWatcher(std::shared_ptr<EngineClient> client, ExporterState& state,
                     std::chrono::milliseconds reconcileEvery = std::chrono::seconds(5));
    ~ContainerWatcher(); // stops the event stream, the listing and every stats stream
    ContainerWatcher(const ContainerWatcher&) = delete;
    ContainerWatcher& operator=(const ContainerWatcher&) = delete;

private:
    void followEvents();
    void reconcileUntilStopped();
    bool reconcile();                  // false when the engine did not answer
    bool ensureEngineKnown();          // the engine's facts and the collector, once
    void start(const std::string& id); // inspect, track and watch; no-op when tracked
    void stop(const std::string& id);  // unwatch and forget
    bool waitOrStop(std::chrono::milliseconds pause);

    std::shared_ptr<EngineClient> client_;
    ExporterState& state_;
    std::chrono::milliseconds reconcileEvery_;
    std::mutex mutex_; // guards engine_, collector_, stopping_
    std::optional<EngineInfo> engine_;
    std::unique_ptr<StatsCollector> collector_;
    bool stopping_ = false;
    std::condition_variable wake_;
    CancelToken eventsCancel_;
    std::thread events_;
    std::thread reconciler_;
};

} // namespace isolens
