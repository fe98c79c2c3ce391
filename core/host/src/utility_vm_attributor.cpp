#include "isolens/core/host/utility_vm_attributor.hpp"

namespace isolens {

UtilityVmAttributor::UtilityVmAttributor(Lister lister)
    : lister_(std::move(lister))
{}

bool UtilityVmAttributor::listIsStale(std::chrono::steady_clock::time_point now) const
{
    if (!systems_)
        return true;
    const auto age = now - listedAt_;
    if (!*systems_)
        return age >= kRelistFailed;
    // Not listed yet, or its VM not running (yet, or again after a restart under a new GUID).
    const bool unmatched = lastGap_ == AttributionGap::NotListed || lastGap_ == AttributionGap::NoRuntimeId ||
                           lastGap_ == AttributionGap::NoWorkerForVm;
    return unmatched && age >= kRelistUnmatched;
}

UtilityVmAttribution UtilityVmAttributor::attribute(const std::string& containerId, const HostSnapshot& host,
                                                    std::chrono::steady_clock::time_point now)
{
    if (containerId.empty())
        return {std::nullopt, AttributionGap::NotAsked, {}};
    if (containerId != containerId_) {
        containerId_ = containerId;
        systems_.reset();
    }
    if (listIsStale(now)) {
        systems_ = lister_();
        listedAt_ = now;
    }
    const auto attribution = attributeUtilityVm(containerId, *systems_, host);
    lastGap_ = attribution.gap;
    return attribution;
}

} // namespace isolens
