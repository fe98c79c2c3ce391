#pragma once

#include "container_process_lookup.hpp"
#include "gui_inbox.hpp"
#include "host_process_model.hpp"

#include <QHash>
#include <QString>

#include <functional>
#include <memory>
#include <string>

namespace isolens {
class EngineClient;
class HostSampler;
class RecordingWriter;
class SeriesStore;
struct HostSnapshot;
} // namespace isolens

// Samples this PC (host CPU and memory, the VM workers, the isolation tax) into the store while the
// dashboard is live, and hands each snapshot to the GUI thread with the pair's processes named (through
// ContainerProcessLookup). The sampler's thread never waits on the engine, so stopping it on the GUI thread
// is quick.
class HostSamplingBridge {
public:
    using Delivery = std::function<void(std::shared_ptr<const isolens::HostSnapshot> snapshot,
                                        const QHash<int, ContainerProcessTag>& containerProcesses,
                                        const QString& taxExplanation)>;

    // GUI thread; delivery runs there, while receiver lives.
    HostSamplingBridge(QObject* receiver, Delivery delivery);
    ~HostSamplingBridge();

    // Samples into store from now on (and into recorder, when given; hyperVSeries names the pair's Hyper-V
    // side, if any), asking client for the pair's processes. Nothing is sampled when the engine is on
    // another machine: this PC's figures are not its host's.
    void restart(const std::shared_ptr<isolens::EngineClient>& client, isolens::SeriesStore& store,
                 isolens::RecordingWriter* recorder, const std::string& hyperVSeries);
    void stop();
    // From the next sample on, the utility VM of this container is attributed, not guessed.
    void attributeHyperVContainer(const std::string& containerId);
    ContainerProcessLookup& containerProcesses() { return lookup_; }

private:
    GuiInbox inbox_;
    Delivery delivery_;
    ContainerProcessLookup lookup_;
    std::unique_ptr<isolens::HostSampler> sampler_;
};
