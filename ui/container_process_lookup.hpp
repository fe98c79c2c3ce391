#pragma once

#include "engine_jobs.hpp"
#include "gui_inbox.hpp"
#include "host_process_model.hpp"

#include <QColor>
#include <QHash>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace isolens {
class CancelToken;
class EngineClient;
struct HostSnapshot;
} // namespace isolens

// Which host processes are the running pair's, as the engine says (docker top), so that a
// process-isolated container's processes are named in the process list. Asked every other host sample,
// one round at a time, on a queue of its own, never on the sampler's thread: stopping the sampler (the GUI
// thread does) never waits for an engine request, however long an outage makes one take. A round still
// under way when the lookup goes is cancelled and ends after close.
class ContainerProcessLookup {
public:
    // What the lookup needs to know of a container of the pair.
    struct Container {
        std::string id;
        std::string name;
        std::string isolation;
        QString mode;
        QColor color;
    };

    explicit ContainerProcessLookup(QObject* receiver); // GUI thread; results arrive there while it lives
    ~ContainerProcessLookup();

    // Any thread: the pair's containers from now on (none: nothing is asked, nothing is named).
    void watch(std::vector<Container> containers);
    // The host sampler's thread, after each sample: asks the engine when it is time to.
    void onHostSample(const std::shared_ptr<isolens::EngineClient>& client,
                      const std::shared_ptr<const isolens::HostSnapshot>& snapshot);
    // GUI thread: the pair's processes, by host PID, as the last round found them.
    const QHash<int, ContainerProcessTag>& processes() const { return processes_; }

private:
    // What the rounds share with the sampler's thread; outlives the lookup while a round runs.
    struct Shared {
        std::mutex mutex;
        std::vector<Container> watched; // guarded by mutex
        std::atomic<bool> roundInFlight{false};
        std::atomic<int> samples{0};
        std::shared_ptr<isolens::CancelToken> cancel;
    };
    std::shared_ptr<Shared> shared_;
    GuiInbox inbox_;
    QHash<int, ContainerProcessTag> processes_; // GUI thread
    EngineJobs rounds_;
};
