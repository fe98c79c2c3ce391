#pragma once

#include "isolens/core/engine/container_ownership.hpp"
#include "isolens/core/engine/engine_client.hpp"
#include "isolens/core/session/container_ledger.hpp"

#include <string>
#include <vector>

namespace isolens {

// A container of an IsoLens session that no longer runs, with the verdict that makes it one.
struct OrphanedContainer {
    std::string id;
    std::string name;
    std::string session;
    std::string state;
    OwnershipVerdict verdict;
};

// What cleanup may offer to remove. Containers whose labels do not prove IsoLens made them (an
// image's labels, another name, no record here) are in neither list.
struct OrphanSearch {
    std::vector<OrphanedContainer> ours;       // created by this machine's IsoLens, session gone
    std::vector<OrphanedContainer> otherHosts; // IsoLens' on another machine: live or not, we cannot tell
};

Result<OrphanSearch> findOrphans(EngineClient& client, const ContainerLedger& ledger);

// Removes one orphan found above, by its ID (never a fresh listing), keeping its volumes.
Result<void> removeOrphan(EngineClient& client, const OrphanedContainer& orphan);

} // namespace isolens
