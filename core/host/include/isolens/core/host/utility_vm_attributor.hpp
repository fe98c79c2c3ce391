#pragma once

#include "isolens/core/host/utility_vm_attribution.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace isolens {

// Attributes one Hyper-V container's utility VM, snapshot after snapshot. A utility VM keeps its GUID
// for its life, so the Host Compute Service is asked once per container, and again only while no vmmem
// matches (not listed yet, or its VM not running: every kRelistUnmatched) or the service could not be
// asked (every kRelistFailed); the vmmem is found in each snapshot by its token's SID, at no cost.
class UtilityVmAttributor {
public:
    using Lister = std::function<Result<std::vector<ComputeSystem>>()>;
    static constexpr std::chrono::seconds kRelistUnmatched{5};
    static constexpr std::chrono::seconds kRelistFailed{30};

    explicit UtilityVmAttributor(Lister lister = enumerateComputeSystems);

    // containerId empty: nothing to attribute (AttributionGap::NotAsked), and nothing is asked.
    UtilityVmAttribution attribute(const std::string& containerId, const HostSnapshot& host,
                                   std::chrono::steady_clock::time_point now);

private:
    bool listIsStale(std::chrono::steady_clock::time_point now) const;

    Lister lister_;
    std::string containerId_;
    std::optional<Result<std::vector<ComputeSystem>>> systems_;
    std::chrono::steady_clock::time_point listedAt_;
    AttributionGap lastGap_ = AttributionGap::NotAsked;
};

} // namespace isolens
