#include "isolens/core/session/orphan_search.hpp"
#include "isolens/core/platform/processes.hpp"

#include "isolens/core/session/pair_session.hpp"

#include <cstdlib>
#include <map>

namespace isolens {

Result<OrphanSearch> findOrphans(EngineClient& client, const ContainerLedger& ledger)
{
    auto labelled = client.listContainers({{"label", {kSessionLabel}}}, /*all=*/true);
    if (!labelled)
        return labelled.error();
    auto created = ledger.ids();
    if (!created)
        return created.error();
    OwnershipEvidence evidence;
    evidence.createdHere = std::move(created.value());
    evidence.thisHost = thisHostName();
    std::map<std::string, std::optional<Labels>> imageLabels; // by image ID: one inspection each
    OrphanSearch found;
    for (const auto& container : labelled.value()) {
        auto image = imageLabels.find(container.imageId);
        if (image == imageLabels.end()) {
            auto inspected = client.inspectImage(container.imageId);
            image = imageLabels
                        .emplace(container.imageId,
                                 inspected ? std::optional<Labels>(inspected.value().labels) : std::nullopt)
                        .first;
        }
        evidence.container = container;
        evidence.imageLabels = image->second;
        const auto pid = container.labels.find(kOwnerPidLabel);
        evidence.ownerProcessAlive =
            pid != container.labels.end() && processAlive(std::atoi(pid->second.c_str()));
        auto verdict = judgeOwnership(evidence);
        if (verdict.ownership != Ownership::OursEnded && verdict.ownership != Ownership::OtherHost)
            continue;
        auto& list = verdict.ownership == Ownership::OursEnded ? found.ours : found.otherHosts;
        list.push_back({container.id, container.name, container.labels.at(kSessionLabel), container.state,
                        std::move(verdict)});
    }
    return found;
}

Result<void> removeOrphan(EngineClient& client, const OrphanedContainer& orphan)
{
    return client.removeContainer(orphan.id, /*force=*/true, AnonymousVolumes::Keep);
}

} // namespace isolens
