#include "container_process_lookup.hpp"

#include "isolens/core/base/cancel_token.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/host/host_metrics.hpp"
#include "isolens/core/host/process_visibility.hpp"

using namespace isolens;

ContainerProcessLookup::ContainerProcessLookup(QObject* receiver)
    : shared_(std::make_shared<Shared>())
    , inbox_(receiver)
{
    shared_->cancel = std::make_shared<CancelToken>();
}

ContainerProcessLookup::~ContainerProcessLookup()
{
    shared_->cancel->cancel();
}

void ContainerProcessLookup::watch(std::vector<Container> containers)
{
    std::lock_guard lock(shared_->mutex);
    shared_->watched = std::move(containers);
}

void ContainerProcessLookup::onHostSample(const std::shared_ptr<EngineClient>& client,
                                          const std::shared_ptr<const HostSnapshot>& snapshot)
{
    std::vector<Container> watched;
    {
        std::lock_guard lock(shared_->mutex);
        watched = shared_->watched;
    }
    if (watched.empty()) {
        inbox_.post([this] { processes_.clear(); });
        return;
    }
    if (!client || shared_->samples++ % 2 != 0 || shared_->roundInFlight.exchange(true))
        return;
    rounds_.start([this, inbox = inbox_, shared = shared_, client, watched = std::move(watched), snapshot] {
        QHash<int, ContainerProcessTag> pids;
        for (const auto& container : watched) {
            auto top = client->top(container.id, shared->cancel.get());
            if (!top)
                continue; // gone meanwhile, or the engine does not answer: the next round asks again
            const auto visibility =
                mapToHost(container.id, container.name, container.isolation, top.value(), *snapshot);
            for (int pid : visibility.hostPids)
                pids.insert(pid, {container.mode, QString::fromStdString(container.name), container.color});
        }
        shared->roundInFlight = false;
        if (!shared->cancel->isCancelled())
            inbox.post([this, pids = std::move(pids)] { processes_ = pids; });
    });
}
